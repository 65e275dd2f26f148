// The service worker (Chromium) / background script (Firefox): owns the engine and the history,
// answers named messages from the content scripts and the extension's pages. The parts are wired in
// background/worker.js; this file starts them in the browser (engine, database, listeners).

import { Engine } from './engine.js';
import { History, openDB } from './db.js';
import { dispatch } from './handlers.js';
import { createWorker } from './worker.js';
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
  {
    get:
      (_, name) =>
      async (...args) =>
        (await history())[name](...args),
  },
);

const worker = createWorker({ engine, history: lazyHistory, getDB: async () => (await history()).db, api, openOptions: () => api.runtime.openOptionsPage() });
const { handlers, rules } = worker;
rules.installMenus();
api.alarms?.onAlarm.addListener((alarm) => worker.onAlarm(alarm).catch((err) => console.error('Invite Guard: alarm', alarm.name, err)));
api.runtime.onStartup?.addListener(() => worker.onStartup().catch((err) => console.error('Invite Guard: startup', err)));
worker.restore().catch((err) => console.error('Invite Guard: restore', err));

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
globalThis.inviteGuard = { engine, handlers, history, worker, menuClicked: rules.menuClicked, dispatch: (msg) => dispatch(handlers, msg), onMessage };
