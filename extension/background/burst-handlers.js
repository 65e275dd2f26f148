// The handlers of issue 12's reminder and burst review, added to the service worker's handler map (their
// senders are in shared/catalogue.js). A scan of the whole list ends with detect_bursts: scan.submit's answer
// carries the offers, which the Sent page's overlay shows.

import { createBursts } from './bursts.js';
import { createReminder } from './reminder.js';
import { SCAN_TTL_MS } from './withdrawals.js';

/** reviewPath is the review page of one burst (relative to the extension's root). */
export const reviewPath = (burstId) => `ui/burst.html?id=${encodeURIComponent(burstId)}`;

/**
 * installBursts adds the reminder and burst handlers to handlers (which already holds the withdrawal ones:
 * scan.start, scan.submit). deps: { handlers, engine, history (History-shaped), getDB, withdrawals
 * (createWithdrawals' answer: jobs, scans), api (tabs, runtime), now }.
 */
export function installBursts({ handlers, engine, history, getDB, withdrawals, api, now = () => new Date() }) {
  const policy = async () => (await handlers['policy.get']()).policy;
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

  const reminder = createReminder({ history, policy, lastWholeScan, busy, startScan: () => handlers['scan.start'](), now });

  const submit = handlers['scan.submit'];
  Object.assign(handlers, {
    async 'scan.submit'(p) {
      const out = await submit(p);
      try {
        out.offers = await bursts.detect(out.scan);
      } catch (err) {
        console.error('Invite Guard: detect_bursts', err);
        out.offers = [];
        out.burstError = String(err?.message ?? err);
      }
      return out;
    },
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
  });
  return { bursts, reminder };
}
