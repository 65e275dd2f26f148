// Helpers of the undo e2e tests (scan, withdraw, sync): the extension with a stateful Sent list, a
// fast but valid withdrawal policy, and polling on the service worker's state instead of fixed sleeps.

import { launch, setPolicy } from './harness.mjs';
import { createSentSite, person, SENT_URL } from './pages/sent-list.js';

export { person, SENT_URL };

/** FAST: the smallest pace the core accepts (500 ms), so tests stay quick but the pacing code runs. */
export const FAST = { withdrawPaceMinMs: 500, withdrawPaceMaxMs: 600 };

/** call dispatches one message in the service worker and returns its envelope. */
export function call(sw, msg) {
  return sw.evaluate((m) => globalThis.inviteGuard.dispatch(m), msg);
}

/** ok dispatches and returns the ok value, or throws with the handler's error. */
export async function ok(sw, msg) {
  const res = await call(sw, msg);
  if (res.error) throw new Error(`${msg.op}: ${res.error.code}: ${res.error.message}`);
  return res.ok;
}

/** poll calls fn until pred(value) is truthy and returns that value; throws with the last value after timeout. */
export async function poll(fn, pred, { timeout = 30000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (pred(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** startSite launches the extension with a Sent-list site and a fast policy. Returns { h, site }. */
export async function startSite({ lang = 'en', people, policy = {}, ...site } = {}) {
  const h = await launch({ lang });
  const s = createSentSite({ lang, people, ...site });
  await s.install(h.ctx);
  const res = await setPolicy(h.sw, { ...FAST, ...policy });
  if (res.error) throw new Error(res.error.message);
  return { h, site: s };
}

/** record stores a released batch as content/hold does (message "record"); returns its batch id. */
export async function record(sw, people, surface = 'contact_import') {
  const res = await ok(sw, {
    op: 'record',
    network: 'linkedin',
    surface,
    recipients: people.map((p) => ({ key: p.key, name: p.name, member: true })),
    decision: { verdict: 'confirm', friction: 'click', count: people.length, reasons: [] },
    pageUrl: 'https://www.linkedin.com/mynetwork/import-contacts/results/member/',
  });
  return res.batchId;
}

/** withdrawnKeys are the keys of the withdrawn invitations among invs, sorted (to compare with a batch's keys). */
export function withdrawnKeys(invs) {
  return invs
    .filter((i) => i.state === 'withdrawn')
    .map((i) => i.key)
    .sort();
}

/** invitations returns every stored invitation. */
export function invitations(sw) {
  return sw.evaluate(async () => {
    const h = await globalThis.inviteGuard.history();
    return new Promise((resolve, reject) => {
      const r = h.db.transaction('invitations').objectStore('invitations').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  });
}

/** sentPage returns the Playwright page showing the Sent list (opened by the extension), waiting for it. */
export async function sentPage(h, timeout = 15000) {
  const find = () => h.ctx.pages().find((p) => p.url().startsWith('https://www.linkedin.com/mynetwork/invitation-manager/'));
  return poll(async () => find(), Boolean, { timeout, what: 'the Sent-list tab' });
}

/** scanDone starts a scan and waits until it is stored; returns the scan record. */
export async function scanDone(sw, timeout = 60000) {
  const before = (await ok(sw, { op: 'scan.list' })).scans.length;
  await ok(sw, { op: 'scan.start' });
  const list = await poll(
    () => ok(sw, { op: 'scan.list' }),
    (r) => r.scans.length > before,
    { timeout, what: 'the scan' },
  );
  return list.scans[0];
}

/** jobSettled waits until a job leaves running (done, stopped, waiting, paused, cancelled). */
export function jobSettled(sw, jobId, states = ['done', 'stopped', 'waiting', 'paused', 'cancelled'], timeout = 60000) {
  return poll(
    () => ok(sw, { op: 'job.get', jobId, items: true }).then((r) => r.job),
    (j) => states.includes(j.state),
    { timeout, what: `job ${jobId} in ${states.join('/')}` },
  );
}
