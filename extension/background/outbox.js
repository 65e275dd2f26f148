// The outbox: requests for the user's server, kept in IndexedDB until the server has answered them.
// Entries go out in order; a network failure, 429 or 5xx keeps the entry and retries it later with
// exponential backoff (nothing is lost while the server is down); an entry is deleted only after a 2xx,
// and every request is idempotent on the server (batches by clientBatchId, item results by item, scans
// by reconciliation), so a retry after a lost answer never records anything twice. A 4xx other than
// 401/408/429 is a permanent refusal: the entry is kept as failed, with the server's message, and the
// options page lists it with Retry (queued again, sent at once) and Discard (deleted, never sent).

import { done, get, getAll, req } from './idb.js';
import { HandlerError } from './handlers.js';

/** BACKOFF_MS: the first retry after 2 s, doubling, at most 10 minutes apart. */
export const BACKOFF_BASE_MS = 2000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/** backoffMs returns the wait before attempt n+1 (n ≥ 1 failed attempts), with ±20 % jitter. */
export function backoffMs(n, retryAfterMs = 0, rand = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(20, n - 1));
  return Math.max(retryAfterMs, Math.round(base * (0.8 + 0.4 * rand())));
}

/** createOutbox returns the outbox over the database: a small state object and the named functions below. */
export function createOutbox({ getDB, now = () => new Date() }) {
  const st = { getDB, now };
  return {
    enqueue: (entry) => enqueue(st, entry),
    entries: () => entries(st),
    flush: (send, onDone, opts) => flush(st, send, onDone, opts),
    counts: () => counts(st),
    remove: (seq) => remove(st, seq),
    rejected: () => rejected(st),
    retry: (seq) => retry(st, seq),
    discard: (seq) => discard(st, seq),
  };
}

/** enqueue adds one request: { kind, method, path, body, ref }. Returns its sequence number. */
async function enqueue(st, entry) {
  const db = await st.getDB();
  const at = st.now().toISOString();
  const tx = db.transaction('outbox', 'readwrite');
  const seq = await req(tx.objectStore('outbox').add({ ...entry, state: 'queued', attempts: 0, createdAt: at, dueAt: at, lastError: '' }));
  await done(tx);
  return seq;
}

/** entries lists every entry in order. */
async function entries(st) {
  return getAll(await st.getDB(), 'outbox');
}

async function putRow(st, row) {
  const db = await st.getDB();
  const tx = db.transaction('outbox', 'readwrite');
  tx.objectStore('outbox').put(row);
  await done(tx);
}

async function remove(st, seq) {
  const db = await st.getDB();
  const tx = db.transaction('outbox', 'readwrite');
  tx.objectStore('outbox').delete(seq);
  await done(tx);
}

/**
 * flush sends the due entries in order through send(row) → { ok, data } | { retry, error, retryAfterMs }
 * | { fail, error }, calling onDone(row, data) after each success. It stops at the first retry (the
 * server is down or busy: later entries wait their turn). force ignores the backoff.
 */
async function flush(st, send, onDone, { force = false } = {}) {
  const run = { st, send, onDone, force, stats: { sent: 0, failed: 0, retry: 0, ms: 0 } };
  const t0 = performance.now();
  // Entries added while flushing (a batch's verify) go out in the same flush: up to 20 passes.
  for (let pass = 0, more = true; more && pass < 20; pass++) {
    const rows = (await entries(st)).filter((r) => r.state === 'queued');
    const stop = await flushRows(run, rows);
    if (stop === 'retry') break;
    more = stop === 'more';
  }
  run.stats.ms = performance.now() - t0;
  return run.stats;
}

/** flushRows sends rows in order: 'retry' (stopped at a retry), 'later' (the next is not due), 'more'
 * (something was sent: look again) or 'done'. */
async function flushRows(run, rows) {
  const { st, stats } = run;
  let sentHere = 0;
  for (const row of rows) {
    if (!run.force && new Date(row.dueAt) > st.now()) return 'later';
    const res = await run.send(row);
    if (res.ok) {
      await remove(st, row.seq);
      stats.sent++;
      sentHere++;
      await run.onDone(row, res.data);
      continue;
    }
    row.attempts++;
    row.lastError = res.error ?? '';
    row.lastTriedAt = st.now().toISOString();
    if (res.fail) {
      row.state = 'failed';
      stats.failed++;
      await putRow(st, row);
      continue;
    }
    row.dueAt = new Date(st.now().getTime() + backoffMs(row.attempts, res.retryAfterMs)).toISOString();
    stats.retry++;
    await putRow(st, row);
    return 'retry';
  }
  return sentHere ? 'more' : 'done';
}

/** counts says how many entries wait, failed for good, and when the next is due. */
async function counts(st) {
  const rows = await entries(st);
  const queued = rows.filter((r) => r.state === 'queued');
  return {
    queued: queued.length,
    failed: rows.filter((r) => r.state === 'failed').length,
    nextDueAt: queued.length ? queued.reduce((a, r) => (r.dueAt < a ? r.dueAt : a), queued[0].dueAt) : null,
    lastError: queued.find((r) => r.lastError)?.lastError ?? '',
  };
}

/** rejected lists the entries the server refused for good, oldest first, as the options page shows them:
 * what it was (kind, how many invitations for a batch, when), the server's message, the attempts. */
async function rejected(st) {
  const rows = (await entries(st)).filter((r) => r.state === 'failed');
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    method: r.method,
    path: r.path,
    ref: r.ref,
    count: r.kind === 'batch' ? (r.body?.sent?.length ?? 0) : r.kind === 'scan' ? (r.body?.cards?.length ?? 0) : null,
    createdAt: r.createdAt,
    lastTriedAt: r.lastTriedAt ?? null,
    attempts: r.attempts,
    error: r.lastError,
  }));
}

/** failedRow returns the refused entry seq, or throws: only a refused entry can be retried or discarded. */
async function failedRow(st, seq) {
  const row = await get(await st.getDB(), 'outbox', Number(seq));
  if (!row) throw new HandlerError('not_found', `no outbox entry ${seq}`);
  if (row.state !== 'failed') throw new HandlerError('conflict', `outbox entry ${seq} is ${row.state}, not refused`);
  return row;
}

/** retry queues a refused entry again, due now (the caller sends it). */
async function retry(st, seq) {
  const row = await failedRow(st, seq);
  row.state = 'queued';
  row.dueAt = st.now().toISOString();
  await putRow(st, row);
  return row.seq;
}

/** discard deletes a refused entry: it is never sent. */
async function discard(st, seq) {
  const row = await failedRow(st, seq);
  await remove(st, row.seq);
  return row.seq;
}
