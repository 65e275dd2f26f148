// The compact decide request of ABI version 2 (core.CompactDecideRequest, RATIONALE.md "Why a compact
// request for decide?"): every key once, rows and history as integers pointing into it, the history
// reduced to the latest time per key, scope and kind, plus the budget's list of invitation times.
// compactRequest is core's DecideRequest.Compact in JS; both must give the engine the same answer.

import { ROW, rowBits } from '../shared/rows-wire.js';

// The bits of a compact row (core.RowSelected …) are shared with the content script (shared/rows-wire.js).
export { ROW };

/** msOf is the Unix ms of an RFC 3339 time, or null when it is finer than a millisecond. */
function msOf(at) {
  const frac = /\.(\d+)/.exec(at);
  if (frac && /[1-9]/.test(frac[1].slice(3))) return null;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * compactRequest turns a decide request of version 1 (as handlers.decide builds it) into the compact one,
 * or returns null when it cannot be written compactly without changing the answer (a history time finer
 * than a millisecond): then the request goes to the engine as it is.
 */
export function compactRequest(req) {
  const { out, key } = head(req);
  for (const r of req.recipients) out.rows.push(key(r.key), rowBits(r));
  if (req.message) out.names = req.recipients.map((r) => r.name ?? '');
  return withHistory(out, key, req.network, req.history) ? out : null;
}

/**
 * compactFromRows builds the compact request straight from the rows as the content script sends them
 * (shared/rows-wire.js: keys, bits, names only with a message), without recipient objects in between;
 * where is { network, surface, target?, message?, now, policy }. null as for compactRequest.
 */
export function compactFromRows(where, { keys, bits, names }, history) {
  const { out, key } = head(where);
  for (let i = 0; i < keys.length; i++) out.rows.push(key(keys[i]), bits[i]);
  if (where.message) out.names = names ?? keys.map(() => '');
  return withHistory(out, key, where.network, history) ? out : null;
}

/** head starts a compact request: its fields but the lists, empty lists of keys and rows, and key(k) → index. */
function head(req) {
  const out = { v: 2, network: req.network, surface: req.surface };
  if (req.target) out.target = req.target;
  out.now = req.now;
  if (req.policy) out.policy = req.policy;
  if (req.message) out.message = req.message;
  if (req.recentMessages?.length) out.recentMessages = req.recentMessages;
  out.keys = [];
  out.rows = [];
  const keyIndex = new Map();
  const key = (k) => {
    let i = keyIndex.get(k);
    if (i === undefined) {
      i = out.keys.length;
      keyIndex.set(k, i);
      out.keys.push(k);
    }
    return i;
  };
  return { out, key };
}

/**
 * withHistory adds the history of the network, reduced to the latest time per key, scope and kind, and the
 * budget's invitation times; false when a time is finer than a millisecond.
 */
function withHistory(out, key, network, entries) {
  const scopes = [];
  const scopeIndex = new Map();
  const history = [];
  const latest = new Map();
  const invited = [];
  for (const h of entries ?? []) {
    if (h.network !== network) continue;
    const ms = msOf(h.at);
    if (ms === null) return false;
    if (h.kind === 'invited') invited.push(ms);
    const scopeKey = `${h.surface ?? ''}\u0000${h.target ?? ''}`;
    let si = scopeIndex.get(scopeKey);
    if (si === undefined) {
      si = scopeIndex.size;
      scopeIndex.set(scopeKey, si);
      scopes.push(h.surface ?? '', h.target ?? '');
    }
    const ki = key(h.key);
    const kind = h.kind === 'withdrawn' ? 1 : 0;
    const slot = `${ki}/${si}/${kind}`;
    const at = latest.get(slot);
    if (at !== undefined) {
      history[4 * at + 3] = Math.max(history[4 * at + 3], ms);
      continue;
    }
    latest.set(slot, history.length / 4);
    history.push(ki, si, kind, ms);
  }
  if (scopes.length) out.scopes = scopes;
  if (history.length) out.history = history;
  if (invited.length) out.invited = invited;
  return true;
}
