// The runner's small overlay on the Sent page: what runs (scan, withdrawal, dry run), progress, the
// current person, why it stopped or waits, and Pause / Resume / Cancel. In a closed shadow root on a host
// we created (content/layer.js), so neither the page's CSS nor its scripts reach into it; the buttons
// only answer trusted clicks.

import { shieldIcon } from './style.js';
import { el } from '../shared/el.js';
import { shadowHost } from './layer.js';

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.box { position: fixed; right: 20px; bottom: 20px; z-index: 2147483645; width: 340px; background: #fff; color: #1e293b;
  border-radius: 12px; box-shadow: 0 12px 40px rgba(15,23,42,.28), 0 1px 3px rgba(15,23,42,.12); border: 1px solid #e2e8f0;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; padding: 14px 16px 12px; }
.brand { display: flex; align-items: center; gap: 6px; color: #1d4ed8; font-weight: 600; font-size: 12px; letter-spacing: .02em; }
.title { margin: 6px 0 2px; font-size: 15px; font-weight: 650; color: #0f172a; }
.line { color: #475569; font-variant-numeric: tabular-nums; min-height: 19px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.track { height: 6px; background: #e2e8f0; border-radius: 999px; overflow: hidden; margin: 8px 0 6px; }
.fill { height: 100%; width: 0; background: #1d4ed8; border-radius: 999px; transition: width .25s ease; }
.box[data-tone="dry"] .fill { background: #d97706; }
.box[data-tone="stop"] .fill { background: #dc2626; }
.box[data-tone="done"] .fill { background: #16a34a; }
.msg { margin: 6px 0 0; padding: 8px 10px; border-radius: 8px; background: #f1f5f9; color: #334155; }
.msg:empty { display: none; }
.box[data-tone="stop"] .msg { background: #fef2f2; color: #7f1d1d; }
.box[data-tone="wait"] .msg { background: #fffbeb; color: #78350f; }
.box[data-tone="done"] .msg { background: #f0fdf4; color: #14532d; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
.buttons:empty { display: none; }
button { font: inherit; font-weight: 600; padding: 6px 12px; border-radius: 7px; cursor: pointer; border: 1px solid #cbd5e1; background: #fff; color: #1e293b; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.danger { color: #b91c1c; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.close { position: absolute; top: 8px; right: 8px; border: 0; background: none; padding: 2px 6px; color: #64748b; font-size: 16px; line-height: 1; }
`;

/** createOverlay mounts the overlay (hidden until show) and returns its controller. */
export function createOverlay(doc = document) {
  let host = null;
  let parts = null;

  function mount() {
    let root;
    ({ host, root } = shadowHost('runner', doc));
    const fill = el('div', { class: 'fill' });
    parts = {
      title: el('div', { class: 'title' }),
      line: el('div', { class: 'line', 'aria-live': 'polite' }),
      track: el('div', { class: 'track', role: 'progressbar', 'aria-valuemin': '0' }, fill),
      fill,
      msg: el('p', { class: 'msg', role: 'status' }),
      buttons: el('div', { class: 'buttons' }),
    };
    parts.box = el(
      'section',
      { class: 'box', role: 'region', 'aria-label': 'Invite Guard' },
      el('div', { class: 'brand' }, shieldIcon(doc, 18), el('span', { text: 'Invite Guard' })),
      parts.title,
      parts.line,
      parts.track,
      parts.msg,
      parts.buttons,
    );
    root.append(el('style', { text: CSS }), parts.box);
    (doc.body ?? doc.documentElement).append(host);
  }

  /**
   * show renders a state: { title, line, done, total, message, tone ('run'|'dry'|'wait'|'stop'|'done'),
   * buttons: [{ label, kind, onClick }] }.
   */
  function show(s) {
    if (!host || !host.isConnected) mount();
    parts.box.dataset.tone = s.tone ?? 'run';
    parts.title.textContent = s.title ?? '';
    parts.line.textContent = s.line ?? '';
    const total = Math.max(0, s.total ?? 0);
    const done = Math.min(total, Math.max(0, s.done ?? 0));
    parts.track.setAttribute('aria-valuemax', String(total));
    parts.track.setAttribute('aria-valuenow', String(done));
    parts.fill.style.width = total ? `${(100 * done) / total}%` : s.tone === 'done' ? '100%' : '0';
    parts.msg.textContent = s.message ?? '';
    parts.buttons.replaceChildren(
      ...(s.buttons ?? []).map((b) => {
        const button = el('button', { type: 'button', class: b.kind, text: b.label });
        button.addEventListener('click', (e) => {
          if (e.isTrusted) b.onClick();
        });
        return button;
      }),
    );
  }

  function hide() {
    host?.remove();
    host = null;
  }

  return {
    show,
    hide,
    get host() {
      return host;
    },
  };
}

/** highlight marks a card for the dry run (an outline the page's layout does not notice) and scrolls to it. */
export function highlight(card) {
  card.style.setProperty('outline', '3px solid #d97706', 'important');
  card.style.setProperty('outline-offset', '-3px', 'important');
  card.setAttribute('data-inviteguard-highlight', '');
  card.scrollIntoView({ block: 'center', behavior: 'instant' });
}
