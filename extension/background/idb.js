// Small IndexedDB helpers for the history (db.js) and the undo modules (jobs, scans, outbox, sync,
// export): promises over requests and transactions, and whole-store reads. The stores are created in db.js.

/** req resolves with a request's result. */
export function req(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** done resolves when a transaction commits. */
export function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** getAll reads a whole store (or an index range of it). */
export async function getAll(db, store, index, range) {
  const tx = db.transaction(store, 'readonly');
  const s = tx.objectStore(store);
  return req(index ? s.index(index).getAll(range) : s.getAll(range));
}

/** get reads one row by key. */
export async function get(db, store, key) {
  return req(db.transaction(store, 'readonly').objectStore(store).get(key));
}

/** put writes rows to one store in one transaction. */
export async function put(db, store, ...rows) {
  const tx = db.transaction(store, 'readwrite');
  const s = tx.objectStore(store);
  for (const r of rows) s.put(r);
  await done(tx);
}

/** DAY_MS is one day in milliseconds. */
export const DAY_MS = 86_400_000;

/** utcMidnight returns the start of the UTC day of t (the core's and the server's day boundary). */
export function utcMidnight(t) {
  const d = new Date(t);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
