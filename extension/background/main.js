// The service worker (Chromium) / background script (Firefox): owns the engine and the history,
// answers named messages from the content scripts and the extension's pages.

import { Engine } from './engine.js';
import { History, openDB } from './db.js';
import { createHandlers, dispatch } from './handlers.js';

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

const handlers = createHandlers({ engine, history: lazyHistory, openOptions: () => api.runtime.openOptionsPage() });

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  dispatch(handlers, msg).then(sendResponse);
  return true; // the answer comes asynchronously
});

// Start the engine at once, so the first held batch does not wait for the compile.
engine.load().catch((err) => console.error('Invite Guard: engine failed to load:', err));

// For the e2e tests and the bench, which evaluate in this worker.
globalThis.inviteGuard = { engine, handlers, history, dispatch: (msg) => dispatch(handlers, msg) };
