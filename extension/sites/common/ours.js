// Invite Guard's own UI, known by identity: the shadow hosts the content script created. A page can put
// any attribute or tag name on any element (data-inviteguard-ui on <body> once switched the guard off),
// so nothing the page can write says "ours"; only membership in this set does.

const hosts = new WeakSet();

/** claimHost records an element the content script created as one of Invite Guard's hosts and returns it. */
export function claimHost(host) {
  hosts.add(host);
  return host;
}

/** isOurHost tells whether node is one of the hosts the content script created. */
export function isOurHost(node) {
  return !!node && hosts.has(node);
}

/** insideOurs tells whether node is one of our hosts or inside one (through shadow roots too). */
export function insideOurs(node) {
  for (let n = node; n; n = n.parentNode ?? n.host) if (hosts.has(n)) return true;
  return false;
}

/** eventInOurs tells whether an event went through one of our hosts (its composed path holds one). */
export function eventInOurs(e) {
  for (const n of e.composedPath()) if (hosts.has(n)) return true;
  return false;
}
