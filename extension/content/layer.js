// The layer Invite Guard's UI lives in: a host element with a closed shadow root (neither the page's CSS
// nor its scripts reach into it: host.shadowRoot is null), known as ours by identity (sites/common/ours.js),
// shown in the top layer. Elements are built with shared/el.js.

import { el } from '../shared/el.js';
import { CSS } from './style.js';
import { claimHost } from '../sites/common/ours.js';

/**
 * shadowHost creates a host element with a closed shadow root and claims it as ours. A plain div, not a
 * custom element: a page could define a custom element of any name first and run its own constructor on
 * our host (attaching an open root before ours). The attribute data-inviteguard-ui only names the kind for
 * people and tests; nothing trusts it. Inline `all: initial !important` beats every page stylesheet.
 */
export function shadowHost(kind, doc = document) {
  const host = claimHost(doc.createElement('div'));
  host.setAttribute('data-inviteguard-ui', kind);
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}

/**
 * mountHost creates our host (closed shadow root holding the shared styles) at the end of the body;
 * prepare(host) runs before the host joins the page.
 */
export function mountHost(kind, prepare = () => {}) {
  const { host, root } = shadowHost(kind);
  root.append(el('style', { text: CSS }));
  prepare(host);
  (document.body ?? document.documentElement).append(host);
  return { host, root };
}

/**
 * mountDialogHost mounts a dialog's host ready for the top layer. Over a modal <dialog> of the page it is a
 * plain host (its own <dialog> is then shown modal); otherwise it is made a manual popover before it joins
 * the page, so that joining lays out nothing of the page (a closed popover has no box): on a page of
 * thousands of rows, an in-flow host appended to the body costs a layout of the body before the first frame.
 * Returns { host, root, overModal }.
 */
export function mountDialogHost(kind) {
  const overModal = pageHasModal();
  const { host, root } = mountHost(kind, overModal ? undefined : popoverStyle);
  return { host, root, overModal };
}

/** toTopLayer shows the host as a manual popover: above the page's own stacking, without making it inert. */
export function toTopLayer(host) {
  popoverStyle(host);
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    /* no popover support: the fixed layer with the highest z-index still shows */
  }
}

/** popoverStyle makes host a manual popover that draws only its content (a zero-size, transparent box). */
function popoverStyle(host) {
  host.setAttribute('popover', 'manual');
  for (const [k, v] of [
    ['inset', 'auto'],
    ['margin', '0'],
    ['padding', '0'],
    ['border', '0'],
    ['background', 'transparent'],
    ['overflow', 'visible'],
    ['width', '0'],
    ['height', '0'],
  ])
    host.style.setProperty(k, v, 'important');
}

/** pageHasModal tells whether the page shows a modal <dialog> of its own (everything else is inert then). */
export function pageHasModal() {
  try {
    return !!document.querySelector('dialog:modal');
  } catch {
    return false;
  }
}

/**
 * showLayer puts a dialog host in the top layer, above any z-index of the page. Over a modal <dialog> of the
 * page only another modal dialog is interactive, so then ours is modal too; otherwise a popover host is
 * enough and much cheaper (showModal makes the rest of the page inert: 100–400 ms on a 5,000-row page).
 */
export function showLayer(host, modal, overModal = pageHasModal()) {
  if (overModal) modal.showModal();
  else {
    toTopLayer(host);
    modal.show();
  }
}
