// The dialog's list of recipients, virtualised: only the rows in view (plus a few) are in the DOM, so a
// batch of 5,000 opens as fast as one of 50. Each row: a checkbox, the name, the key as people know it,
// and the core's flags as chips. Untrusted (script-made) toggles are undone.

import { el } from '../shared/el.js';

export const ROW_H = 44;
const VISIBLE_ROWS = 6;
const OVERSCAN = 6;

/** shortKey shows a key the way people recognise it: /in/slug for profiles, the address for emails. */
export function shortKey(key) {
  const m = /^https?:\/\/[^/]+(\/.*?)\/?$/.exec(key);
  if (m) return decodeURIComponent(m[1]);
  return key.startsWith('name:') ? '' : key;
}

/**
 * createRowList returns { viewport, draw(force) }. kept is the dialog's Uint8Array of kept rows (read
 * here, changed only through onToggle(i, on)); flagsOf(i) gives the core's FlaggedRecipient of row i.
 */
export function createRowList({ recipients, kept, i18n, flagsOf, onToggle, label }) {
  const n = recipients.length;
  const spacer = el('div', { class: 'spacer', role: 'group', 'aria-label': label });
  const viewport = el('div', { class: 'viewport' }, spacer);
  spacer.style.height = `${n * ROW_H}px`;
  viewport.style.height = `${Math.min(n, VISIBLE_ROWS) * ROW_H + 2}px`;
  viewport.style.minHeight = `${Math.min(n, 3) * ROW_H + 2}px`; // on a short window the list shrinks to three rows
  const pool = [];
  let drawn = [-1, -1];

  function makeRow() {
    const cb = el('input', { type: 'checkbox' });
    const name = el('span', { class: 'name' });
    const key = el('span', { class: 'key' });
    const chips = el('span', { class: 'chips' });
    const row = el('label', { class: 'row' }, cb, el('span', { class: 'who' }, name, key), chips);
    // A script's cb.click() fires a trusted-looking change; its click is not trusted: cancel it there.
    cb.addEventListener('click', (e) => {
      if (!e.isTrusted) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    });
    cb.addEventListener('change', (e) => {
      const i = Number(row.dataset.index);
      if (!e.isTrusted) {
        cb.checked = !!kept[i];
        return;
      }
      onToggle(i, cb.checked);
    });
    return { row, cb, name, key, chips };
  }

  function fillRow(r, i) {
    const rec = recipients[i];
    r.row.dataset.index = String(i);
    r.row.style.transform = `translateY(${i * ROW_H}px)`;
    r.cb.checked = !!kept[i];
    r.name.textContent = rec.name || shortKey(rec.key) || rec.key;
    r.key.textContent = rec.name ? shortKey(rec.key) : '';
    const f = flagsOf(i);
    r.row.classList.toggle('flagged', !!f);
    r.chips.replaceChildren();
    if (f) {
      for (const flag of f.flags) {
        const text = f.until && (flag === 'recently_invited' || flag === 'reinvite_locked') ? `${i18n.t(`flag_${flag}`)} ${i18n.t('flag_until', { date: new Date(f.until) })}` : i18n.t(`flag_${flag}`);
        r.chips.append(el('span', { class: `chip ${flag}`, text }));
      }
    }
    const name = [r.name.textContent, r.key.textContent, ...[...r.chips.childNodes].map((x) => x.textContent)].filter(Boolean).join(', ');
    r.cb.setAttribute('aria-label', name);
  }

  function draw(force = false) {
    const top = viewport.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
    const last = Math.min(n, Math.ceil((top + viewport.clientHeight || VISIBLE_ROWS * ROW_H) / ROW_H) + OVERSCAN);
    if (!force && first === drawn[0] && last === drawn[1]) return;
    drawn = [first, last];
    while (pool.length < last - first) {
      const r = makeRow();
      pool.push(r);
      spacer.append(r.row);
    }
    for (let k = 0; k < pool.length; k++) {
      const i = first + k;
      const r = pool[k];
      if (i < last) {
        r.row.hidden = false;
        fillRow(r, i);
      } else r.row.hidden = true;
    }
  }

  let queued = false;
  viewport.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw();
    });
  });

  return { viewport, draw };
}
