// The buttons the user taught Invite Guard to hold (issue 9): the context menu ("Hold this button with
// Invite Guard", "Invite Guard did not recognise this screen"), the `rules` store and its messages.
// The rule itself (what is kept of a button, how it matches) is shared/teach-rule.js.

import { done, getAll, req } from './idb.js';
import { HandlerError } from './handlers.js';
import { DOMAINS } from '../sites/index.js';
import { makeRule, RuleError, sameRule, validateRule } from '../shared/teach-rule.js';

export const MENU_TEACH = 'inviteguard-teach';
export const MENU_REPORT = 'inviteguard-report';
const SITE_URLS = DOMAINS.map((d) => `https://*.${d}/*`);
const MAX_RULES = 500;

/** asHandlerError turns a RuleError into the handlers' error (same code, which the UI translates as teach_error_<code>). */
function asHandlerError(err) {
  return err instanceof RuleError ? new HandlerError(err.code, err.message) : err;
}

/** sortRules orders rules by host, then path, then when they were taught. */
function sortRules(rules) {
  return rules.sort((a, b) => a.host.localeCompare(b.host) || a.path.localeCompare(b.path) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * createRules returns the rule handlers and the context menu. deps: { getDB() → IDBDatabase, api (the
 * browser's extension API; absent in unit use), now }.
 */
export function createRules({ getDB, api = null, now = () => new Date() }) {
  /** tell sends a message to one tab's content script; false when no script answers there. */
  async function tell(tabId, msg, frameId = 0) {
    try {
      await api.tabs.sendMessage(tabId, msg, { frameId });
      return true;
    } catch {
      return false;
    }
  }

  /** changed lets every LinkedIn and XING tab, and the options page, reload the rules. */
  async function changed() {
    if (!api?.tabs) return;
    Promise.resolve(api.runtime.sendMessage({ op: 'rules.changed' })).catch(() => {}); // no page open: fine
    const tabs = await api.tabs.query({ url: SITE_URLS }).catch(() => []);
    await Promise.all(tabs.map((t) => tell(t.id, { op: 'rules.changed' })));
  }

  const handlers = {
    async 'rules.list'(p) {
      const db = await getDB();
      const rules = p?.host ? await getAll(db, 'rules', 'host', String(p.host)) : await getAll(db, 'rules');
      return { rules: sortRules(rules) };
    },

    // seen: what the content script read of the right-clicked control (see content/taught.js).
    async 'rules.add'(p) {
      let rule;
      try {
        rule = makeRule(p?.seen ?? {}, { now: now() });
      } catch (err) {
        throw asHandlerError(err);
      }
      const db = await getDB();
      const tx = db.transaction('rules', 'readwrite');
      const store = tx.objectStore('rules');
      const all = await req(store.getAll());
      const same = all.find((r) => sameRule(r, rule));
      if (same) {
        return { rule: same, existed: true };
      }
      if (all.length >= MAX_RULES) {
        throw new HandlerError('too_large', `at most ${MAX_RULES} taught buttons; remove some in the options first`);
      }
      store.add(rule);
      await done(tx);
      await changed();
      return { rule, existed: false };
    },

    async 'rules.remove'(p) {
      if (typeof p?.id !== 'string' || !p.id) throw new HandlerError('invalid', 'id is required');
      const db = await getDB();
      const tx = db.transaction('rules', 'readwrite');
      const had = await req(tx.objectStore('rules').get(p.id));
      if (!had) {
        throw new HandlerError('not_found', 'this taught button is no longer stored');
      }
      tx.objectStore('rules').delete(p.id);
      await done(tx);
      await changed();
      return { removed: p.id };
    },

    // The popup's "Invite Guard did not recognise this screen": the report opens in the active tab.
    async 'report.open'() {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      if (!tab || !(await tell(tab.id, { op: 'report.show' }))) throw new HandlerError('no_page', 'open a LinkedIn or XING page first, then ask again');
      return {};
    },
  };

  /** menuClicked is what chrome.contextMenus.onClicked calls (the e2e tests call it too). */
  async function menuClicked(info, tab) {
    if (!tab?.id) return false;
    const frameId = info.frameId ?? 0;
    if (info.menuItemId === MENU_TEACH) return tell(tab.id, { op: 'teach.here' }, frameId);
    if (info.menuItemId === MENU_REPORT) return tell(tab.id, { op: 'report.show' }, frameId);
    return false;
  }

  /** installMenus (re)creates the two menu entries on LinkedIn and XING pages and listens for clicks. */
  function installMenus() {
    const menus = api?.contextMenus ?? api?.menus;
    if (!menus) return;
    const t = (key) => api.i18n.getMessage(key);
    const create = (props) =>
      new Promise((resolve) => {
        menus.create(props, () => {
          void api.runtime.lastError; // an entry already there after a worker restart is fine
          resolve();
        });
      });
    Promise.resolve(menus.removeAll())
      .then(() => create({ id: MENU_TEACH, title: t('menu_teach'), contexts: ['page', 'link', 'image', 'selection'], documentUrlPatterns: SITE_URLS }))
      .then(() => create({ id: MENU_REPORT, title: t('menu_report'), contexts: ['page', 'link', 'image', 'selection'], documentUrlPatterns: SITE_URLS }))
      .catch((err) => console.error('Invite Guard: context menu', err));
    menus.onClicked.addListener((info, tab) => {
      menuClicked(info, tab).catch((err) => console.error('Invite Guard: menu', err));
    });
  }

  return { handlers, menuClicked, installMenus, changed };
}

/** exportRules returns every stored rule, in a stable order, for the backup. */
export async function exportRules(db) {
  return sortRules(await getAll(db, 'rules'));
}

/** checkRules validates a backup's rules (absent in older files) before anything is stored. */
export function checkRules(list) {
  if (list == null) return [];
  if (!Array.isArray(list)) throw new HandlerError('invalid', 'the file’s "rules" is not a list');
  if (list.length > MAX_RULES) throw new HandlerError('too_large', `at most ${MAX_RULES} taught buttons can be imported`);
  return list.map((r, i) => {
    try {
      const { id, host, path, role, name, createdAt } = validateRule(r, `taught button ${i + 1}`);
      return { id, host, path, role, name, createdAt };
    } catch (err) {
      throw asHandlerError(err);
    }
  });
}

/**
 * addRules stores the checked rules in an open transaction (on its `rules` store), skipping a rule whose
 * id or whose host, path, role and name are already stored. Returns { added, skipped } once the stored
 * rules have been read; the caller commits.
 */
export async function addRules(store, rules) {
  const have = await req(store.getAll());
  let added = 0;
  let skipped = 0;
  for (const r of rules) {
    if (have.some((h) => h.id === r.id || sameRule(h, r))) skipped++;
    else {
      store.add(r);
      have.push(r);
      added++;
    }
  }
  return { added, skipped };
}
