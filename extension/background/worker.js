// The service worker's parts wired together: the only place that knows them all. Each room gets what it
// needs as plain functions (hooks), so reading one room shows everything it calls:
//
//   handlers.js     decide, record, policy.*, history.*   → onDecided, onRecorded, onPolicyChanged: sync
//   withdrawals.js  scans, withdrawal jobs, the Sent tab  → reportResult, serverPlan, scanStored: sync;
//                                                           onScanned: the bursts' offers
//   sync.js         the user's server, through outbox.js
//   backup.js       export and import                     → onImported: the taught buttons reload
//   rules.js        the buttons the user taught (context menu)
//   burst-handlers  the scan reminder (reminder.js) and the bursts of a whole-list scan (bursts.js: review, undo)
//
// main.js starts it in the browser; the unit tests build it over stand-ins (test/unit/catalogue.test.mjs).

import { createHandlers } from './handlers.js';
import { createWithdrawals } from './withdrawals.js';
import { createOutbox } from './outbox.js';
import { createSync, syncHandlers } from './sync.js';
import { backupHandlers } from './backup.js';
import { createRules } from './rules.js';
import { createBurstHandlers } from './burst-handlers.js';

/**
 * createWorker returns { handlers (the whole map the catalogue dispatches to), sync, outbox, withdrawals,
 * rules, bursts, onAlarm, restore, onStartup }. deps: engine, history (History-shaped), getDB() → IDBDatabase,
 * api (the browser's extension API), openOptions(), now() → Date.
 */
export function createWorker({ engine, history, getDB, api, openOptions = () => {}, now = () => new Date() }) {
  const outbox = createOutbox({ getDB, now });
  const sync = createSync({ engine, getDB, history, outbox, now });
  const handlers = createHandlers({
    engine,
    history,
    openOptions,
    onDecided: (request, decision) => sync.decided(request, decision), // the exact request, for the server's verify
    onRecorded: (batchId) => sync.batchRecorded(batchId),
    onPolicyChanged: (policy) => sync.policyChanged(policy), // the server plans jobs with the same policy
  });
  const policy = async () => (await handlers['policy.get']()).policy;
  // A stored scan's bursts ride on scan.submit's answer (the offers the Sent page's overlay shows).
  const withdrawals = createWithdrawals({ engine, history, getDB, policy, sync, onScanned: (scan) => bursts.scanned(scan), now, api });
  // Issue 12: the scan reminder on LinkedIn, and the bursts a whole-list scan finds (the offers, the review).
  const bursts = createBurstHandlers({ policy, startScan: () => handlers['scan.start'](), engine, history, getDB, withdrawals, api, now });
  // The buttons the user taught: created at every start, so the menu entries survive updates and restarts.
  const rules = createRules({ getDB, api });
  // A backup that brings taught buttons back lets the open pages and the options reload them.
  const backup = backupHandlers({ engine, getDB, now, onImported: async (out) => (out.rules ? rules.changed() : null) });
  Object.assign(handlers, withdrawals.handlers, syncHandlers(sync), backup, rules.handlers, bursts.handlers);

  return {
    handlers,
    sync,
    outbox,
    withdrawals,
    rules,
    bursts,
    /** onAlarm handles the worker's alarms: job:<id> wakes a waiting job, outbox retries the sends. */
    async onAlarm(alarm) {
      await withdrawals.onAlarm(alarm);
      if (alarm.name === 'outbox') await sync.flush();
    },
    /** restore runs whenever the worker starts: a waiting job's alarm is back, a running job's runner goes on,
     * a batch a stopped worker recorded but never queued is queued, the outbox sends what is due. */
    async restore() {
      await withdrawals.restore();
      await sync.resume();
    },
    /** onStartup resumes an open job after a browser restart and restarts the outbox. */
    async onStartup() {
      await withdrawals.onStartup();
      await sync.flush().catch(() => {});
    },
  };
}
