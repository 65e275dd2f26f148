// The buttons the user taught (issue 9): the content-script side. It remembers the element of the last
// right-click, answers the context menu ("Hold this button with Invite Guard": what the control is, read
// here, generalised and stored by the service worker), and is a site module of its own, asked after all
// the others: a trusted click, Enter or Space on a control a rule matches is held by content/hold with
// the plain fallback dialog (the page's rows when it shows any, else the one button). The rule's shape
// is in shared/teach-rule.js.

import { ruleMatches } from '../shared/teach-rule.js';
import { accName, chunks, parentOf, role } from '../sites/common/dom.js';
import { insideOurs } from '../sites/common/ours.js';
import { profileKey } from '../sites/common/keys.js';
import { nameFromLabel } from '../sites/common/text.js';
import { applyKeep, listAround, readRows, recipientOf } from '../sites/common/rows.js';
import { showNotice } from './toast.js';
import { el } from '../shared/el.js';
import { mountHost, toTopLayer } from './layer.js';
import { shieldIcon } from './style.js';

const api = globalThis.browser ?? globalThis.chrome;
const TEACHABLE = new Set(['button', 'link', 'menuitem']);
const SAME_ROLE = {
  button: 'button, [role="button"], input[type="submit" i], input[type="button" i]',
  link: 'a[href]:not([role])',
  menuitem: '[role="menuitem"]',
};
const MAX_SIBLINGS = 300;
const MAX_NAMES = 500;

// Our own UI by identity: a page element carrying data-inviteguard-ui is still the page's.
const isOurs = insideOurs;

/** teachable returns the button, link or menu item a target is in (up to 12 levels), or null. */
export function teachable(target) {
  let el = target && target.nodeType === 3 ? target.parentElement : target;
  for (let depth = 0; el && el.nodeType === 1 && depth < 12; depth++, el = parentOf(el)) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || isOurs(el)) return null;
    if (TEACHABLE.has(role(el))) return el;
  }
  return null;
}

/** knownNames lists the people's names the page shows: profile links' texts, pictures' alt texts. */
export function knownNames(doc) {
  const names = new Set();
  const base = doc.baseURI;
  for (const a of doc.querySelectorAll('a[href]')) {
    if (names.size >= MAX_NAMES) break;
    if (!profileKey(a.getAttribute('href'), base)) continue;
    for (const c of chunks(a)) if (c.text.length <= 70) names.add(c.text);
    const label = nameFromLabel(a.getAttribute('aria-label') || '');
    if (label) names.add(label);
  }
  for (const img of doc.querySelectorAll('img[alt]')) {
    if (names.size >= MAX_NAMES) break;
    const n = nameFromLabel(img.alt);
    if (n) names.add(n);
  }
  return [...names];
}

/** siblingNames lists the accessible names of the page's other controls of the same role. */
export function siblingNames(doc, el, r) {
  const out = [];
  for (const o of doc.querySelectorAll(SAME_ROLE[r] ?? SAME_ROLE.button)) {
    if (o === el || isOurs(o) || role(o) !== r) continue;
    const n = accName(o);
    if (n) out.push(n);
    if (out.length >= MAX_SIBLINGS) break;
  }
  return out;
}

/** seenOf is what the service worker gets to make a rule of: where, the role, the name and its context. */
export function seenOf(el, doc) {
  const r = role(el);
  return {
    host: doc.location.hostname,
    path: doc.location.pathname,
    role: r,
    name: accName(el),
    knownNames: knownNames(doc),
    siblings: siblingNames(doc, el, r),
  };
}

/**
 * createTaught returns { module, install }: module is the site module of the taught buttons (registered
 * last); install() starts listening for right-clicks and for the service worker's messages.
 * deps: { i18n, send, win, doc, network, onReport (the screen report was asked for), onRules (the rules changed) }.
 */
export function createTaught({ i18n, send, win = window, doc = document, network, onReport = () => {}, onRules = () => {} }) {
  const state = { rules: [], target: null, ruleOf: new WeakMap() };

  async function loadRules() {
    const res = await send('rules.list', { host: doc.location.hostname });
    if (!res.ok) return;
    state.rules = res.ok.rules;
    onRules();
  }

  /** rowsFor returns the selected-or-not rows of the list around the action, or null (use the button). */
  function rowsFor(action) {
    const around = listAround(action, doc.body, 1, 1);
    if (!around) return null;
    const rows = readRows(around.scope);
    return rows.some((r) => r.selected) ? rows : null;
  }

  const module = {
    id: 'taught',
    network,
    surface: 'taught',
    kind: 'bulk',
    hosts: [doc.location.hostname],
    detect(target) {
      if (!state.rules.length) return null;
      const el = teachable(target);
      if (!el) return null;
      const seen = { host: doc.location.hostname, path: doc.location.pathname, role: role(el), name: accName(el) };
      const rule = state.rules.find((r) => ruleMatches(r, seen));
      if (!rule) return null;
      state.ruleOf.set(el, rule);
      return { action: el, scope: el, fallback: i18n.t('taught_hold', { shape: rule.name, path: rule.path }) };
    },
    read(action) {
      const rows = rowsFor(action);
      if (rows) return { recipients: rows.map((r) => recipientOf(r)) };
      const rule = state.ruleOf.get(action);
      // No rows: the one button, as the page names it, keyed by where it is (the dialog shows both).
      return { recipients: [{ key: `${doc.location.hostname}${doc.location.pathname}`, name: accName(action) || rule?.name || '', selected: true }] };
    },
    apply(action, keep) {
      const rows = rowsFor(action);
      return rows ? applyKeep(rows, keep) : { changed: 0, failed: [] };
    },
  };

  async function teachHere() {
    const el = state.target?.isConnected ? teachable(state.target) : null;
    if (!el) return showNotice(i18n.t('teach_error_not_button'), 8000);
    const res = await send('rules.add', { seen: seenOf(el, doc) });
    if (res.error) {
      const key = `teach_error_${res.error.code}`;
      return showNotice(i18n.has(key) ? i18n.t(key) : i18n.t('teach_failed', { message: res.error.message }), 10000);
    }
    await loadRules();
    const text = i18n.t(res.ok.existed ? 'teach_exists' : 'teach_done', { shape: res.ok.rule.name, path: res.ok.rule.path });
    if (res.ok.existed) return showNotice(text, 10000);
    showTaught(text, async () => {
      const gone = await send('rules.remove', { id: res.ok.rule.id });
      await loadRules();
      showNotice(gone.error ? gone.error.message : i18n.t('taught_removed', { shape: res.ok.rule.name }), 6000);
    });
  }

  /** showTaught says what was taught for a few seconds, with Undo (a trusted click only). */
  function showTaught(text, undo) {
    const { host, root } = mountHost('notice');
    const button = el('button', { type: 'button', text: i18n.t('undo_button') });
    root.append(
      el(
        'div',
        { class: 'toast info', role: 'status' },
        el('div', { class: 'line' }, el('span', { class: 'brand' }, shieldIcon()), el('span', { class: 'text', text }), button),
      ),
    );
    toTopLayer(host);
    const timer = setTimeout(() => host.remove(), 12000);
    button.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      clearTimeout(timer);
      host.remove();
      undo().catch((err) => console.error('Invite Guard: undo teaching', err));
    });
  }

  function onContextMenu(e) {
    let t = e.composedPath()[0];
    if (t && !(t instanceof Element)) t = t.parentElement;
    state.target = t && !isOurs(t) ? t : null; // a right-click in Invite Guard's own UI teaches nothing
  }

  function onMessage(msg, sender, sendResponse) {
    if (sender.id !== api.runtime.id) return false;
    const run = { 'teach.here': teachHere, 'rules.changed': loadRules, 'report.show': onReport }[msg?.op];
    if (!run) return false;
    Promise.resolve()
      .then(run)
      .catch((err) => console.error(`Invite Guard: ${msg.op}`, err));
    sendResponse({ ok: true });
    return false;
  }

  function install() {
    win.addEventListener('contextmenu', onContextMenu, true);
    api?.runtime?.onMessage?.addListener(onMessage);
    loadRules().catch((err) => console.error('Invite Guard: taught buttons', err));
  }

  return { module, install, loadRules };
}
