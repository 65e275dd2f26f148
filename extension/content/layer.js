// The layer Invite Guard's UI lives in: a custom host element with an open shadow root (the page's CSS
// cannot reach it), shown in the top layer, plus a tiny element builder.

import { CSS } from './style.js';

/** el builds an element: attributes (class, text, others; null/false skipped) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/** mountHost creates the marked host element with an open shadow root holding the shared styles. */
export function mountHost(kind) {
  // A custom element, styled inline: page rules aimed at div or body > * do not reach it.
  const host = document.createElement('invite-guard-ui');
  host.setAttribute('data-inviteguard-ui', kind);
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'open' });
  root.append(el('style', { text: CSS }));
  (document.body ?? document.documentElement).append(host);
  return { host, root };
}

/** toTopLayer shows the host as a manual popover: above the page's own stacking, without making it inert. */
export function toTopLayer(host) {
  host.setAttribute('popover', 'manual');
  for (const [k, v] of [['inset', 'auto'], ['margin', '0'], ['padding', '0'], ['border', '0'], ['background', 'transparent'], ['overflow', 'visible'], ['width', '0'], ['height', '0']]) host.style.setProperty(k, v, 'important');
  try {
    host.showPopover();
  } catch {
    /* no popover support: the fixed layer with the highest z-index still shows */
  }
}

/** pageHasModal tells whether the page shows a modal <dialog> of its own (everything else is inert then). */
export function pageHasModal() {
  try {
    return !!document.querySelector('dialog:modal');
  } catch {
    return false;
  }
}
