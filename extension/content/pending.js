// The dialog's first frame (issue 14, "a dialog in two frames"). When a held click's page selection already
// asks for a confirmation by its number alone (content/size-friction.js, the core's rule), the hold shows
// this at once: that it holds the invitations the page was about to send, how many, where, that it is checking them,
// a Cancel and a confirm button that cannot be pressed yet. The rows are read and the engine asked after
// this frame is painted; openDialog({ into }) then fills the same host with the decision, so the dialog
// never leaves the screen. Nothing here can release anything.

import { el } from '../shared/el.js';
import { mountDialogHost, showLayer } from './layer.js';
import { brand, modalOf, whereText } from './dialog.js';

/**
 * openPending shows the first frame. opts: { i18n, network, surface, count }. The user may cancel it (a
 * trusted click on Cancel, or Esc): it closes and cancelled() is true from then on. Returns { host, root, modal, overModal, previousFocus,
 * cancelled(), stop() }: stop() hands the host to openDialog (drops this frame's listeners).
 */
export function openPending({ i18n, network, surface, count }) {
  const p = newPending(i18n, count);
  const { host, root, overModal } = mountDialogHost('dialog');
  const { modal, overlay } = buildPending(p, { network, surface });
  root.append(modal);
  Object.assign(p, { host, root, modal, overlay });
  showLayer(host, modal, overModal);
  listenPending(p);
  p.cancelBtn.focus({ preventScroll: true });
  return {
    host,
    root,
    modal,
    overModal,
    previousFocus: p.previousFocus,
    cancelled: () => p.cancelled,
    stop: () => stopPending(p),
  };
}

/** buildPending builds the first frame's elements (not yet in any page): { modal, overlay }. */
function buildPending(p, { network, surface }) {
  const { i18n, count } = p;
  const panel = el(
    'div',
    { class: 'panel', 'aria-busy': 'true' },
    el(
      'header',
      {},
      brand(i18n),
      el('h2', { id: 'ig-title', text: i18n.plural('dialog_holding', count) }),
      el('div', { class: 'where', text: whereText(i18n, { surface, network }) }),
    ),
    el('div', { class: 'body' }, el('p', { class: 'checking', role: 'status', text: i18n.t('dialog_checking') })),
    el(
      'footer',
      {},
      el('div', { class: 'buttons' }, p.cancelBtn, el('button', { class: 'confirm', type: 'button', disabled: true, text: i18n.plural('button_send', count) })),
    ),
  );
  const overlay = el('div', { class: 'overlay' }, panel);
  return { modal: modalOf(i18n, overlay), overlay };
}

/**
 * warmPending builds a first frame that goes nowhere, while the browser is idle (content/main.js): the
 * first held click then finds this code compiled and the extension's messages loaded.
 */
export function warmPending(i18n) {
  return buildPending(newPending(i18n, 1000), { network: 'linkedin', surface: 'contact_import' }).modal;
}

function newPending(i18n, count) {
  return {
    i18n,
    count,
    cancelled: false,
    previousFocus: document.activeElement,
    cancelBtn: el('button', { class: 'cancel', type: 'button', text: i18n.t('button_cancel') }),
    listeners: [],
  };
}

/** on adds a listener and keeps it, so that stop() removes every one. */
function on(p, target, type, fn, capture = false) {
  target.addEventListener(type, fn, capture);
  p.listeners.push(() => target.removeEventListener(type, fn, capture));
}

/** listenPending wires Cancel, Esc, the keys (ours, not the page's) and the focus (kept on Cancel). */
function listenPending(p) {
  on(p, p.cancelBtn, 'click', (e) => e.isTrusted && cancel(p));
  on(p, p.overlay, 'keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel(p);
    } else if (e.key === 'Tab') {
      e.preventDefault(); // one control to be on
      p.cancelBtn.focus();
    }
  });
  for (const type of ['keydown', 'keyup', 'keypress']) on(p, p.host, type, (e) => e.stopPropagation());
  on(
    p,
    document,
    'focusin',
    (e) => {
      if (e.target !== p.host && p.host.isConnected) {
        e.stopPropagation();
        p.cancelBtn.focus();
      }
    },
    true,
  );
}

function stopPending(p) {
  for (const off of p.listeners.splice(0)) off();
}

function closePending(p) {
  stopPending(p);
  if (p.modal.open) p.modal.close();
  p.host.remove();
  const prev = p.previousFocus;
  if (prev && prev.isConnected && typeof prev.focus === 'function') prev.focus({ preventScroll: true });
}

function cancel(p) {
  if (p.cancelled) return;
  p.cancelled = true;
  closePending(p);
}
