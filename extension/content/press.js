// A click as a person's mouse makes it: the control scrolled into view, the pointer over it, pressed and
// released at its centre, then the click. The 2026 Sent list's Withdraw is an <a> whose href may lead
// away (the LinkedIn home page): when the page's own handlers do not take the click (its default is not
// prevented), following the link would leave the list and withdraw nothing, so press() prevents that
// default and says so.

/**
 * ours marks an event as the runner's own (content/hold lets it pass: the user asked for this withdrawal).
 * The mark lives in the extension's isolated world: the page can neither see nor forge it.
 */
function ours(ev) {
  Object.defineProperty(ev, 'inviteGuardRunner', { value: true });
  return ev;
}

/** mouseAt returns the event fields of a mouse at the centre of el. */
function mouseAt(el, win) {
  const r = el.getBoundingClientRect();
  return {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: win,
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
    screenX: r.left + r.width / 2,
    screenY: r.top + r.height / 2,
    button: 0,
  };
}

/**
 * press clicks el as a person does. Returns { handled, href }: handled is false when el is (inside) a
 * link whose click the page did not handle — its navigation was prevented, nothing happened.
 */
export function press(el, win = el.ownerDocument.defaultView) {
  el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  const at = mouseAt(el, win);
  const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  el.dispatchEvent(ours(new PointerEvent('pointerover', pointer)));
  el.dispatchEvent(ours(new MouseEvent('mouseover', at)));
  el.dispatchEvent(ours(new PointerEvent('pointerdown', { ...pointer, buttons: 1 })));
  el.dispatchEvent(ours(new MouseEvent('mousedown', { ...at, buttons: 1 })));
  el.focus?.({ preventScroll: true });
  el.dispatchEvent(ours(new PointerEvent('pointerup', pointer)));
  el.dispatchEvent(ours(new MouseEvent('mouseup', at)));
  const link = el.closest('a[href]');
  let handled = true;
  // On window, bubbling: after every handler of the page has seen the click.
  const guard = (e) => {
    if (!link || !link.contains(e.target) || e.defaultPrevented) return;
    e.preventDefault();
    handled = false;
  };
  win.addEventListener('click', guard);
  try {
    el.dispatchEvent(ours(new MouseEvent('click', { ...at, detail: 1 })));
  } finally {
    win.removeEventListener('click', guard);
  }
  return { handled, href: link ? link.href : '' };
}
