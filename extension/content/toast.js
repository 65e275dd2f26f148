// The undo window ("Sending 40 invitations in 10 s — Undo") and short notices, in shadow roots.

import { shieldIcon } from './style.js';
import { el } from '../shared/el.js';
import { mountHost, pageHasModal, toTopLayer } from './layer.js';
import { watchIntact } from './intact.js';

const brand = () => el('span', { class: 'brand' }, shieldIcon());

let counting = 0; // countdowns on screen: a notice shown meanwhile goes above them, not over them

/**
 * showCountdown shows the undo window and resolves 'elapsed' when the time is up, 'undone' when the
 * user pressed Undo (a trusted click or Esc), or 'hidden' when the toast was removed, hidden or covered
 * while it ran (content/intact.js): a window the user cannot see is no window, so that counts as Undo.
 * Nothing is released while it runs.
 */
export function showCountdown({ i18n, count, seconds }) {
  const { host, root } = mountHost('countdown');
  const text = el('span', { class: 'text' });
  const undo = el('button', { type: 'button', text: i18n.t('undo_button') });
  const bar = el('div', { class: 'bar' });
  const box = el('div', { class: 'toast', role: 'status', 'aria-live': 'polite' }, el('div', { class: 'line' }, brand(), text, undo), bar);
  // Over a modal <dialog> of the page everything else is inert (no Undo click, no hit): then the toast is
  // a modal dialog too (transparent, the size of the window), as the confirmation dialog is.
  const modal = pageHasModal() ? el('dialog', { class: 'modal', 'aria-label': i18n.t('dialog_title') }, box) : null;
  if (modal) {
    modal.addEventListener('cancel', (e) => e.preventDefault()); // Esc is handled (trusted only) below
    root.append(modal);
    modal.showModal();
  } else {
    root.append(box);
    toTopLayer(host);
  }
  counting++;

  const total = seconds * 1000;
  const deadline = performance.now() + total;
  let timer = 0;
  let resolve;
  const done = new Promise((r) => (resolve = r));
  const onKey = (e) => {
    if (e.isTrusted && e.key === 'Escape') finish('undone');
  };
  let finished = false;
  function finish(how) {
    if (finished) return;
    finished = true;
    counting--;
    clearInterval(timer);
    intact.stop();
    window.removeEventListener('keydown', onKey, true);
    host.remove();
    resolve(how);
  }
  const hidden = (why) => {
    console.warn(`Invite Guard: the undo window was ${why}; nothing is sent`);
    finish('hidden');
  };
  const inTopLayer = () => (modal ? modal.open && modal.matches(':modal') : !host.hasAttribute('popover') || host.matches(':popover-open'));
  const intact = watchIntact({ host, box, inTopLayer, onTamper: hidden });
  function tick() {
    const why = intact.check();
    if (why) return hidden(why);
    const left = deadline - performance.now();
    if (left <= 0) return finish('elapsed');
    text.textContent = i18n.plural('undo_sending', count, { seconds: Math.ceil(left / 1000) });
    bar.style.transform = `scaleX(${left / total})`;
  }
  undo.addEventListener('click', (e) => e.isTrusted && finish('undone'));
  window.addEventListener('keydown', onKey, true);
  tick();
  timer = setInterval(tick, 100);
  undo.focus({ preventScroll: true });
  return { done, host, undo: () => finish('undone') };
}

/** showNotice shows a short message for a few seconds (nothing to decide). */
export function showNotice(message, ms = 4000) {
  const { host, root } = mountHost('notice');
  root.append(
    el(
      'div',
      { class: counting ? 'toast info above' : 'toast info', role: 'status' },
      el('div', { class: 'line' }, brand(), el('span', { class: 'text', text: message })),
    ),
  );
  toTopLayer(host);
  setTimeout(() => host.remove(), ms);
  return host;
}
