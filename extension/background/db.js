// IndexedDB history: batches and the invitations in them. The layout is in STORAGE.md.

import { DAY_MS, done, req } from './idb.js';

export const DB_NAME = 'inviteguard';
export const DB_VERSION = 2;

/** States of an invitation that mean it went out to the site (they count for cooldowns and budgets). */
export const WENT_OUT = new Set(['sent', 'accepted', 'withdraw_requested', 'withdrawn', 'not_found', 'gone', 'expired']);

/** openDB opens (and on first use creates) the database. */
export function openDB(name = DB_NAME) {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, DB_VERSION);
    r.onupgradeneeded = (e) => {
      const db = r.result;
      if (e.oldVersion < 1) createV1(db);
      // Version 2: the buttons the user taught Invite Guard to hold (background/rules.js).
      if (e.oldVersion < 2) db.createObjectStore('rules', { keyPath: 'id' }).createIndex('host', 'host');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error('the Invite Guard database is blocked by another open version'));
  });
}

/** createV1 creates the stores of version 1. */
function createV1(db) {
  // Version 1: everything issue 4 writes, and the stores issue 5 fills (scans, jobs, outbox),
  // so the next issue starts without a migration.
  const batches = db.createObjectStore('batches', { keyPath: 'id' });
  batches.createIndex('createdAt', 'createdAt');
  batches.createIndex('network_createdAt', ['network', 'createdAt']);
  const inv = db.createObjectStore('invitations', { keyPath: 'id' });
  inv.createIndex('key', 'key');
  inv.createIndex('batchId', 'batchId');
  inv.createIndex('sentAt', 'sentAt');
  inv.createIndex('withdrawnAt', 'withdrawnAt');
  inv.createIndex('network_sentAt', ['network', 'sentAt']);
  inv.createIndex('state', 'state');
  db.createObjectStore('settings', { keyPath: 'name' });
  const scans = db.createObjectStore('scans', { keyPath: 'id' });
  scans.createIndex('startedAt', 'startedAt');
  const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
  jobs.createIndex('state', 'state');
  const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  outbox.createIndex('dueAt', 'dueAt');
}

function newId() {
  return crypto.randomUUID();
}

/** History is the store of batches and invitations. */
export class History {
  constructor(db) {
    this.db = db;
  }

  /** getSetting / putSetting store small named values (the policy). */
  async getSetting(name) {
    const tx = this.db.transaction('settings', 'readonly');
    const row = await req(tx.objectStore('settings').get(name));
    return row ? row.value : undefined;
  }

  async putSetting(name, value) {
    const tx = this.db.transaction('settings', 'readwrite');
    tx.objectStore('settings').put({ name, value, updatedAt: new Date().toISOString() });
    await done(tx);
  }

  /**
   * recordBatch stores a released batch and one invitation per recipient, in one transaction
   * (all or nothing). Returns the stored batch.
   */
  async recordBatch(b) {
    const at = b.at ?? new Date().toISOString();
    const batch = {
      id: b.id ?? newId(),
      network: b.network,
      surface: b.surface,
      target: b.target ?? '',
      createdAt: at,
      releasedAt: at,
      state: b.state ?? 'sent',
      count: b.recipients.length,
      engineId: b.engineId ?? '',
      decision: b.decision ?? null, // {verdict, friction, count, reasons} as the user saw it
      pageUrl: b.pageUrl ?? '',
      source: 'extension',
    };
    const tx = this.db.transaction(['batches', 'invitations'], 'readwrite');
    tx.objectStore('batches').add(batch);
    const inv = tx.objectStore('invitations');
    for (const r of b.recipients) {
      inv.add({
        id: newId(),
        batchId: batch.id,
        key: r.key,
        name: r.name ?? '',
        network: batch.network,
        surface: batch.surface,
        target: batch.target,
        member: r.member,
        flags: r.flags ?? [],
        state: batch.state,
        sentAt: at,
        engineId: batch.engineId,
        verdict: batch.decision?.verdict ?? '',
        source: 'extension',
      });
    }
    await done(tx);
    return batch;
  }

  /**
   * historyFor returns the core's history input for a decision: every event of the given keys within
   * the longest window that matters, plus every invitation of the network in the last 7 days (the budget).
   */
  async historyFor(network, keys, now, windowDays) {
    const nowMs = Date.parse(now);
    const from = new Date(nowMs - Math.max(windowDays, 7) * DAY_MS).toISOString();
    const weekFrom = new Date(nowMs - 7 * DAY_MS).toISOString();
    const tx = this.db.transaction('invitations', 'readonly');
    const store = tx.objectStore('invitations');
    // The network's own invitations only (the other network's are never wanted): network_sentAt, not sentAt.
    const [bySent, byWithdrawn] = await Promise.all([
      req(store.index('network_sentAt').getAll(IDBKeyRange.bound([network, from], [network, '\uffff']))),
      req(store.index('withdrawnAt').getAll(IDBKeyRange.lowerBound(from))),
    ]);
    const wanted = new Set(keys);
    const seen = new Set();
    const entries = [];
    for (const inv of [...bySent, ...byWithdrawn]) {
      if (seen.has(inv.id) || inv.network !== network || !WENT_OUT.has(inv.state)) continue;
      seen.add(inv.id);
      const relevant = wanted.has(inv.key);
      if (relevant || inv.sentAt >= weekFrom) {
        entries.push({ key: inv.key, network: inv.network, surface: inv.surface, target: inv.target || undefined, kind: 'invited', at: inv.sentAt });
      }
      if (relevant && inv.withdrawnAt) {
        entries.push({ key: inv.key, network: inv.network, surface: inv.surface, target: inv.target || undefined, kind: 'withdrawn', at: inv.withdrawnAt });
      }
    }
    entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return entries;
  }

  /** sentSince lists the times (ms) of a network's invitations from one surface sent at or after from (ISO). */
  async sentSince(network, surface, from) {
    const tx = this.db.transaction('invitations', 'readonly');
    const range = IDBKeyRange.bound([network, from], [network, '\uffff']);
    const rows = await req(tx.objectStore('invitations').index('network_sentAt').getAll(range));
    return rows.filter((r) => r.surface === surface && WENT_OUT.has(r.state)).map((r) => Date.parse(r.sentAt));
  }

  /** batches lists the most recent batches, newest first. */
  async batches(limit = 50) {
    const tx = this.db.transaction('batches', 'readonly');
    const out = [];
    await new Promise((resolve, reject) => {
      const cur = tx.objectStore('batches').index('createdAt').openCursor(null, 'prev');
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c || out.length >= limit) return resolve();
        out.push(c.value);
        c.continue();
      };
      cur.onerror = () => reject(cur.error);
    });
    return out;
  }

  /** invitations lists the invitations of one batch, in the order they were recorded. */
  async invitations(batchId) {
    const tx = this.db.transaction('invitations', 'readonly');
    return req(tx.objectStore('invitations').index('batchId').getAll(batchId));
  }

  /** clear empties the history (batches and invitations), keeping the settings. */
  async clear() {
    const tx = this.db.transaction(['batches', 'invitations'], 'readwrite');
    tx.objectStore('batches').clear();
    tx.objectStore('invitations').clear();
    await done(tx);
  }
}
