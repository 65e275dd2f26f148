// "Invite Guard did not recognise this screen" (issue 9): a local report the user can read and copy —
// the URL path, the buttons' roles and accessible names, the dialogs and the list shapes found — with
// no names or e-mail addresses of people ({name}, {email}; numbers {n}). Nothing is sent anywhere.

import { interfaceOnly, nameShape, pathPattern } from '../shared/teach-rule.js';
import { knownNames } from './taught.js';
import { el } from '../shared/el.js';
import { mountHost, pageHasModal, toTopLayer } from './layer.js';
import { shieldIcon } from './style.js';
import { CHECK_SELECTOR, DIALOG_SELECTOR, accName, dialogTitle, isShown, role } from '../sites/common/dom.js';
import { profileKey } from '../sites/common/keys.js';
import { EMAIL } from '../sites/common/text.js';
import { insideOurs } from '../sites/common/ours.js';

const CONTROLS = 'button, [role="button"], [role="menuitem"], [role="link"], a[href], input[type="submit" i], input[type="button" i]';
const LISTS = 'ul, ol, table, [role="list"], [role="listbox"], [role="grid"], [role="table"], [role="feed"], [role="tree"]';
const ITEMS = 'li, [role="listitem"], [role="option"], [role="row"], [role="article"], [role="treeitem"]';
const MAX_CONTROLS = 400;
const MAX_LISTS = 30;

const ours = insideOurs; // by identity, never by an attribute the page can set

/** redactor returns a function that makes a label's shape (no people's names, e-mails or numbers). */
function redactor(doc, labelsByRole) {
  const known = knownNames(doc);
  return (label, r) => nameShape(label, { knownNames: known, siblings: labelsByRole.get(r) ?? [] });
}

/** controlsOf lists the page's shown controls: { el, role, label }. */
function controlsOf(doc) {
  const out = [];
  for (const c of doc.querySelectorAll(CONTROLS)) {
    if (ours(c) || !isShown(c)) continue;
    out.push({ el: c, role: role(c) || 'button', label: accName(c) });
    if (out.length >= MAX_CONTROLS) break;
  }
  return out;
}

/** counted groups equal lines, keeping their first order: "line ×3". */
function counted(lines) {
  const m = new Map();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return [...m].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l));
}

/** itemsOf returns a list's items: its item-role children, else its element children. */
function itemsOf(list) {
  if (list.tagName === 'TABLE') return [...list.querySelectorAll('tbody > tr, :scope > tr')];
  const kids = [...list.children];
  const items = kids.filter((k) => k.matches(ITEMS));
  return items.length ? items : kids;
}

/** listShapes describes the lists of the page (also role="listitem" runs without a list around them). */
function listShapes(doc, shape) {
  const lists = new Set(doc.querySelectorAll(LISTS));
  for (const it of doc.querySelectorAll('[role="listitem"], [role="article"]')) if (it.parentElement) lists.add(it.parentElement);
  const out = [];
  const base = doc.baseURI;
  for (const list of lists) {
    if (out.length >= MAX_LISTS || ours(list) || !isShown(list)) continue;
    const items = itemsOf(list);
    if (items.length < 2) continue;
    const has = (sel, test = () => true) => items.filter((it) => [...it.querySelectorAll(sel)].some(test)).length;
    const first = [...items[0].querySelectorAll(CONTROLS)].filter((c) => !ours(c)).slice(0, 6);
    const tag = `${list.tagName.toLowerCase()}${list.getAttribute('role') ? `[role=${list.getAttribute('role')}]` : ''}`;
    out.push(
      `- ${tag} · ${items.length} items · ${has('a[href]', (a) => !!profileKey(a.getAttribute('href'), base))} with a profile link · ${has('img')} with a picture · ${has(CHECK_SELECTOR)} with a check control`,
    );
    if (first.length) out.push(`  first item: ${first.map((c) => `${role(c) || 'button'} “${shape(accName(c), role(c) || 'button')}”`).join(', ')}`);
  }
  return out;
}

/**
 * screenReport builds the report's text. detect(el) → a site module id or '' tells which controls
 * Invite Guard recognises; taught: the number of taught buttons for this site.
 */
export function screenReport(doc, { detect = () => '', taught = 0 } = {}) {
  const controls = controlsOf(doc);
  const labelsByRole = new Map();
  for (const c of controls) labelsByRole.set(c.role, [...(labelsByRole.get(c.role) ?? []), c.label]);
  const shape = redactor(doc, labelsByRole);
  const recognised = new Map();
  const lines = controls.map((c) => {
    let id = '';
    try {
      id = detect(c.el) || '';
    } catch {
      id = '';
    }
    if (id) recognised.set(id, (recognised.get(id) ?? 0) + 1);
    return `- ${c.role} “${c.label ? shape(c.label, c.role) : ''}”${id ? ` → ${id}` : ''}`;
  });
  const dialogs = [...doc.querySelectorAll(DIALOG_SELECTOR)].filter((d) => !ours(d) && isShown(d));
  const lists = listShapes(doc, shape);
  const text = [
    'Invite Guard — screen report',
    'People’s names read {name}, e-mail addresses {email}, numbers {n}.',
    `Site: ${doc.location.hostname}`,
    `Path: ${pathPattern(doc.location.pathname)}`,
    `Language: ${doc.documentElement.lang || '?'}`,
    `Recognised: ${recognised.size ? [...recognised].map(([id, n]) => `${id} (${n})`).join(', ') : 'nothing'}`,
    `Taught buttons for this site: ${taught}`,
    '',
    `Dialogs (${dialogs.length}):`,
    ...dialogs.map(
      (d) => `- ${d.tagName.toLowerCase()}${d.getAttribute('role') ? `[role=${d.getAttribute('role')}]` : ''} “${shape(dialogTitle(d), 'dialog')}”`,
    ),
    '',
    `Controls (${controls.length}${controls.length >= MAX_CONTROLS ? '+' : ''}):`,
    ...counted(lines),
    '',
    `Lists (${lists.filter((l) => l.startsWith('-')).length}):`,
    ...lists,
    '',
    `Check controls on the page: ${doc.querySelectorAll(CHECK_SELECTOR).length}`,
  ].join('\n');
  return redact(text, knownNames(doc));
}

/** redact is the last pass: any e-mail address, and any name the page shows, left in the text goes. */
export function redact(text, names) {
  let out = text.replace(new RegExp(EMAIL.source, 'g'), '{email}');
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    if (n.trim().length < 3 || interfaceOnly(n)) continue;
    out = out.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '{name}');
  }
  return out;
}

/** showReport opens the report in Invite Guard's own layer, with Copy and Close. */
export function showReport({ i18n, text }) {
  const { host, root } = mountHost('report');
  const area = el('textarea', {
    readonly: true,
    spellcheck: 'false',
    'aria-label': i18n.t('report_label'),
    style:
      'width:100%;min-height:280px;font:12px/1.45 ui-monospace,monospace;padding:8px;border:1px solid #cbd5e1;border-radius:8px;resize:vertical;margin:8px 0 12px',
  });
  area.value = text;
  const status = el('span', { role: 'status', 'aria-live': 'polite', style: 'margin-right:auto;color:#15803d' });
  const copy = el('button', { type: 'button', class: 'confirm', text: i18n.t('report_copy') });
  const close = el('button', { type: 'button', class: 'cancel', text: i18n.t('button_close') });
  const panel = el(
    'div',
    { class: 'panel' },
    el(
      'header',
      {},
      el('div', { class: 'brand' }, shieldIcon(), el('span', { text: i18n.t('dialog_title') })),
      el('h2', { id: 'ig-report-title', text: i18n.t('report_title') }),
      el('div', { class: 'where', text: i18n.t('report_intro') }),
    ),
    el('div', { class: 'body' }, area),
    el('footer', {}, el('div', { class: 'buttons' }, status, close, copy)),
  );
  const modal = el(
    'dialog',
    { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ig-report-title' },
    el('div', { class: 'overlay' }, panel),
  );
  root.append(modal);
  if (pageHasModal()) modal.showModal();
  else {
    toTopLayer(host);
    modal.show();
  }
  const finish = () => host.remove();
  close.addEventListener('click', finish);
  modal.addEventListener('cancel', (e) => {
    e.preventDefault();
    finish();
  });
  modal.addEventListener('keydown', (e) => e.key === 'Escape' && finish());
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.focus();
      area.select();
      if (!document.execCommand('copy')) return (status.textContent = i18n.t('report_copy_failed'));
    }
    status.textContent = i18n.t('report_copied');
  });
  area.focus({ preventScroll: true });
  area.select();
  return { host, text, close: finish };
}
