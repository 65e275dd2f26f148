// The dialog's list of recipients, virtualised: only the rows in view (plus a few) are in the DOM, so a
// batch of 5,000 opens as fast as one of 50. Each row: a checkbox, the name, the key as people know it,
// and the core's flags as chips. Untrusted (script-made) toggles are undone.
// The first draw reads no layout (the list starts at its top, at most VISIBLE_ROWS tall): on a page of
// thousands of rows every layout read before the first frame is a layout of the whole page.

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
  const l = { recipients, kept, i18n, flagsOf, onToggle, n, spacer, viewport, pool: [], drawn: [-1, -1], laidOut: false, queued: false };
  viewport.addEventListener('scroll', () => onScroll(l));
  return { viewport, draw: (force) => draw(l, force) };
}

/** makeRow builds one pooled row; its change handler finds the row it shows through data-index. */
function makeRow(l) {
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
      cb.checked = !!l.kept[i];
      return;
    }
    l.onToggle(i, cb.checked);
  });
  return { row, cb, name, key, chips };
}

/** chipText is the text of one flag's chip ("Invited recently until 12 Dec"). */
function chipText(i18n, f, flag) {
  if (f.until && (flag === 'recently_invited' || flag === 'reinvite_locked'))
    return `${i18n.t(`flag_${flag}`)} ${i18n.t('flag_until', { date: new Date(f.until) })}`;
  return i18n.t(`flag_${flag}`);
}

/** fillRow shows recipient i in pooled row r; the checkbox's name says everything the row shows. */
function fillRow(l, r, i) {
  const rec = l.recipients[i];
  r.row.dataset.index = String(i);
  r.row.style.transform = `translateY(${i * ROW_H}px)`;
  r.cb.checked = !!l.kept[i];
  r.name.textContent = rec.name || shortKey(rec.key) || rec.key;
  r.key.textContent = rec.name ? shortKey(rec.key) : '';
  const f = l.flagsOf(i);
  r.row.classList.toggle('flagged', !!f);
  r.chips.replaceChildren();
  if (f) for (const flag of f.flags) r.chips.append(el('span', { class: `chip ${flag}`, text: chipText(l.i18n, f, flag) }));
  const name = [r.name.textContent, r.key.textContent, ...[...r.chips.childNodes].map((x) => x.textContent)].filter(Boolean).join(', ');
  r.cb.setAttribute('aria-label', name);
}

/**
 * draw fills the pool with the rows in view (force: refill even when the range is unchanged). Before the
 * list was ever laid out it is at its top and at most VISIBLE_ROWS tall: nothing is measured then.
 */
function draw(l, force = false) {
  const top = l.laidOut ? l.viewport.scrollTop : 0;
  const height = (l.laidOut && l.viewport.clientHeight) || VISIBLE_ROWS * ROW_H;
  const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
  const last = Math.min(l.n, Math.ceil((top + height) / ROW_H) + OVERSCAN);
  if (!force && first === l.drawn[0] && last === l.drawn[1]) return;
  l.drawn = [first, last];
  while (l.pool.length < last - first) {
    const r = makeRow(l);
    l.pool.push(r);
    l.spacer.append(r.row);
  }
  for (let k = 0; k < l.pool.length; k++) {
    const i = first + k;
    const r = l.pool[k];
    if (i < last) {
      r.row.hidden = false;
      fillRow(l, r, i);
    } else r.row.hidden = true;
  }
  if (!l.laidOut) requestAnimationFrame(() => (l.laidOut = true));
}

/** onScroll redraws once per frame while the list scrolls. */
function onScroll(l) {
  if (l.queued) return;
  l.queued = true;
  l.laidOut = true;
  requestAnimationFrame(() => {
    l.queued = false;
    draw(l);
  });
}
