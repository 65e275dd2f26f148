// Withdrawals (issue 5): scans of LinkedIn's Sent list, withdrawal jobs, the popup's batch list with each
// batch's status, and the Sent-list tab they run in. Browser APIs (tabs, alarms) are reached only here;
// jobs.js and scan.js take them as plain functions. Sync reaches the jobs and scans only through the
// functions background/worker.js passes in (report, serverPlan, scanStored).

import { HandlerError } from './handlers.js';
import { createJobs, summary } from './jobs.js';
import { createScans } from './scan.js';
import { getAll } from './idb.js';
import { SENT_LIST } from '../sites/index.js';

export const SCAN_TTL_MS = 15 * 60_000;

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
 * createWithdrawals returns { handlers, jobs, scans, onAlarm, restore, onStartup }. deps: engine, history
 * (History-shaped), getDB() → IDBDatabase, policy() → the current policy, sync (reportResult, serverPlan,
 * scanStored; each optional), onScanned(scan) → fields added to scan.submit's answer (the bursts' offers),
 * now() → Date, api (the browser's extension API; absent in unit tests).
 */
export function createWithdrawals({
  engine,
  history,
  getDB,
  policy,
  sync = {},
  onScanned = async () => ({}),
  now = () => new Date(),
  api = globalThis.browser ?? globalThis.chrome,
}) {
  const w = { api, history, getDB, policy, now, onScanned };
  w.alarms = { set: (name, when) => setAlarm(api, name, when), clear: (name) => api.alarms.clear(name) };
  w.tabs = { alive: (tabId) => sentTabAlive(api, tabId), openSent: (job) => openSent(w, job) };
  w.jobs = createJobs({ engine, getDB, policy, now, alarms: w.alarms, tabs: w.tabs, report: sync.reportResult, serverPlan: sync.serverPlan });
  w.scans = createScans({ engine, getDB, now, onStored: sync.scanStored });
  api?.tabs?.onUpdated?.addListener((tabId, change) => jobTabChanged(w, tabId, change));
  return {
    handlers: withdrawalHandlers(w),
    jobs: w.jobs,
    scans: w.scans,
    onAlarm: (alarm) => onAlarm(w, alarm),
    restore: () => restore(w),
    onStartup: () => onStartup(w),
  };
}

async function setAlarm(api, name, when) {
  await api.alarms.create(name, { when: Math.max(when, Date.now() + 1000) });
}

/** sentTabAlive tells whether a tab still shows LinkedIn's invitation manager. */
async function sentTabAlive(api, tabId) {
  try {
    const t = await api.tabs.get(tabId);
    return !!t && SENT_LIST.page.test(t.url ?? t.pendingUrl ?? '');
  } catch {
    return false;
  }
}

/** wakeTab asks a Sent-list tab's runner to look for work now; a tab without a runner is reloaded. */
async function wakeTab(api, tabId) {
  try {
    await api.tabs.sendMessage(tabId, { op: 'sent.wake' });
  } catch {
    await api.tabs.reload(tabId).catch(() => {});
  }
}

/** openSent brings the job's (or any) Sent-list tab forward and wakes its runner, else opens one. */
async function openSent(w, job) {
  const { api } = w;
  if (job?.tabId != null && (await sentTabAlive(api, job.tabId))) {
    await api.tabs.update(job.tabId, { active: true });
    return wakeTab(api, job.tabId);
  }
  const found = await api.tabs.query({ url: SENT_LIST.matches });
  if (found.length) {
    await api.tabs.update(found[0].id, { active: true });
    return wakeTab(api, found[0].id);
  }
  await api.tabs.create({ url: SENT_LIST.url, active: true });
}

/**
 * jobTabChanged stops the running job when its tab leaves the invitation manager: redirected to LinkedIn's
 * sign-in (the Sent-list script does not run there), or any other page (a Withdraw link the page did not
 * handle leads to the home page). An item in flight stays so and is checked on the Sent list before
 * anything is clicked again.
 */
function jobTabChanged(w, tabId, change) {
  if (!change.url || SENT_LIST.page.test(change.url)) return;
  const reason = SENT_LIST.isSignInUrl(change.url) ? 'login' : 'navigated';
  w.jobs
    .active()
    .then((job) => (job && job.state === 'running' && job.tabId === tabId ? w.jobs.stop({ jobId: job.id, reason, detail: change.url }) : null))
    .catch((err) => console.error('Invite Guard: navigation check', err));
}

/** pendingScan is the scan the popup asked for, while it is fresh (15 minutes). */
async function pendingScan(w) {
  const p = await w.history.getSetting('scan.pending');
  if (!p || w.now() - new Date(p.requestedAt) > SCAN_TTL_MS) return null;
  return p;
}

async function batchesWithStatus(w, limit) {
  const batches = await w.history.batches(limit);
  const db = await w.getDB();
  const out = [];
  for (const b of batches) {
    const invs = await getAll(db, 'invitations', 'batchId', b.id);
    out.push({ ...b, ...batchStatus(invs) });
  }
  return out;
}

async function startScan(w) {
  const scan = { id: crypto.randomUUID(), requestedAt: w.now().toISOString() };
  await w.history.putSetting('scan.pending', scan);
  await openSent(w, null);
  return { scanId: scan.id };
}

async function submitScan(w, p) {
  const pending = await pendingScan(w);
  const out = await w.scans.submit({ ...p, scanId: p.scanId ?? pending?.id });
  if (pending && (!p.scanId || p.scanId === pending.id)) await w.history.putSetting('scan.pending', null);
  return { ...out, ...(await w.onScanned(out.scan)) };
}

/** sentTask tells the Sent-list content script what to do now: a pending scan first, else the job's next step. */
async function sentTask(w, p) {
  const scan = await pendingScan(w);
  if (scan) return { kind: 'scan', scanId: scan.id, pace: await pace(w) };
  return w.jobs.next({ tabId: p.senderTabId });
}

async function pace(w) {
  const pol = await w.policy();
  return { min: pol.withdrawPaceMinMs, max: pol.withdrawPaceMaxMs };
}

/** pendingInvitations lists the invitations still pending, newest first, for hand-picking. */
async function pendingInvitations(w, limit) {
  const rows = await getAll(await w.getDB(), 'invitations', 'state', 'sent');
  rows.sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
  return rows.slice(0, limit).map(({ id, key, name, sentAt, batchId, source, member }) => ({ id, key, name, sentAt, batchId, source, member }));
}

/** withdrawalHandlers is this room's part of the service worker's handler map. */
function withdrawalHandlers(w) {
  const { jobs, scans } = w;
  return {
    // the batch list of the popup
    'batches.list': async (p) => ({ batches: await batchesWithStatus(w, p?.limit ?? 20), active: summary(await jobs.active()) }),
    // scans
    'scan.start': () => startScan(w),
    'scan.count': async (p) => ({ count: await scans.parseCount(String(p?.text ?? '')) }),
    'scan.submit': (p) => submitScan(w, p),
    'scan.list': async (p) => ({ scans: await scans.list(p?.limit ?? 10) }),
    // what the Sent-list content script should do now
    'sent.task': (p) => sentTask(w, p),
    // withdrawal jobs
    'withdraw.plan': async (p) => ({ job: await jobs.plan(p) }),
    'withdraw.start': async (p) => ({ job: await jobs.start(p) }),
    'job.begin': (p) => jobs.begin(p),
    'job.recheck': (p) => jobs.recheck(p),
    'job.result': async (p) => ({ job: await jobs.result(p) }),
    'job.stop': async (p) => ({ job: await jobs.stop(p) }),
    'job.pause': async (p) => ({ job: await jobs.pause(p) }),
    'job.resume': async (p) => ({ job: await jobs.resume(p) }),
    'job.cancel': async (p) => ({ job: await jobs.cancel(p) }),
    'job.get': async (p) => {
      if (!p?.jobId) throw new HandlerError('invalid', 'jobId is required');
      return { job: await jobs.get(p) };
    },
    'job.active': async () => ({ job: summary(await jobs.active()) }),
    'job.list': async (p) => ({ jobs: await jobs.list(p?.limit ?? 10) }),
    'sent.open': async () => {
      await openSent(w, await jobs.active());
      return {};
    },
    // pending invitations, for hand-picking
    'invitations.pending': async (p) => ({ invitations: await pendingInvitations(w, p?.limit ?? 200) }),
  };
}

/** onAlarm wakes a waiting job (alarm job:<id>). */
async function onAlarm(w, alarm) {
  if (alarm.name.startsWith('job:')) await w.jobs.wake(alarm.name.slice(4));
}

/** restore runs whenever the worker starts: a waiting job gets its alarm back (alarms are not kept across
 * browser restarts everywhere), and a running job's runner goes on — after an update or a reload of the
 * extension the script in its Sent-list tab is cut off, so wakeTab reloads the tab; a live runner is only
 * woken (nothing opens or comes to the front). */
async function restore(w) {
  const job = await w.jobs.active();
  if (job?.state === 'waiting' && !(await w.api.alarms.get(`job:${job.id}`))) await w.alarms.set(`job:${job.id}`, Date.parse(job.resumeAt));
  if (job?.state === 'running' && job.tabId != null && (await sentTabAlive(w.api, job.tabId))) await wakeTab(w.api, job.tabId);
}

/** onStartup resumes an open job after a browser restart. */
async function onStartup(w) {
  const job = await w.jobs.active();
  if (job && job.state === 'running') await openSent(w, { ...job, tabId: null });
}
