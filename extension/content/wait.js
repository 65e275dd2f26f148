// Waiting on the page: a condition re-checked on every DOM change (and every 100 ms for state the DOM
// does not show as a mutation, such as dialog.open), bounded by a timeout.

/** waitFor resolves with fn()'s first truthy value, re-checked on every DOM change, or null after ms. */
export function waitFor(doc, fn, ms) {
  return new Promise((resolve) => {
    const first = fn();
    if (first) return resolve(first);
    let settled = false;
    const finish = (v) => {
      if (settled) return;
      settled = true;
      obs.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(v);
    };
    const check = () => {
      const v = fn();
      if (v) finish(v);
    };
    const obs = new MutationObserver(check);
    obs.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => finish(null), ms);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
