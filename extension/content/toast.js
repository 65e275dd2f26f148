// The undo window ("Sending 40 invitations in 10 s — Undo") and short notices, in shadow roots.

import { shieldIcon } from './style.js';
import { el, mountHost, toTopLayer } from './layer.js';

const brand = () => el('span', { class: 'brand' }, shieldIcon());

/**
 * showCountdown shows the undo window and resolves 'elapsed' when the time is up or 'undone'
 * when the user pressed Undo (a trusted click or Esc). Nothing is released while it runs.
 */
export function showCountdown({ i18n, count, seconds }) {
  const { host, root } = mountHost('countdown');
  const text = el('span', { class: 'text' });
  const undo = el('button', { type: 'button', text: i18n.t('undo_button') });
  const bar = el('div', { class: 'bar' });
  root.append(el('div', { class: 'toast', role: 'status', 'aria-live': 'polite' }, el('div', { class: 'line' }, brand(), text, undo), bar));
  toTopLayer(host);

  const total = seconds * 1000;
  const deadline = performance.now() + total;
  let timer = 0;
  let resolve;
  const done = new Promise((r) => (resolve = r));
  const onKey = (e) => {
    if (e.isTrusted && e.key === 'Escape') finish('undone');
  };
  function finish(how) {
    clearInterval(timer);
    window.removeEventListener('keydown', onKey, true);
    host.remove();
    resolve(how);
  }
  function tick() {
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
  root.append(el('div', { class: 'toast info', role: 'status' }, el('div', { class: 'line' }, brand(), el('span', { class: 'text', text: message }))));
  toTopLayer(host);
  setTimeout(() => host.remove(), ms);
  return host;
}
