// The outbox: requests for the user's server, kept in IndexedDB until the server has answered them.
// Entries go out in order; a network failure, 429 or 5xx keeps the entry and retries it later with
// exponential backoff (nothing is lost while the server is down); an entry is deleted only after a 2xx,
// and every request is idempotent on the server (batches by clientBatchId, item results by item, scans
// by reconciliation), so a retry after a lost answer never records anything twice. A 4xx other than
// 401/408/429 is a permanent refusal: the entry is kept as failed, with the server's message, for the user.

import { done, getAll, req } from './idb.js';

/** BACKOFF_MS: the first retry after 2 s, doubling, at most 10 minutes apart. */
export const BACKOFF_BASE_MS = 2000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/** backoffMs returns the wait before attempt n+1 (n ≥ 1 failed attempts), with ±20 % jitter. */
export function backoffMs(n, retryAfterMs = 0, rand = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(20, n - 1));
  return Math.max(retryAfterMs, Math.round(base * (0.8 + 0.4 * rand())));
}

/** createOutbox returns the outbox over the database. */
export function createOutbox({ getDB, now = () => new Date() }) {
  /** enqueue adds one request: { kind, method, path, body, ref }. Returns its sequence number. */
  async function enqueue(entry) {
    const db = await getDB();
    const at = now().toISOString();
    const tx = db.transaction('outbox', 'readwrite');
    const seq = await req(tx.objectStore('outbox').add({ ...entry, state: 'queued', attempts: 0, createdAt: at, dueAt: at, lastError: '' }));
    await done(tx);
    return seq;
  }

  /** entries lists every entry in order. */
  async function entries() {
    return getAll(await getDB(), 'outbox');
  }

  async function putRow(row) {
    const db = await getDB();
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').put(row);
    await done(tx);
  }

  async function remove(seq) {
    const db = await getDB();
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').delete(seq);
    await done(tx);
  }

  /**
   * flush sends the due entries in order through send(row) → { ok, data } | { retry, error, retryAfterMs }
   * | { fail, error }, calling onDone(row, data) after each success. It stops at the first retry (the
   * server is down or busy: later entries wait their turn). force ignores the backoff.
   */
  async function flush(send, onDone, { force = false } = {}) {
    const stats = { sent: 0, failed: 0, retry: 0, ms: 0 };
    const t0 = performance.now();
    // Entries added while flushing (a batch's verify) go out in the same flush: up to 20 passes.
    for (let pass = 0, more = true; more && pass < 20; pass++) {
      more = false;
      const rows = (await entries()).filter((r) => r.state === 'queued');
      const stop = await flushRows(rows);
      if (stop === 'retry') break;
      more = stop === 'more';
    }
    stats.ms = performance.now() - t0;
    return stats;

    async function flushRows(rows) {
      let sentHere = 0;
      for (const row of rows) {
        if (!force && new Date(row.dueAt) > now()) return 'later';
        const res = await send(row);
        if (res.ok) {
          await remove(row.seq);
          stats.sent++;
          sentHere++;
          await onDone(row, res.data);
          continue;
        }
        row.attempts++;
        row.lastError = res.error ?? '';
        row.lastTriedAt = now().toISOString();
        if (res.fail) {
          row.state = 'failed';
          stats.failed++;
          await putRow(row);
          continue;
        }
        row.dueAt = new Date(now().getTime() + backoffMs(row.attempts, res.retryAfterMs)).toISOString();
        stats.retry++;
        await putRow(row);
        return 'retry';
      }
      return sentHere ? 'more' : 'done';
    }
  }

  /** counts says how many entries wait, failed for good, and when the next is due. */
  async function counts() {
    const rows = await entries();
    const queued = rows.filter((r) => r.state === 'queued');
    return {
      queued: queued.length,
      failed: rows.filter((r) => r.state === 'failed').length,
      nextDueAt: queued.length ? queued.reduce((a, r) => (r.dueAt < a ? r.dueAt : a), queued[0].dueAt) : null,
      lastError: queued.find((r) => r.lastError)?.lastError ?? '',
    };
  }

  return { enqueue, entries, flush, counts, remove };
}
