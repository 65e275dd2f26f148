// The scan reminder's note on LinkedIn pages (issue 12): small, non-modal, bottom left, in a closed shadow
// root. The worker decides whether it is due (background/reminder.js: once a day, after the policy's days
// without a whole-list scan, not while snoozed); the page decides only when: never while the page shows a
// dialog of its own (role=dialog, aria-modal, an open <dialog>) — the note waits, and steps aside again
// whenever one opens. "Check now" starts the scan, "Not now" snoozes it a week.

import { shieldIcon } from './style.js';
import { el } from '../shared/el.js';
import { shadowHost } from './layer.js';

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.note { position: fixed; left: 20px; bottom: 20px; z-index: 2147483600; width: 320px; background: #fff; color: #1e293b;
  border-radius: 12px; border: 1px solid #e2e8f0; box-shadow: 0 10px 30px rgba(15,23,42,.22);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; padding: 12px 14px; }
.brand { display: flex; align-items: center; gap: 6px; color: #1d4ed8; font-weight: 600; font-size: 12px; }
h2 { margin: 6px 0 4px; font-size: 15px; font-weight: 650; color: #0f172a; }
p { margin: 0; color: #475569; }
.err { color: #b91c1c; margin-top: 6px; }
.err:empty { display: none; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
button { font: inherit; font-weight: 600; padding: 6px 12px; border-radius: 7px; cursor: pointer; border: 1px solid #cbd5e1; background: #fff; color: #1e293b; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
`;

const PAGE_DIALOGS = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** pageDialogOpen tells whether the page shows a dialog of its own (hidden ones do not count). */
export function pageDialogOpen(doc) {
  for (const e of doc.querySelectorAll(PAGE_DIALOGS)) {
    if (e.tagName === 'DIALOG' && !e.open) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && (e.checkVisibility ? e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true)) return true;
  }
  return false;
}

/** createReminderNote returns the note of one document. deps: { doc, send, i18n }. */
export function createReminderNote({ doc = document, send, i18n }) {
  const state = { answer: null, host: null, parts: null, observer: null, frame: 0, over: false, claimed: false };

  function render() {
    const { host, root } = shadowHost('reminder', doc);
    const text = state.answer.reason === 'never_scanned' ? i18n.t('reminder_text_never') : i18n.t('reminder_text_old', { days: state.answer.days });
    const err = el('p', { class: 'err', role: 'alert' });
    const check = button(i18n.t('reminder_check'), 'primary', onCheck);
    const later = button(i18n.t('reminder_later'), '', onLater);
    const note = el(
      'section',
      { class: 'note', role: 'region', 'aria-label': 'Invite Guard' },
      el('div', { class: 'brand' }, shieldIcon(doc, 16), el('span', { text: 'Invite Guard' })),
      el('h2', { text: i18n.t('reminder_title') }),
      el('p', { text }),
      err,
      el('div', { class: 'buttons' }, later, check),
    );
    root.append(el('style', { text: CSS }), note);
    state.host = host;
    state.parts = { err };
  }

  function button(label, kind, onClick) {
    const b = el('button', { type: 'button', class: kind, text: label });
    b.addEventListener('click', (e) => {
      if (e.isTrusted) onClick();
    });
    return b;
  }

  async function onCheck() {
    const res = await send('reminder.accept');
    if (res.error) state.parts.err.textContent = res.error.message;
    else close();
  }

  async function onLater() {
    const res = await send('reminder.snooze');
    if (res.error) state.parts.err.textContent = res.error.message;
    else close();
  }

  function close() {
    state.over = true;
    state.observer?.disconnect();
    cancelAnimationFrame(state.frame);
    state.host?.remove();
  }

  /** sync shows the note when no page dialog is open and hides it while one is. */
  async function sync() {
    state.frame = 0;
    if (state.over) return;
    const parent = doc.body ?? doc.documentElement;
    if (pageDialogOpen(doc)) {
      state.host?.remove();
      return;
    }
    if (!state.claimed) {
      state.claimed = true; // the worker lets one page of the day show it
      const res = await send('reminder.shown');
      if (!res.ok?.first) return close();
      render();
      if (pageDialogOpen(doc)) return; // one opened meanwhile: the next change shows it
    }
    if (!state.over && state.host && !state.host.isConnected) parent.append(state.host);
  }

  function schedule() {
    if (!state.frame && !state.over) state.frame = requestAnimationFrame(() => sync());
  }

  /** start asks the worker whether the note is due and, if so, shows it as soon as no page dialog is open. */
  async function start() {
    const res = await send('reminder.check');
    if (!res.ok?.show) return;
    state.answer = res.ok;
    state.observer = new MutationObserver(schedule);
    state.observer.observe(doc.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['open', 'role', 'aria-modal', 'hidden', 'style', 'class'],
    });
    schedule();
  }

  return {
    start,
    close,
    get shown() {
      return !!state.host?.isConnected;
    },
  };
}
