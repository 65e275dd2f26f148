// Scans of the Sent list: the content script reads the cards, the core reconciles them with the
// history in IndexedDB (message "reconcile" to core.wasm), and the result is applied here in one
// transaction: unknown invitations imported (source "scan"), state changes applied, the scan kept.

import { done, getAll, req } from './idb.js';
import { HandlerError, unwrap } from './handlers.js';

/** MAX_CARDS mirrors core.MaxScanCards. */
export const MAX_CARDS = 20000;

const iso = (t) => new Date(t).toISOString();

/** coreInvitation turns a stored invitation into the core's Invitation (its decoder refuses other fields). */
export function coreInvitation(inv) {
  const out = { id: inv.id, key: inv.key, network: inv.network, state: inv.state, sentAt: inv.sentAt, source: inv.source || 'extension' };
  if (inv.batchId) out.batchId = inv.batchId;
  if (inv.name) out.name = inv.name;
  if (inv.surface) out.surface = inv.surface;
  if (typeof inv.member === 'boolean') out.member = inv.member;
  if (inv.sentEarliest) out.sentEarliest = inv.sentEarliest;
  if (inv.note) out.note = inv.note;
  return out;
}

/** cardOf keeps the core's SentCard fields of a card the page reported. */
function cardOf(c, i) {
  if (!c || typeof c !== 'object') throw new HandlerError('invalid', `card ${i} is not an object`);
  const s = (v) => (v == null ? '' : String(v));
  const out = { key: s(c.key), name: s(c.name), ageText: s(c.ageText) };
  if (c.headline) out.headline = s(c.headline);
  if (c.note) out.note = s(c.note);
  return out;
}

/**
 * createScans returns the scan operations over the engine and the database.
 * deps: { engine, getDB, now, onStored(scan, body) — e.g. the outbox }.
 */
export function createScans({ engine, getDB, now = () => new Date(), onStored = async () => {} }) {
  /** parseCount runs the core's parse_count ("People (1,100)" → 1100); null when unreadable. */
  async function parseCount(text) {
    if (!text) return null;
    const env = await engine.callJSON('parse_count', { text });
    return env.ok ? env.ok.count : null;
  }

  /** submit reconciles one scan and applies it. */
  async function submit(p) {
    const network = p.network ?? 'linkedin';
    if (!Array.isArray(p.cards)) throw new HandlerError('invalid', 'cards must be a list');
    if (p.cards.length > MAX_CARDS) throw new HandlerError('too_large', `a scan may hold at most ${MAX_CARDS} cards, got ${p.cards.length}`);
    const cards = p.cards.map(cardOf);
    const at = iso(now());
    const db = await getDB();
    const all = await getAll(db, 'invitations');
    const known = all.filter((inv) => inv.network === network);
    const request = { network, cards, complete: !!p.complete, known: known.map(coreInvitation), now: at };
    if (p.totalText) request.totalText = String(p.totalText);
    const res = unwrap(await engine.callJSON('reconcile', request), 'reconcile', true);

    const scan = {
      id: p.scanId || crypto.randomUUID(),
      network,
      startedAt: p.startedAt ? iso(p.startedAt) : at,
      finishedAt: at,
      complete: !!p.complete,
      totalText: p.totalText ?? '',
      total: res.total,
      seen: res.seen,
      cards: cards.length,
      imported: res.imported.length,
      matched: res.matched.length,
      changed: res.changed.length,
      warnings: res.warnings,
      stats: p.stats ?? null,
      engineId: engine.engineId,
    };
    const byId = new Map(known.map((inv) => [inv.id, inv]));
    const tx = db.transaction(['invitations', 'scans'], 'readwrite');
    const store = tx.objectStore('invitations');
    for (const inv of res.imported) {
      store.add({
        ...inv,
        batchId: '',
        surface: inv.surface ?? '',
        target: '',
        flags: [],
        sentAt: iso(inv.sentAt),
        sentEarliest: inv.sentEarliest && !inv.sentEarliest.startsWith('0001-') ? iso(inv.sentEarliest) : undefined,
        engineId: engine.engineId,
        verdict: '',
        scanId: scan.id,
        importedAt: at,
      });
    }
    let applied = 0;
    for (const ch of res.changed) {
      const inv = byId.get(ch.id);
      if (!inv) continue;
      const cur = await req(store.get(ch.id));
      if (!cur || cur.state !== ch.from) continue; // changed meanwhile (the runner): the newer state wins
      cur.state = ch.to;
      cur.updatedAt = at;
      if (ch.to === 'withdrawn' && !cur.withdrawnAt) cur.withdrawnAt = at;
      if (ch.to === 'gone') cur.goneAt = at;
      store.put(cur);
      applied++;
    }
    scan.applied = applied;
    tx.objectStore('scans').put(scan);
    await done(tx);
    // scannedAt: the server counts the ages from the scan, not from the upload (the outbox may send it later).
    await onStored(scan, { network, cards, complete: !!p.complete, totalText: p.totalText || undefined, scannedAt: at });
    return {
      scan,
      result: { imported: res.imported.length, matched: res.matched.length, changed: res.changed, total: res.total, seen: res.seen, warnings: res.warnings },
    };
  }

  /** list returns the latest scans, newest first. */
  async function list(limit = 10) {
    const db = await getDB();
    const scans = await getAll(db, 'scans');
    scans.sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : -1));
    return scans.slice(0, limit);
  }

  return { submit, list, parseCount };
}
