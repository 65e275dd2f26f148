// The compact decide request of ABI version 2 (core.CompactDecideRequest, RATIONALE.md "Why a compact
// request for decide?"): every key once, rows and history as integers pointing into it, the history
// reduced to the latest time per key, scope and kind, plus the budget's list of invitation times.
// compactRequest is core's DecideRequest.Compact in JS; both must give the engine the same answer.

/** The bits of a compact row (core.RowSelected …). */
export const ROW = { selected: 1, member: 2, notMember: 4, inTarget: 8, optedOut: 16 };

/** msOf is the Unix ms of an RFC 3339 time, or null when it is finer than a millisecond. */
function msOf(at) {
  const frac = /\.(\d+)/.exec(at);
  if (frac && /[1-9]/.test(frac[1].slice(3))) return null;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : null;
}

function rowBits(r) {
  let b = 0;
  if (r.selected) b |= ROW.selected;
  if (r.member === true) b |= ROW.member;
  if (r.member === false) b |= ROW.notMember;
  if (r.inTarget === true) b |= ROW.inTarget;
  if (r.optedOut) b |= ROW.optedOut;
  return b;
}

/**
 * compactRequest turns a decide request of version 1 (as handlers.decide builds it) into the compact one,
 * or returns null when it cannot be written compactly without changing the answer (a history time finer
 * than a millisecond): then the request goes to the engine as it is.
 */
export function compactRequest(req) {
  const out = { v: 2, network: req.network, surface: req.surface };
  if (req.target) out.target = req.target;
  out.now = req.now;
  if (req.policy) out.policy = req.policy;
  if (req.message) out.message = req.message;
  if (req.recentMessages?.length) out.recentMessages = req.recentMessages;
  const keys = [];
  const keyIndex = new Map();
  const key = (k) => {
    let i = keyIndex.get(k);
    if (i === undefined) {
      i = keys.length;
      keyIndex.set(k, i);
      keys.push(k);
    }
    return i;
  };
  const rows = [];
  for (const r of req.recipients) rows.push(key(r.key), rowBits(r));
  out.keys = keys;
  out.rows = rows;
  if (req.message) out.names = req.recipients.map((r) => r.name ?? '');
  const scopes = [];
  const scopeIndex = new Map();
  const history = [];
  const latest = new Map();
  const invited = [];
  for (const h of req.history ?? []) {
    if (h.network !== req.network) continue;
    const ms = msOf(h.at);
    if (ms === null) return null;
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
  return out;
}
