// The undo window ("Sending 40 invitations in 10 s — Undo") and short notices, in shadow roots.

import { shieldIcon } from './style.js';
import { mountHost, toTopLayer } from './layer.js';

function brand() {
  const s = document.createElement('span');
  s.className = 'brand';
  s.append(shieldIcon());
  return s;
}

/**
 * showCountdown shows the undo window and resolves 'elapsed' when the time is up or 'undone'
 * when the user pressed Undo (a trusted click or Esc). Nothing is released while it runs.
 */
export function showCountdown({ i18n, count, seconds }) {
  const { host, root } = mountHost('countdown');
  const text = document.createElement('span');
  text.className = 'text';
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.textContent = i18n.t('undo_button');
  const line = document.createElement('div');
  line.className = 'line';
  line.append(brand(), text, undo);
  const bar = document.createElement('div');
  bar.className = 'bar';
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  toast.append(line, bar);
  root.append(toast);
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
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = message;
  const line = document.createElement('div');
  line.className = 'line';
  line.append(brand(), text);
  const toast = document.createElement('div');
  toast.className = 'toast info';
  toast.setAttribute('role', 'status');
  toast.append(line);
  root.append(toast);
  toTopLayer(host);
  setTimeout(() => host.remove(), ms);
  return host;
}
