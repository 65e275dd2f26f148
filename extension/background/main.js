// The service worker (Chromium) / background script (Firefox): owns the engine and the history,
// answers named messages from the content scripts and the extension's pages.

import { Engine } from './engine.js';
import { History, openDB } from './db.js';
import { createHandlers, dispatch } from './handlers.js';
import { createUndoHandlers } from './undo.js';
import { createRules } from './rules.js';
import { admit } from '../shared/catalogue.js';

const api = globalThis.browser ?? globalThis.chrome;

const engine = new Engine(async () => {
  const res = await fetch(api.runtime.getURL('core.wasm'));
  if (!res.ok) throw new Error(`core.wasm: HTTP ${res.status}`);
  return res.arrayBuffer();
});

let historyPromise = null;
function history() {
  historyPromise ??= openDB().then((db) => new History(db));
  return historyPromise;
}

// History methods wait for the database; handlers see a plain History-shaped object.
const lazyHistory = new Proxy(
  {},
  { get: (_, name) => async (...args) => (await history())[name](...args) },
);

// Each decision's request (history included) is kept for the server's verify (sync.decided).
const handlers = createHandlers({ engine, history: lazyHistory, openOptions: () => api.runtime.openOptionsPage(), onDecided: (req, decision) => undo.sync.decided(req, decision) });
// Issue 5: scans, withdrawal jobs, sync, export/import (record and the policy handlers are wrapped for sync).
const undo = createUndoHandlers({ engine, history: lazyHistory, getDB: async () => (await history()).db, base: { ...handlers } });
Object.assign(handlers, undo.handlers);
// Issue 9: the buttons the user taught (context menu, rules store); created at every start, so the
// menu entries survive updates and browser restarts.
const rules = createRules({ getDB: async () => (await history()).db, api });
Object.assign(handlers, rules.handlers);
// A backup that brings taught buttons back lets the open pages and the options reload them.
const importHistory = handlers['history.import'];
handlers['history.import'] = async (p) => {
  const out = await importHistory(p);
  if (out.rules) await rules.changed();
  return out;
};
rules.installMenus();
api.alarms?.onAlarm.addListener((alarm) => undo.onAlarm(alarm).catch((err) => console.error('Invite Guard: alarm', alarm.name, err)));
api.runtime.onStartup?.addListener(() => undo.onStartup().catch((err) => console.error('Invite Guard: startup', err)));
undo.restore().catch((err) => console.error('Invite Guard: restore', err));

// Who may send what is shared/catalogue.js's: a message its sender may not send answers
// `forbidden` and reaches no handler.
const own = { id: api.runtime.id, origin: api.runtime.getURL('') };
function onMessage(msg, sender, sendResponse) {
  if (sender.id !== api.runtime.id) return false;
  const { msg: admitted, forbidden } = admit(msg, sender, own);
  if (forbidden) {
    sendResponse(forbidden);
    return false;
  }
  dispatch(handlers, admitted).then(sendResponse);
  return true; // the answer comes asynchronously
}
api.runtime.onMessage.addListener(onMessage);

// Start the engine and open the database at once, so the first held batch waits for neither; then
// warm the engine up with one decision (V8 optimises the hot wasm functions on their first calls).
history().catch((err) => console.error('Invite Guard: the history database failed to open:', err));
engine
  .load()
  .then(() => engine.warmUp())
  .catch((err) => console.error('Invite Guard: engine failed to load:', err));

// For the e2e tests and the bench, which evaluate in this worker.
// menuClicked is what the context menu's onClicked calls (Playwright cannot click a native menu);
// onMessage is the real message listener (behind shared/catalogue.js).
globalThis.inviteGuard = { engine, handlers, history, undo, menuClicked: rules.menuClicked, dispatch: (msg) => dispatch(handlers, msg), onMessage };
