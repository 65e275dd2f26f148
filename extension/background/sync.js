// Sync with the user's own Invite Guard server (opt-in): batches, scans and withdrawal results go
// through the outbox; the server's verify answer is kept on the batch; withdrawal jobs are planned by
// the server when it is reachable. The only host this reaches is the URL the user configured.

import { done, get, getAll, put, req } from './idb.js';
import { HandlerError, recipientsOf } from './handlers.js';
import { compactRequest } from './compact.js';

const api = globalThis.browser ?? globalThis.chrome;
const TIMEOUT_MS = 15000;
const DECIDED_KEEP = 20;

/** serverOrigin checks a server URL and returns its origin ("https://ig.example.com", "http://127.0.0.1:8080"). */
export function serverOrigin(url) {
  let u;
  try {
    u = new URL(String(url ?? '').trim());
  } catch {
    throw new HandlerError('invalid', `"${url}" is not a URL (example: https://inviteguard.example.com)`);
  }
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local))
    throw new HandlerError('invalid', 'the server URL must start with https:// (http:// only for 127.0.0.1 or localhost)');
  if (u.username || u.password) throw new HandlerError('invalid', 'the server URL must not contain a user name or password; use the token field');
  return u.origin;
}

/**
 * tokenFor returns the token to use with origin: the one given, else the stored one only when it was saved
 * with that very origin (a stored token never goes to another host: a typo in the URL must not hand it to
 * whoever owns the typo). cur is the stored settings; given is undefined when the field was left empty.
 */
export function tokenFor(cur, origin, given) {
  if (given != null && String(given).trim() !== '') return String(given).trim();
  return cur.token && cur.url === origin ? cur.token : '';
}

/**
 * createSync returns the sync operations over a small state object (the last decisions, the flush in
 * flight, the last flush's outcome); each operation is a named function below. deps: engine, getDB() →
 * IDBDatabase, history (History-shaped), outbox (background/outbox.js), now() → Date.
 */
export function createSync({ engine, getDB, history, outbox, now = () => new Date() }) {
  const st = { engine, getDB, history, outbox, now, decided: [], flushing: null, last: { at: null, ok: null, error: '', stats: null } };
  return {
    flush: (p) => flush(st, p),
    decided: (request, decision) => decided(st, request, decision),
    batchRecorded: (batchId) => batchRecorded(st, batchId),
    scanStored: (scan, body) => scanStored(st, scan, body),
    reportResult: (job) => reportResult(st, job),
    serverPlan: (selector, seed, local) => serverPlan(st, selector, seed, local),
    configure: (p) => configure(st, p),
    test: (p) => test(st, p),
    status: () => status(st),
    sweep: () => sweep(st),
    resume: () => resume(st),
    rejected: () => st.outbox.rejected(),
    retry: (seq) => retryRejected(st, seq),
    discard: (seq) => st.outbox.discard(seq),
    policyChanged: (policy) => policyChanged(st, policy),
  };
}

/** syncHandlers is sync's part of the service worker's handler map (the options page's sync section). */
export function syncHandlers(sync) {
  return {
    'sync.get': () => sync.status(),
    'sync.configure': (p) => sync.configure(p),
    'sync.test': (p) => sync.test(p),
    'sync.flush': (p) => sync.flush({ force: !!p?.force }), // force: now, whatever the backoff says
    // the requests the server refused for good (a 4xx): listed with Retry and Discard in the options
    'sync.rejected': async () => ({ items: await sync.rejected() }),
    'sync.retry': (p) => sync.retry(p?.seq),
    'sync.discard': async (p) => ({ seq: await sync.discard(p?.seq), ...(await sync.status()) }),
  };
}

async function settings(st) {
  return (await st.history.getSetting('sync')) ?? { enabled: false, url: '', token: '' };
}

/** call sends one request to the server and classifies the answer for the outbox. */
async function call(s, method, path, body) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
  let res;
  try {
    res = await fetch(s.url + path, {
      method,
      headers: { Authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctl.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    return { retry: true, error: `the server did not answer: ${err?.name === 'AbortError' ? 'timeout' : (err?.message ?? err)}` };
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  if (res.ok) return { ok: true, data, status: res.status };
  const msg = `${res.status}: ${data?.error?.message ?? res.statusText}`;
  const ra = Number(res.headers.get('Retry-After'));
  if (res.status === 401 || res.status === 408 || res.status === 429 || res.status >= 500)
    return { retry: true, error: msg, retryAfterMs: Number.isFinite(ra) ? ra * 1000 : 0 };
  return { fail: true, error: msg, status: res.status };
}

async function send(st, row) {
  const s = await settings(st);
  if (!s.enabled) return { retry: true, error: 'sync is off' };
  return call(s, row.method, row.path, row.body);
}

/** onDone keeps what the server answered on the batch or scan the outbox row was for. */
async function onDone(st, row, data) {
  const db = await st.getDB();
  if (row.kind === 'batch' && data?.id) {
    const b = await get(db, 'batches', row.ref);
    if (b) {
      b.serverId = data.id;
      b.syncedAt = st.now().toISOString();
      await put(db, 'batches', b);
    }
    await st.outbox.enqueue({ kind: 'verify', method: 'POST', path: `/v1/batches/${encodeURIComponent(data.id)}/verify`, ref: row.ref });
  }
  if (row.kind === 'verify' && data?.result) {
    const b = await get(db, 'batches', row.ref);
    if (b) {
      b.verify = {
        result: data.result,
        engine: data.engine,
        sameEngine: data.sameEngine,
        differences: (data.differences ?? []).slice(0, 10),
        at: st.now().toISOString(),
      };
      await put(db, 'batches', b);
    }
  }
  if (row.kind === 'scan') {
    const sc = await get(db, 'scans', row.ref);
    if (sc) {
      sc.syncedAt = st.now().toISOString();
      sc.server = data ? { imported: data.applied?.imported, changed: data.applied?.changed } : null;
      await put(db, 'scans', sc);
    }
  }
}

/** flush sends what is due (force: everything queued, ignoring the backoff). Single flight. */
async function flush(st, p = {}) {
  const s = await settings(st);
  if (!s.enabled) return { enabled: false, ...(await st.outbox.counts()) };
  st.flushing ??= flushOnce(st, p).finally(() => {
    st.flushing = null;
  });
  const stats = await st.flushing;
  const c = await st.outbox.counts();
  if (c.queued && api?.alarms) await api.alarms.create('outbox', { when: Math.max(Date.now() + 1000, Date.parse(c.nextDueAt)) });
  return { enabled: true, stats, ...c };
}

async function flushOnce(st, p) {
  await sweepJobs(st); // results and job actions a stopped worker had not queued yet
  const stats = await st.outbox.flush(
    (row) => send(st, row),
    (row, data) => onDone(st, row, data),
    { force: !!p.force },
  );
  st.last = { at: st.now().toISOString(), ok: stats.retry === 0, error: stats.retry ? (await st.outbox.counts()).lastError : '', stats };
  return stats;
}

function kick(st) {
  flush(st).catch((err) => console.error('Invite Guard: outbox flush failed', err));
}

/**
 * decided remembers a decision and the exact request the engine saw (history included), for the server's
 * verify: the compact request (ABI version 2) as the worker gave it to the engine, or one of version 1 when
 * it had none; decision is the decision or its JSON text (read when a batch of it is recorded).
 */
function decided(st, request, decision) {
  const keys = new Set(request.v === 2 ? request.keys : request.recipients.map((r) => r.key));
  st.decided.unshift({ keys, network: request.network, surface: request.surface, request, decision });
  st.decided.length = Math.min(st.decided.length, DECIDED_KEEP);
}

/**
 * sentOf is the server's record of a decided request for the invitations sent: the request (a compact one
 * with the rows' names, which the content script did not send the worker: the sent rows are named as they
 * were recorded) and the indexes of the sent rows.
 */
function sentOf(request, invs) {
  if (request.v !== 2) {
    const index = new Map(request.recipients.map((r, i) => [r.key, i]));
    return { request, sent: invs.map((inv) => index.get(inv.key)) };
  }
  const index = new Map();
  for (let i = request.rows.length / 2 - 1; i >= 0; i--) index.set(request.keys[request.rows[2 * i]], i);
  const sent = invs.map((inv) => index.get(inv.key));
  if (request.names) return { request, sent };
  const names = new Array(request.rows.length / 2).fill('');
  invs.forEach((inv, j) => (names[sent[j]] = inv.name ?? ''));
  return { request: { ...request, names }, sent };
}

/** recordOf builds the server's RecordBatch of a stored batch: the decided request when known, else
 * (unless matchOnly) rebuilt and decided again; null when matchOnly and nothing matches. */
async function recordOf(st, batch, invs, matchOnly = false) {
  const keys = invs.map((i) => i.key);
  const match = st.decided.find((d) => d.network === batch.network && d.surface === batch.surface && keys.every((k) => d.keys.has(k)));
  if (!match && matchOnly) return null;
  if (match) {
    const decision = typeof match.decision === 'string' ? JSON.parse(match.decision) : match.decision;
    return { ...sentOf(match.request, invs), decision, rebuilt: false };
  }
  const pol = (await st.history.getSetting('policy')) ?? undefined;
  const v1 = { network: batch.network, surface: batch.surface, recipients: recipientsOf(invs.map((i) => ({ ...i, selected: true }))), now: batch.createdAt };
  if (pol) v1.policy = pol;
  if (batch.target) v1.target = batch.target;
  const compact = compactRequest(v1);
  const request = compact ? { ...compact, names: v1.recipients.map((r) => r.name ?? '') } : v1;
  const env = await st.engine.callJSON('decide', compact ?? v1);
  if (env.error) throw new Error(`decide for the server record: ${env.error.message}`);
  return { request, decision: env.ok, sent: invs.map((_, i) => i), rebuilt: true };
}

/** enqueueBatch queues a batch for the server once: the check that it is not queued yet and the queueing
 * are one transaction, so a start's sweep, the switch to sync on and a record's own queueing never queue a
 * batch twice. Returns whether it queued it. */
async function enqueueBatch(st, db, batch) {
  const invs = await getAll(db, 'invitations', 'batchId', batch.id);
  if (!invs.length) return false;
  const record = batch.record ?? (await recordOf(st, batch, invs));
  const { request, decision, sent } = record;
  const at = st.now().toISOString();
  const tx = db.transaction(['batches', 'outbox'], 'readwrite');
  const stored = await req(tx.objectStore('batches').get(batch.id));
  if (!stored || stored.queuedAt || stored.serverId) {
    await done(tx);
    return false;
  }
  const body = {
    clientBatchId: batch.id,
    engineId: batch.engineId || st.engine.engineId,
    request,
    decision,
    sent,
    sentAt: batch.releasedAt ?? batch.createdAt,
  };
  tx.objectStore('outbox').add({
    kind: 'batch',
    method: 'POST',
    path: '/v1/batches',
    ref: batch.id,
    body,
    state: 'queued',
    attempts: 0,
    createdAt: at,
    dueAt: at,
    lastError: '',
  });
  tx.objectStore('batches').put({ ...stored, record, queuedAt: at });
  await done(tx);
  return true;
}

/** batchRecorded keeps the record for the server on the batch and, with sync on, queues it. */
async function batchRecorded(st, batchId) {
  const db = await st.getDB();
  const batch = await get(db, 'batches', batchId);
  if (!batch) return;
  const invs = await getAll(db, 'invitations', 'batchId', batchId);
  const enabled = (await settings(st)).enabled;
  // The decided request is only in memory: keep it now. A rebuild can wait until sync is on.
  batch.record = await recordOf(st, batch, invs, !enabled);
  if (!batch.record) return;
  await put(db, 'batches', batch);
  if (enabled) {
    await enqueueBatch(st, db, batch);
    kick(st);
  }
}

/** sweep queues every batch never queued: recorded before sync was switched on, or by a worker that stopped
 * between the record and the queue. Returns how many it queued. */
async function sweep(st) {
  const db = await st.getDB();
  // Imported batches and bursts recorded as batches ("outside": no decision of ours; the server knows them by the scans) stay local.
  const batches = (await getAll(db, 'batches')).filter((b) => !b.queuedAt && !b.serverId && b.source !== 'import' && b.source !== 'outside');
  batches.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  let queued = 0;
  for (const b of batches) if (await enqueueBatch(st, db, b)) queued++;
  return queued;
}

/** resume runs at every start of the worker: with sync on, a batch a stopped worker recorded but never queued
 * is queued now (once: enqueueBatch), then the outbox sends what is due. */
async function resume(st) {
  if ((await settings(st)).enabled) await sweep(st);
  return flush(st);
}

/** retryRejected queues a refused request again and sends what is queued at once (the server may take it
 * now: it was changed, or what it refused was). Answers how it went for that request: sent, refused again
 * (with the server's message) or queued (the server did not answer: it goes out with the next flush). */
async function retryRejected(st, seq) {
  const s = await settings(st);
  if (!s.enabled) throw new HandlerError('invalid', 'sync is off: switch it on to send again');
  const n = await st.outbox.retry(seq);
  await flush(st, { force: true });
  const row = (await st.outbox.entries()).find((r) => r.seq === n);
  if (!row) return { seq: n, outcome: 'sent' };
  return { seq: n, outcome: row.state === 'failed' ? 'refused' : 'queued', error: row.lastError };
}

async function scanStored(st, scan, body) {
  if (!(await settings(st)).enabled) return;
  await st.outbox.enqueue({ kind: 'scan', method: 'POST', path: '/v1/scans', ref: scan.id, body });
  kick(st);
}

/**
 * sweepJobs queues, for every job the server planned, the results not yet queued and the pause, resume or
 * cancel the server has not been told — read and written in one transaction with the outbox, so a worker
 * stopped between a result and its report loses nothing (the server answers a repeated report as stored).
 */
async function sweepJobs(st) {
  const db = await st.getDB();
  const at = st.now().toISOString();
  const tx = db.transaction(['jobs', 'outbox'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const box = tx.objectStore('outbox');
  const add = (entry) => box.add({ ...entry, state: 'queued', attempts: 0, createdAt: at, dueAt: at, lastError: '' });
  let queued = 0;
  for (const job of await req(jobs.getAll())) {
    if (!job.server) continue;
    const n = queueJobNews(job, add);
    if (n) jobs.put(job);
    queued += n;
  }
  await done(tx);
  return queued;
}

/** queueJobNews adds a server-planned job's unreported results and its untold state change; returns how many. */
function queueJobNews(job, add) {
  const base = `/v1/jobs/${encodeURIComponent(job.server.id)}`;
  let queued = 0;
  for (const it of job.items) {
    if (!['withdrawn', 'not_found', 'failed'].includes(it.status) || !it.serverInvitationId || it.reportQueued) continue;
    add({
      kind: 'result',
      method: 'POST',
      path: `${base}/items/${encodeURIComponent(it.serverInvitationId)}/result`,
      ref: job.id,
      body: { result: it.status, ...(it.detail ? { detail: it.detail.slice(0, 1000) } : {}) },
    });
    it.reportQueued = true;
    queued++;
  }
  const want = job.state === 'paused' ? 'paused' : job.state === 'cancelled' || job.state === 'discarded' ? 'cancelled' : 'running';
  const told = job.server.state ?? 'running';
  if (want !== told && told !== 'cancelled') {
    add({ kind: 'job', method: 'POST', path: `${base}/${{ paused: 'pause', cancelled: 'cancel', running: 'resume' }[want]}`, ref: job.id });
    job.server.state = want;
    queued++;
  }
  return queued;
}

/** reportResult is called after every change of a server-planned job: queue what is new, send it. */
async function reportResult(st, job) {
  if (!job.server || !(await settings(st)).enabled) return;
  await sweepJobs(st);
  kick(st);
}

/** serverPlan asks the server for a withdrawal job (sync on, server reachable); null means plan locally. */
async function serverPlan(st, selector, seed, local) {
  const s = await settings(st);
  if (!s.enabled) return null;
  const sel = { ...selector };
  let scope = local;
  if (sel.kind === 'batch') {
    const b = await get(await st.getDB(), 'batches', sel.batchId);
    if (!b?.serverId) return null; // not on the server yet: the local plan
    sel.batchId = b.serverId;
    scope = local.filter((i) => i.batchId === b.id);
  }
  const res = await call(s, 'POST', '/v1/jobs', { selector: sel, seed });
  if (!res.ok) throw new Error(res.error);
  const job = res.data;
  const byKey = new Map();
  for (const inv of scope) if (inv.state === 'sent' && !byKey.has(inv.key)) byKey.set(inv.key, inv);
  return {
    job: { id: job.id, url: s.url },
    plan: {
      items: job.items.map((it) => ({
        id: byKey.get(it.key)?.id ?? '',
        key: it.key,
        name: it.name,
        at: it.at,
        day: it.day,
        serverInvitationId: it.invitationId,
      })),
      skipped: job.skipped,
      days: job.days,
      durationSeconds: job.durationSeconds,
      finishAt: job.finishAt ?? null,
    },
  };
}

/** policyChanged sends the user's policy to the server (it plans withdrawal jobs with it). */
async function policyChanged(st, policy) {
  if (!(await settings(st)).enabled || !policy) return;
  await st.outbox.enqueue({ kind: 'policy', method: 'PUT', path: '/v1/policy', ref: 'policy', body: policy });
  kick(st);
}

/** configure stores the settings (URL checked; the token kept only for the same origin) and, when switched
 * on, queues the history. */
async function configure(st, p) {
  const cur = await settings(st);
  const url = p.url != null ? serverOrigin(p.url) : cur.url;
  const next = { enabled: !!p.enabled, url, token: tokenFor(cur, url, p.token) };
  if (next.enabled && next.url && !next.token && cur.token)
    throw new HandlerError('invalid', `the saved token belongs to ${cur.url}; enter the token for ${next.url}`);
  if (next.enabled && (!next.url || !next.token)) throw new HandlerError('invalid', 'sync needs the server URL and a token');
  await st.history.putSetting('sync', next);
  let queued = 0;
  if (next.enabled) {
    const pol = await st.history.getSetting('policy');
    if (pol && !cur.enabled) await st.outbox.enqueue({ kind: 'policy', method: 'PUT', path: '/v1/policy', ref: 'policy', body: pol });
    queued = await sweep(st);
    kick(st);
  }
  return { ...(await status(st)), queued };
}

/** test checks a URL and token against GET /v1/me without storing them. */
async function test(st, p) {
  const cur = await settings(st);
  const url = serverOrigin(p?.url ?? cur.url);
  const s = { url, token: tokenFor(cur, url, p?.token) };
  if (!s.token) throw new HandlerError('invalid', cur.token ? `the saved token belongs to ${cur.url}; enter the token for ${url}` : 'enter the token first');
  const res = await call(s, 'GET', '/v1/me');
  if (!res.ok) return { ok: false, error: res.error };
  return { ok: true, user: res.data.user, engine: res.data.engine, sameEngine: res.data.engine === st.engine.engineId };
}

async function status(st) {
  const s = await settings(st);
  return { enabled: s.enabled, url: s.url, hasToken: !!s.token, last: st.last, ...(await st.outbox.counts()) };
}
