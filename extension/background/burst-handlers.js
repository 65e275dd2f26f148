// The handlers of issue 12's reminder and burst review, part of the service worker's handler map (their
// senders are in shared/catalogue.js). A scan of the whole list ends with detect_bursts: through the
// onScanned hook (background/worker.js), scan.submit's answer carries the offers the Sent page's overlay shows.

import { createBursts } from './bursts.js';
import { createReminder } from './reminder.js';
import { SCAN_TTL_MS } from './withdrawals.js';

/** reviewPath is the review page of one burst (relative to the extension's root). */
export const reviewPath = (burstId) => `ui/burst.html?id=${encodeURIComponent(burstId)}`;

/**
 * createBurstHandlers returns { handlers (the reminder's and the burst review's), scanned, bursts, reminder }.
 * scanned(scan) is withdrawals.js's onScanned hook: the offers a whole-list scan's bursts make, which
 * scan.submit's answer carries. deps: { policy() → the current policy, startScan() → scan.start's answer,
 * engine, history (History-shaped), getDB, withdrawals (createWithdrawals' answer: jobs, scans), api (tabs,
 * runtime), now }.
 */
export function createBurstHandlers({ policy, startScan, engine, history, getDB, withdrawals, api, now = () => new Date() }) {
  const bursts = createBursts({ engine, getDB, history, policy, jobs: withdrawals.jobs, now });

  async function lastWholeScan() {
    const scans = await withdrawals.scans.list(100);
    return scans.find((s) => s.complete)?.finishedAt ?? null;
  }

  async function busy() {
    const pending = await history.getSetting('scan.pending');
    if (pending && now() - new Date(pending.requestedAt) < SCAN_TTL_MS) return 'scan';
    const job = await withdrawals.jobs.active();
    return job && job.state === 'running' ? 'job' : '';
  }

  const reminder = createReminder({ history, policy, lastWholeScan, busy, startScan, now });

  /** scanned answers a stored scan with the offers of its bursts (none, and the error, when detection failed). */
  async function scanned(scan) {
    try {
      return { offers: await bursts.detect(scan) };
    } catch (err) {
      console.error('Invite Guard: detect_bursts', err);
      return { offers: [], burstError: String(err?.message ?? err) };
    }
  }

  const handlers = {
    'reminder.check': () => reminder.check(),
    'reminder.shown': () => reminder.shown(),
    'reminder.snooze': () => reminder.snooze(),
    'reminder.accept': () => reminder.accept(),
    async 'burst.offers'() {
      return { offers: await bursts.offers() };
    },
    'burst.get': (p) => bursts.review(p ?? {}),
    async 'burst.plan'(p) {
      return { job: await bursts.plan(p ?? {}) };
    },
    'burst.start': (p) => bursts.start(p ?? {}),
    'burst.dismiss': (p) => bursts.dismiss(p ?? {}),
    async 'burst.review'(p) {
      await bursts.review(p ?? {}); // a burst that exists
      await api.tabs.create({ url: api.runtime.getURL(reviewPath(p.burstId)), active: true });
      return {};
    },
  };
  return { handlers, scanned, bursts, reminder };
}
