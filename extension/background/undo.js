// The undo handlers (issue 5), merged into the service worker's handler map: scans of the Sent list,
// withdrawal jobs, the batch list with its status, sync, export and import. Browser APIs (tabs, alarms)
// are reached only here; jobs.js, scan.js and outbox.js take them as plain functions.

import { HandlerError } from './handlers.js';
import { createJobs, summary } from './jobs.js';
import { createScans } from './scan.js';
import { getAll } from './idb.js';
import { createOutbox } from './outbox.js';
import { createSync } from './sync.js';
import { exportHistory, importHistory } from './exportimport.js';
import { MANAGER_PAGE } from '../shared/catalogue.js';

const api = globalThis.browser ?? globalThis.chrome;

export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const MANAGER_URLS = ['https://www.linkedin.com/mynetwork/invitation-manager/*', 'https://www.linkedin.com/inbox/invitations/*'];
const SCAN_TTL_MS = 15 * 60_000;

/** batchStatus says where a batch is from its invitations: pending, partly_accepted, partly_withdrawn, withdrawn, closed. */
export function batchStatus(invs) {
  const c = { total: invs.length, pending: 0, withdrawing: 0, withdrawn: 0, accepted: 0, gone: 0, other: 0 };
  for (const inv of invs) {
    if (inv.state === 'sent') c.pending++;
    else if (inv.state === 'withdraw_requested') c.withdrawing++;
    else if (inv.state === 'withdrawn') c.withdrawn++;
    else if (inv.state === 'accepted') c.accepted++;
    else if (inv.state === 'gone') c.gone++;
    else c.other++;
  }
  let status = 'closed';
  if (c.withdrawing) status = 'withdrawing';
  else if (c.pending === c.total) status = 'pending';
  else if (c.withdrawn === c.total) status = 'withdrawn';
  else if (c.pending && (c.accepted || c.gone)) status = 'partly_accepted';
  else if (c.pending && c.withdrawn) status = 'partly_withdrawn';
  else if (!c.pending && c.withdrawn) status = 'withdrawn';
  return { status, counts: c };
}

/**
 * createUndoHandlers returns the named handlers of issue 5. deps: { engine, history (History-shaped,
 * lazy), getDB() → IDBDatabase, base (the existing handler map, whose record is wrapped for sync) }.
 */
export function createUndoHandlers({ engine, history, getDB, base, now = () => new Date() }) {
  const policy = async () => (await base['policy.get']()).policy;

  const alarms = {
    async set(name, when) {
      await api.alarms.create(name, { when: Math.max(when, Date.now() + 1000) });
    },
    async clear(name) {
      await api.alarms.clear(name);
    },
  };

  async function wakeTab(tabId) {
    try {
      await api.tabs.sendMessage(tabId, { op: 'sent.wake' });
    } catch {
      await api.tabs.reload(tabId).catch(() => {});
    }
  }

  const tabs = {
    async alive(tabId) {
      try {
        const t = await api.tabs.get(tabId);
        return !!t && MANAGER_PAGE.test(t.url ?? t.pendingUrl ?? '');
      } catch {
        return false;
      }
    },
    /** openSent brings the job's (or any) Sent-list tab forward and wakes its runner, else opens one. */
    async openSent(job) {
      if (job?.tabId != null && (await tabs.alive(job.tabId))) {
        await api.tabs.update(job.tabId, { active: true });
        return wakeTab(job.tabId);
      }
      const found = await api.tabs.query({ url: MANAGER_URLS });
      if (found.length) {
        await api.tabs.update(found[0].id, { active: true });
        return wakeTab(found[0].id);
      }
      await api.tabs.create({ url: SENT_URL, active: true });
    },
  };

  const outbox = createOutbox({ getDB, now });
  const sync = createSync({ engine, getDB, history, outbox, now });
  const jobs = createJobs({ engine, getDB, policy, now, alarms, tabs, report: sync.reportResult, serverPlan: sync.serverPlan });
  const scans = createScans({ engine, getDB, now, onStored: sync.scanStored });

  // A job's tab redirected to LinkedIn's sign-in (the Sent-list script does not run there): a hard stop.
  const LOGIN_URL = /^https:\/\/(?:www\.)?linkedin\.com\/(?:login|uas\/login|checkpoint|authwall|signup)/i;
  // Any other page in that tab (a Withdraw link the page did not handle leads to the home page): a hard stop
  // too; an item in flight stays so and is checked on the Sent list before anything is clicked again.
  const MANAGER_URL = /^https:\/\/www\.linkedin\.com\/(?:mynetwork\/invitation-manager|inbox\/invitations)/i;
  api?.tabs?.onUpdated?.addListener((tabId, change) => {
    if (!change.url || MANAGER_URL.test(change.url)) return;
    const reason = LOGIN_URL.test(change.url) ? 'login' : 'navigated';
    jobs
      .active()
      .then((job) => (job && job.state === 'running' && job.tabId === tabId ? jobs.stop({ jobId: job.id, reason, detail: change.url }) : null))
      .catch((err) => console.error('Invite Guard: navigation check', err));
  });

  async function pendingScan() {
    const p = await history.getSetting('scan.pending');
    if (!p || now() - new Date(p.requestedAt) > SCAN_TTL_MS) return null;
    return p;
  }

  async function batchesWithStatus(limit) {
    const batches = await history.batches(limit);
    const db = await getDB();
    const out = [];
    for (const b of batches) {
      const invs = await getAll(db, 'invitations', 'batchId', b.id);
      out.push({ ...b, ...batchStatus(invs) });
    }
    return out;
  }

  const handlers = {
    // --- the batch list of the popup ---
    async 'batches.list'(p) {
      return { batches: await batchesWithStatus(p?.limit ?? 20), active: summary(await jobs.active()) };
    },

    // --- scans ---
    async 'scan.start'() {
      const scan = { id: crypto.randomUUID(), requestedAt: now().toISOString() };
      await history.putSetting('scan.pending', scan);
      await tabs.openSent(null);
      return { scanId: scan.id };
    },
    async 'scan.count'(p) {
      return { count: await scans.parseCount(String(p?.text ?? '')) };
    },
    async 'scan.submit'(p) {
      const pending = await pendingScan();
      const out = await scans.submit({ ...p, scanId: p.scanId ?? pending?.id });
      if (pending && (!p.scanId || p.scanId === pending.id)) await history.putSetting('scan.pending', null);
      return out;
    },
    async 'scan.list'(p) {
      return { scans: await scans.list(p?.limit ?? 10) };
    },

    // --- what the Sent-list content script should do now ---
    async 'sent.task'(p) {
      const scan = await pendingScan();
      if (scan) return { kind: 'scan', scanId: scan.id, pace: await pace() };
      return jobs.next({ tabId: p.senderTabId });
    },

    // --- withdrawal jobs ---
    async 'withdraw.plan'(p) {
      return { job: await jobs.plan(p) };
    },
    async 'withdraw.start'(p) {
      return { job: await jobs.start(p) };
    },
    async 'job.begin'(p) {
      return jobs.begin(p);
    },
    async 'job.recheck'(p) {
      return jobs.recheck(p);
    },
    async 'job.result'(p) {
      return { job: await jobs.result(p) };
    },
    async 'job.stop'(p) {
      return { job: await jobs.stop(p) };
    },
    async 'job.pause'(p) {
      return { job: await jobs.pause(p) };
    },
    async 'job.resume'(p) {
      return { job: await jobs.resume(p) };
    },
    async 'job.cancel'(p) {
      return { job: await jobs.cancel(p) };
    },
    async 'job.get'(p) {
      if (!p?.jobId) throw new HandlerError('invalid', 'jobId is required');
      return { job: await jobs.get(p) };
    },
    async 'job.active'() {
      return { job: summary(await jobs.active()) };
    },
    async 'job.list'(p) {
      return { jobs: await jobs.list(p?.limit ?? 10) };
    },
    async 'sent.open'() {
      await tabs.openSent(await jobs.active());
      return {};
    },

    // --- pending invitations, for hand-picking ---
    async 'invitations.pending'(p) {
      const db = await getDB();
      const rows = await getAll(db, 'invitations', 'state', 'sent');
      rows.sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
      return { invitations: rows.slice(0, p?.limit ?? 200).map(({ id, key, name, sentAt, batchId, source, member }) => ({ id, key, name, sentAt, batchId, source, member })) };
    },

    // --- sync with the user's server ---
    async 'sync.get'() {
      return sync.status();
    },
    async 'sync.configure'(p) {
      return sync.configure(p);
    },
    async 'sync.test'(p) {
      return sync.test(p);
    },
    async 'sync.flush'() {
      return sync.flush();
    },

    // --- export and import ---
    async 'history.export'(p) {
      return exportHistory(await getDB(), { format: p?.format ?? 'json', engineId: engine.engineId, now: now() });
    },
    async 'history.import'(p) {
      const res = await importHistory(await getDB(), { text: String(p?.text ?? ''), format: p?.format, now: now() });
      return res;
    },

    // record (issue 4's) is wrapped: the batch also goes to the server when sync is on.
    async record(p) {
      const out = await base.record(p);
      await sync.batchRecorded(out.batchId).catch((err) => console.error('Invite Guard: sync enqueue failed', err));
      return out;
    },
    // policy.set and policy.reset are wrapped: with sync on, the server plans with the same policy.
    async 'policy.set'(p) {
      const out = await base['policy.set'](p);
      await sync.policyChanged(out.policy).catch((err) => console.error('Invite Guard: sync policy', err));
      return out;
    },
    async 'policy.reset'(p) {
      const out = await base['policy.reset'](p);
      await sync.policyChanged(out.policy).catch((err) => console.error('Invite Guard: sync policy', err));
      return out;
    },
  };

  async function pace() {
    const pol = await policy();
    return { min: pol.withdrawPaceMinMs, max: pol.withdrawPaceMaxMs };
  }

  /** onAlarm handles the alarms of this module (job:<id> wakes a waiting job, outbox retries). */
  async function onAlarm(alarm) {
    if (alarm.name.startsWith('job:')) await jobs.wake(alarm.name.slice(4));
    if (alarm.name === 'outbox') await sync.flush();
  }

  /** restore runs whenever the worker starts: a waiting job gets its alarm back (alarms are not kept
   * across browser restarts everywhere) and the outbox sends what is due. */
  async function restore() {
    const job = await jobs.active();
    if (job?.state === 'waiting' && !(await api.alarms.get(`job:${job.id}`))) await alarms.set(`job:${job.id}`, Date.parse(job.resumeAt));
    await sync.flush();
  }

  /** onStartup resumes an open job after a browser restart and restarts the outbox. */
  async function onStartup() {
    const job = await jobs.active();
    if (job && job.state === 'running') await tabs.openSent({ ...job, tabId: null });
    await sync.flush().catch(() => {});
  }

  return { handlers, onAlarm, onStartup, restore, jobs, scans, sync, outbox };
}
