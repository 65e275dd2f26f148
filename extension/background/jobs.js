// Withdrawal jobs: planned through the core (plan_withdrawal), kept in IndexedDB item by item, run by the
// Sent-list runner in a LinkedIn tab (content/runner.js), which asks for the next item, says when it
// clicks (persisted BEFORE the click) and reports the result (persisted AFTER). A reload or a browser
// restart therefore resumes exactly where it stopped; an item caught mid-click is checked on the page,
// never clicked twice. The daily cap defers the rest to the next UTC day with chrome.alarms.

import { DAY_MS, done, get, getAll, put, req, utcMidnight } from './idb.js';
import { coreInvitation } from './scan.js';
import { HandlerError, unwrap } from './handlers.js';
import { jobRepeat, jobTransition, OPEN_JOB_STATES, RESULT_EVENTS } from '../shared/job-lifecycle.js';

/** OPEN_STATES: a job under way (running, paused, waiting, stopped) — the core's job lifecycle
 * (core/joblifecycle.go: planned → running ⇄ paused; running → waiting (daily cap) → running; → stopped
 * (hard stop, resumable); → done | cancelled, or discarded before the start). */
export const OPEN_STATES = OPEN_JOB_STATES;
const FINAL_ITEM = new Set(['withdrawn', 'not_found', 'failed', 'highlighted', 'cancelled', 'skipped']);
const SELECTOR_KINDS = new Set(['batch', 'range', 'older_than', 'non_members', 'keys', 'all_pending']);
/** STOP_REASONS are the hard stops the runner reports. */
export const STOP_REASONS = new Set(['rate_limit', 'login', 'no_dialog', 'not_removed', 'unexpected', 'wrong_page', 'navigated', 'link_unhandled', 'refused']);

const iso = (t) => new Date(t).toISOString();
/** looseName compares names as the page's reader does: case, accents, apostrophes and spaces folded. */
const looseName = (s) =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** selectorOf checks a selector from the popup and keeps the core's fields only. */
export function selectorOf(s) {
  if (!s || !SELECTOR_KINDS.has(s.kind)) throw new HandlerError('invalid', `selector.kind must be one of ${[...SELECTOR_KINDS].join(', ')}`);
  const out = { kind: s.kind };
  if (s.kind === 'batch') out.batchId = String(s.batchId ?? '');
  if (s.kind === 'range') {
    out.from = s.from ? iso(s.from) : undefined;
    out.to = s.to ? iso(s.to) : undefined;
  }
  if (s.kind === 'older_than') out.days = Number(s.days);
  if (s.kind === 'keys') out.keys = Array.isArray(s.keys) ? s.keys.map(String) : [];
  return out;
}

/** counts sums a job's items by status. */
export function countItems(items) {
  const c = { planned: items.length, pending: 0, clicking: 0, withdrawn: 0, not_found: 0, failed: 0, highlighted: 0, cancelled: 0, skipped: 0 };
  for (const it of items) c[it.status] = (c[it.status] ?? 0) + 1;
  return c;
}

/** summary is what the popup and the overlay show of a job (no per-item list). */
export function summary(job) {
  if (!job) return null;
  const { items, ...rest } = job;
  const c = countItems(items);
  return { ...rest, counts: c, finished: c.planned - c.pending - c.clicking, current: items.find((i) => i.status === 'clicking') ?? null };
}

/** paceOf is the pause before an item: the plan's gap to the item before it on the same day, the
 * plan's minimum pace on a new day, none before the first. */
function paceOf(job, item) {
  const prev = job.items[item.seq - 1];
  if (!prev) return 0;
  return prev.day === item.day ? Date.parse(item.at) - Date.parse(prev.at) : job.plan.paceMin;
}

/**
 * withinSelection keeps of a server's plan only the invitations the user's own selection plans (the core's
 * plan of the same selector over the local history): the server may be wrong, stale or not the user's.
 * Each item dropped is shown as skipped, reason "outside_selection".
 */
export function withinSelection(serverPlan, localPlan) {
  const selected = new Set(localPlan.items.map((it) => it.key));
  const items = [];
  const outside = [];
  for (const it of serverPlan.items) {
    if (it.id && selected.has(it.key)) items.push(it);
    else outside.push({ ...(it.id ? { id: it.id } : {}), key: it.key, reason: 'outside_selection' });
  }
  return { ...serverPlan, items, skipped: [...(serverPlan.skipped ?? []), ...outside] };
}

/** move moves a job by the core's job table, or throws its illegal_transition (or invalid) error. */
function move(job, event) {
  const res = jobTransition(job.state, event);
  if (res.error) throw new HandlerError(res.error.code, res.error.message);
  job.state = res.to;
}

/** mayMove tells whether the core's table lets event move the job. */
const mayMove = (job, event) => !jobTransition(job.state, event).error;

/** check throws the core's refusal when event may not move the job, and moves nothing. */
function check(job, event) {
  const res = jobTransition(job.state, event);
  if (res.error) throw new HandlerError(res.error.code, res.error.message);
}

/**
 * createJobs returns the job operations over a small state object (the dependencies); each operation is
 * a named function below. deps:
 *   engine, getDB, policy() → current policy, now() → Date,
 *   alarms: { set(name, when), clear(name) }, tabs: { openSent(job), alive(tabId), wake(tabId) },
 *   report(job, item) → enqueue a result for the server (sync), serverPlan(selector, seed) → a server job or null.
 */
export function createJobs({ engine, getDB, policy, now = () => new Date(), alarms, tabs, report = async () => {}, serverPlan = async () => null }) {
  const st = { engine, getDB, policy, now, alarms, tabs, report, serverPlan };
  return {
    plan: (p) => plan(st, p),
    start: (p) => start(st, p),
    next: (p) => next(st, p),
    begin: (p) => begin(st, p),
    recheck: (p) => recheck(st, p),
    result: (p) => result(st, p),
    stop: (p) => stop(st, p),
    pause: (p) => pause(st, p),
    resume: (p) => resume(st, p),
    cancel: (p) => cancel(st, p),
    wake: (jobId) => wake(st, jobId),
    get: (p) => getJob(st, p),
    list: (limit) => list(st, limit),
    active: () => active(st),
  };
}

/** doneToday counts the runner's withdrawals since the UTC midnight before at. */
async function doneToday(db, at) {
  const from = utcMidnight(at).toISOString();
  const rows = await getAll(db, 'invitations', 'withdrawnAt', IDBKeyRange.lowerBound(from));
  return rows.filter((r) => r.withdrawnBy === 'runner').length;
}

/** transition asks the core where an invitation goes (the invitation lifecycle, in core.wasm). */
async function transition(st, from, event) {
  return unwrap(await st.engine.callJSON('transition', { from, event }), 'transition', true).to;
}

async function load(st, id) {
  const db = await st.getDB();
  const job = await get(db, 'jobs', id);
  if (!job) throw new HandlerError('not_found', `no withdrawal job ${id}`);
  return { db, job };
}

async function save(st, db, job) {
  job.updatedAt = iso(st.now());
  await put(db, 'jobs', job);
  return job;
}

/** plan asks the core (or the server, when synced) for a plan and keeps it as a planned job. */
async function plan(st, p) {
  const selector = selectorOf(p.selector);
  const network = p.network ?? 'linkedin';
  const db = await st.getDB();
  const at = st.now();
  const pol = await st.policy();
  const all = (await getAll(db, 'invitations')).filter((inv) => inv.network === network);
  const seed = p.seed ?? Math.floor(Math.random() * 2 ** 52);
  let server = null;
  if (!p.dryRun) server = await st.serverPlan(selector, seed, all).catch((err) => ({ error: String(err?.message ?? err) }));
  const request = { selector, invitations: all.map(coreInvitation), policy: pol, doneToday: await doneToday(db, at), seed, now: iso(at) };
  const local = unwrap(await st.engine.callJSON('plan_withdrawal', request), 'plan_withdrawal', true);
  const planned = server && !server.error ? withinSelection(server.plan, local) : local;
  const job = {
    id: crypto.randomUUID(),
    network,
    selector,
    dryRun: !!p.dryRun,
    seed,
    state: 'planned',
    createdAt: iso(at),
    updatedAt: iso(at),
    plan: {
      days: planned.days,
      durationSeconds: planned.durationSeconds,
      finishAt: planned.finishAt ?? null,
      skipped: planned.skipped,
      paceMin: pol.withdrawPaceMinMs,
      paceMax: pol.withdrawPaceMaxMs,
      dailyCap: pol.withdrawDailyCap,
    },
    server: server && !server.error ? server.job : null,
    serverError: server?.error ?? null,
    items: itemsOf(planned, all),
    tabId: null,
    lastDoneAt: null,
    stop: null,
  };
  await save(st, db, job);
  return summaryWithItems(job);
}

/** itemsOf turns a plan's items into the job's, each pending, with the name the history knows. */
function itemsOf(planned, all) {
  const byId = new Map(all.map((inv) => [inv.id, inv]));
  return planned.items.map((it, k) => ({
    seq: k,
    id: it.id,
    key: it.key,
    name: it.name || byId.get(it.id)?.name || '',
    at: iso(it.at),
    day: it.day,
    status: 'pending',
    serverInvitationId: it.serverInvitationId,
  }));
}

function summaryWithItems(job) {
  return {
    ...summary(job),
    items: job.items.map(({ seq, key, name, at, day, status, detail, ms, pageMs }) => ({ seq, key, name, at, day, status, detail, ms, pageMs })),
  };
}

/** start confirms a planned job: its invitations move to withdraw_requested and the runner is opened. */
async function start(st, { jobId }) {
  const { db, job } = await load(st, jobId);
  check(job, 'start');
  const open = (await getAll(db, 'jobs')).filter((j) => j.id !== job.id && OPEN_STATES.has(j.state));
  if (open.length) throw new HandlerError('conflict', `another withdrawal is ${open[0].state}; let it finish or cancel it first`);
  if (!job.dryRun) await requestWithdrawals(st, db, job);
  move(job, 'start');
  job.startedAt = iso(st.now());
  await save(st, db, job);
  await st.tabs.openSent(job);
  return summary(job);
}

/** requestWithdrawals moves the job's invitations still sent to withdraw_requested; anything that changed
 * since the plan is skipped. */
async function requestWithdrawals(st, db, job) {
  const rows = await Promise.all(job.items.map((it) => (it.id ? get(db, 'invitations', it.id) : null)));
  const to = await transition(st, 'sent', 'withdraw_request');
  const at = iso(st.now());
  const moved = [];
  for (const [k, it] of job.items.entries()) {
    const inv = rows[k];
    if (!inv) continue;
    if (inv.state !== 'sent') {
      it.status = 'skipped';
      it.detail = `now ${inv.state}`;
      continue;
    }
    moved.push({ ...inv, state: to, updatedAt: at, jobId: job.id });
  }
  if (moved.length) await put(db, 'invitations', ...moved);
}

/** active returns the open job (running, paused, waiting or stopped), newest first, or null. */
async function active(st) {
  const db = await st.getDB();
  const jobs = (await getAll(db, 'jobs')).filter((j) => OPEN_STATES.has(j.state));
  jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return jobs[0] ?? null;
}

/** deferTo makes a running job wait until `until` (the daily cap, or an item due later), with an alarm. */
async function deferTo(st, db, job, until, why) {
  move(job, 'wait');
  job.resumeAt = iso(until);
  job.waitReason = why;
  await save(st, db, job);
  await st.alarms.set(`job:${job.id}`, until.getTime());
  return { kind: 'waiting', until: job.resumeAt, reason: why, job: summary(job) };
}

/**
 * withTaken gives an item without a profile URL (an email, "name:…") the profile URLs of the other
 * known invitations with its name: a card showing one of them is that invitation's, never this one's.
 */
async function withTaken(db, job, item) {
  if (!item.name || /^https?:\/\//i.test(item.key)) return item;
  const n = looseName(item.name);
  const taken = (await getAll(db, 'invitations'))
    .filter((inv) => inv.network === job.network && inv.id !== item.id && /^https?:\/\//i.test(inv.key) && looseName(inv.name) === n)
    .map((inv) => inv.key);
  return { ...item, taken };
}

/** next tells the runner in tab tabId what to do now. */
async function next(st, { tabId }) {
  const job = await active(st);
  if (!job) return { kind: 'none' };
  const db = await st.getDB();
  const at = st.now();
  if (job.state === 'waiting') {
    if (at < new Date(job.resumeAt)) return { kind: 'waiting', until: job.resumeAt, reason: job.waitReason, job: summary(job) };
    move(job, 'wake');
    await st.alarms.clear(`job:${job.id}`);
  }
  if (job.state === 'paused' || job.state === 'stopped') return { kind: job.state, job: summary(job) };
  if (tabId != null && job.tabId != null && job.tabId !== tabId && (await st.tabs.alive(job.tabId))) return { kind: 'other_tab', job: summary(job) };
  if (tabId != null && job.tabId !== tabId) job.tabId = tabId;
  const inFlight = job.items.find((i) => i.status === 'clicking');
  if (inFlight) {
    await save(st, db, job);
    return { kind: 'item', item: await withTaken(db, job, inFlight), inFlight: true, waitMs: 0, dryRun: job.dryRun, job: summary(job) };
  }
  const pending = job.items.find((i) => i.status === 'pending');
  if (!pending) return finish(st, db, job, at);
  const item = await withTaken(db, job, pending);
  if (!job.dryRun) {
    if ((await doneToday(db, at)) >= job.plan.dailyCap) return deferTo(st, db, job, new Date(utcMidnight(at).getTime() + DAY_MS), 'daily_cap');
    if (item.day > 0 && at < new Date(item.at)) return deferTo(st, db, job, new Date(item.at), 'daily_cap');
  }
  const since = job.lastDoneAt ? at - new Date(job.lastDoneAt) : Infinity;
  const pace = paceOf(job, item);
  const waitMs = Math.max(0, Math.min(pace, pace - since));
  await save(st, db, job);
  return { kind: 'item', item, inFlight: false, waitMs: Number.isFinite(waitMs) ? waitMs : 0, dryRun: job.dryRun, job: summary(job) };
}

/** finish ends a job with nothing left to do. */
async function finish(st, db, job, at) {
  move(job, 'finish');
  job.finishedAt = iso(at);
  await save(st, db, job);
  return { kind: 'done', job: summary(job) };
}

/** begin is said right before the click: persisted first, so a reload knows the click may have happened. */
async function begin(st, { jobId, seq }) {
  const { db, job } = await load(st, jobId);
  if (job.state !== 'running') return { go: false, state: job.state };
  const it = job.items[seq];
  if (!it || (it.status !== 'pending' && it.status !== 'clicking')) throw new HandlerError('illegal_transition', `item ${seq} is ${it?.status ?? 'missing'}`);
  it.status = 'clicking';
  it.rechecked = false;
  it.startedAt = iso(st.now());
  it.attempts = (it.attempts ?? 0) + 1;
  await save(st, db, job);
  return { go: true };
}

/** recheck notes that an item caught mid-click is being checked on a freshly loaded list before any retry. */
async function recheck(st, { jobId, seq }) {
  const { db, job } = await load(st, jobId);
  const it = job.items[seq];
  if (!it || it.status !== 'clicking') throw new HandlerError('illegal_transition', `item ${seq} is ${it?.status ?? 'missing'}, not mid-click`);
  it.rechecked = true;
  await save(st, db, job);
  return { ok: true };
}

/** result records an item's outcome and moves its invitation by the core's lifecycle table. */
async function result(st, { jobId, seq, result: res, detail = '', ms, pageMs, stop: stopWith }) {
  if (stopWith && !STOP_REASONS.has(stopWith.reason)) throw new HandlerError('invalid', `unknown stop reason ${stopWith.reason}`);
  const { db, job } = await load(st, jobId);
  const it = job.items[seq];
  if (!it) throw new HandlerError('not_found', `job ${jobId} has no item ${seq}`);
  if (FINAL_ITEM.has(it.status)) {
    if (it.status === res) return summary(job); // the same report again (a retried message)
    throw new HandlerError('conflict', `item ${seq} was already reported as ${it.status}`);
  }
  const at = iso(st.now());
  if (job.dryRun) {
    if (res !== 'highlighted' && res !== 'not_found') throw new HandlerError('invalid', `a dry run reports highlighted or not_found, got ${res}`);
  } else {
    await moveInvitation(st, db, it, res, detail, at);
  }
  it.status = res;
  it.detail = it.detail || detail;
  it.doneAt = at;
  if (Number.isFinite(ms)) it.ms = ms;
  if (Number.isFinite(pageMs)) it.pageMs = pageMs;
  job.lastDoneAt = at;
  if (stopWith && (mayMove(job, 'stop') || jobRepeat(job.state, 'stop'))) {
    // The result and the hard stop it means, in one write (a refused withdrawal: LinkedIn's toast).
    job.state = 'stopped';
    job.stop = { reason: stopWith.reason, detail: String(stopWith.detail ?? '').slice(0, 500), at };
  } else if (!stopWith && job.state === 'running' && !job.items.some((i) => i.status === 'pending' || i.status === 'clicking')) {
    move(job, 'finish');
    job.finishedAt = at;
  }
  await save(st, db, job);
  if (!job.dryRun) await st.report(job, it);
  return summary(job);
}

/** moveInvitation moves a reported item's invitation by the core's lifecycle (withdrawn, not found, failed);
 * a move the core refuses keeps the history and says so on the item. */
async function moveInvitation(st, db, it, res, detail, at) {
  const event = RESULT_EVENTS[res];
  if (!event) throw new HandlerError('invalid', `result must be withdrawn, not_found or failed, got ${res}`);
  const inv = it.id ? await get(db, 'invitations', it.id) : null;
  if (!inv) return;
  const env = await st.engine.callJSON('transition', { from: inv.state, event });
  if (!env.ok) {
    it.detail = `${detail ? `${detail}; ` : ''}history kept ${inv.state}: ${env.error.message}`;
    return;
  }
  inv.state = env.ok.to;
  inv.updatedAt = at;
  if (env.ok.to === 'withdrawn') {
    inv.withdrawnAt = at;
    inv.withdrawnBy = 'runner';
  }
  await put(db, 'invitations', inv);
}

/** stop is a hard stop the runner saw (rate limit, login page, missing dialog, unexpected page). A job
 * already stopped takes the newer reason; a final one stays as it is (the core's table refuses). */
async function stop(st, { jobId, reason, detail = '', seq }) {
  const { db, job } = await load(st, jobId);
  if (!STOP_REASONS.has(reason)) throw new HandlerError('invalid', `unknown stop reason ${reason}`);
  if (!jobRepeat(job.state, 'stop')) move(job, 'stop');
  if (seq != null && job.items[seq]?.status === 'clicking') job.items[seq].status = 'pending'; // the card is still there
  job.stop = { reason, detail: String(detail).slice(0, 500), at: iso(st.now()) };
  await save(st, db, job);
  return summary(job);
}

async function pause(st, { jobId }) {
  const { db, job } = await load(st, jobId);
  move(job, 'pause');
  await st.alarms.clear(`job:${job.id}`);
  await save(st, db, job);
  await st.report(job, null, 'pause');
  return summary(job);
}

async function resume(st, { jobId }) {
  const { db, job } = await load(st, jobId);
  const wasPaused = job.state === 'paused';
  move(job, 'resume');
  job.stop = null;
  await save(st, db, job);
  if (wasPaused) await st.report(job, null, 'resume');
  await st.tabs.openSent(job);
  return summary(job);
}

/** cancel ends a job: items not begun are cancelled and their invitations go back to sent (a planned job
 * is discarded). */
async function cancel(st, { jobId }) {
  const { db, job } = await load(st, jobId);
  check(job, 'cancel');
  const at = iso(st.now());
  const back = await cancelItems(st, db, job, at);
  if (back.length) await put(db, 'invitations', ...back);
  move(job, 'cancel');
  job.finishedAt = at;
  await st.alarms.clear(`job:${job.id}`);
  await save(st, db, job);
  await st.report(job, null, 'cancel');
  return summary(job);
}

/** cancelItems marks the items not begun cancelled and returns their invitations moved back to sent. */
async function cancelItems(st, db, job, at) {
  const tx = db.transaction('invitations', 'readwrite');
  const store = tx.objectStore('invitations');
  const pending = job.items.filter((i) => i.status === 'pending');
  const rows = await Promise.all(pending.map((it) => (it.id && !job.dryRun ? req(store.get(it.id)) : null)));
  await done(tx);
  const back = [];
  for (const [k, it] of pending.entries()) {
    it.status = 'cancelled';
    const inv = rows[k];
    if (inv && inv.state === 'withdraw_requested') {
      inv.state = await transition(st, inv.state, 'withdraw_cancel');
      inv.updatedAt = at;
      back.push(inv);
    }
  }
  return back;
}

/** wake is the alarm of a waiting job: it runs again and the Sent list is opened. */
async function wake(st, jobId) {
  const db = await st.getDB();
  const job = await get(db, 'jobs', jobId);
  if (!job || !mayMove(job, 'wake')) return;
  move(job, 'wake');
  await save(st, db, job);
  await st.tabs.openSent(job);
}

async function getJob(st, { jobId, items = false }) {
  const { job } = await load(st, jobId);
  return items ? summaryWithItems(job) : summary(job);
}

async function list(st, limit = 10) {
  const db = await st.getDB();
  const jobs = await getAll(db, 'jobs');
  jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return jobs
    .filter((j) => j.state !== 'planned' && j.state !== 'discarded')
    .slice(0, limit)
    .map(summary);
}
