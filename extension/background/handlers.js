// The service worker's named message handlers. Each takes the message's payload and returns a value
// (sent back as {ok: value}) or throws a HandlerError (sent back as {error: {code, message}}).
// The rest of the map (withdrawals, sync, backup, taught buttons) is merged in by background/worker.js.

import { ROW, compactFromRows, compactRequest } from './compact.js';
import { unpackRows } from '../shared/rows-wire.js';
import { OPS } from '../shared/catalogue.js';
import { LIMITS } from '../shared/core-constants.js';

/** HandlerError carries one of core.Error's codes to the caller. */
export class HandlerError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const NETWORKS = new Set(['linkedin', 'xing']);
const SURFACES = new Set(['contact_import', 'email_invite', 'connect', 'page_invite', 'event_invite', 'group_invite', 'contact_request']);
const MAX_RECIPIENTS = LIMITS.maxRecipients; // the core's cap (core.MaxRecipients), generated

/**
 * unwrap returns an engine envelope's ok value or throws its error as a HandlerError. prefixed puts the
 * operation before the message (the undo modules' job and scan details); else the core's message is kept
 * as the user sees it.
 */
export function unwrap(env, op, prefixed = false) {
  if (env.error) throw new HandlerError(env.error.code || 'engine', prefixed ? `${op}: ${env.error.message}` : env.error.message || `${op} failed`);
  return env.ok;
}

/** recipientsOf keeps only the fields the core's Recipient has (its decoder rejects unknown fields). */
export function recipientsOf(list) {
  if (!Array.isArray(list)) throw new HandlerError('invalid', 'recipients must be a list');
  if (list.length > MAX_RECIPIENTS) throw new HandlerError('too_large', `at most ${MAX_RECIPIENTS} recipients, got ${list.length}`);
  return list.map((r, i) => {
    if (!r || typeof r.key !== 'string' || r.key === '') throw new HandlerError('invalid', `recipient ${i} has no key`);
    const out = { key: r.key, selected: !!r.selected };
    if (r.name) out.name = String(r.name);
    if (typeof r.member === 'boolean') out.member = r.member;
    if (typeof r.inTarget === 'boolean') out.inTarget = r.inTarget;
    if (r.optedOut) out.optedOut = true;
    return out;
  });
}

function checkWhere(p) {
  if (!NETWORKS.has(p.network)) throw new HandlerError('invalid', `unknown network "${p.network}"`);
  if (!SURFACES.has(p.surface)) throw new HandlerError('invalid', `unknown surface "${p.surface}"`);
}

/** after runs a hook whose failure must not fail the user's action: it is logged as label. */
async function after(label, hook) {
  try {
    await hook();
  } catch (err) {
    console.error(`Invite Guard: ${label}`, err);
  }
}

/**
 * createHandlers builds the handler map over an Engine and a History (background/db.js): a small state
 * object (the deps, the default policy and the stored one once read) and the named functions below. The
 * hooks say who else hears of a change (background/worker.js passes sync's; a hook's failure is logged,
 * not answered):
 *   onDecided(request, decision)  each decision with the exact request the engine saw (history included)
 *   onRecorded(batchId)           a batch released from the undo window and stored (awaited)
 *   onPolicyChanged(policy)       the policy set or reset (awaited)
 */
export function createHandlers({
  engine,
  history,
  openOptions = () => {},
  onDecided = () => {},
  onRecorded = async () => {},
  onPolicyChanged = async () => {},
}) {
  const st = { engine, history, openOptions, onDecided, onRecorded, onPolicyChanged, defaults: null, policy: null };
  return {
    'engine.info': () => engineInfo(st),
    decide: (p) => decide(st, p),
    record: (p) => record(st, p),
    'velocity.recent': (p) => velocityRecent(st, p),
    'policy.get': async () => ({ policy: await currentPolicy(st), defaults: await defaultPolicy(st) }),
    'policy.set': async (p) => storePolicy(st, unwrap(await engine.callJSON('validate_policy', p.policy), 'validate_policy')),
    'policy.reset': async () => storePolicy(st, await defaultPolicy(st)),
    'history.batches': async (p) => ({ batches: await history.batches(p?.limit ?? 50) }),
    'history.invitations': async (p) => {
      if (!p?.batchId) throw new HandlerError('invalid', 'batchId is required');
      return { invitations: await history.invitations(p.batchId) };
    },
    'history.clear': async () => {
      await history.clear();
      return {};
    },
    'options.open': async () => {
      await openOptions();
      return {};
    },
  };
}

async function engineInfo(st) {
  await st.engine.load().catch(() => {});
  return st.engine.info();
}

async function defaultPolicy(st) {
  if (!st.defaults) st.defaults = unwrap(await st.engine.callJSON('default_policy'), 'default_policy');
  return st.defaults;
}

/**
 * currentPolicy is the stored policy. The worker is the only writer of the policy, so it is read from the
 * database once per wake-up. A policy stored before a field existed takes that field's default (the core
 * reads a missing burst field as its default too, but the options page shows every field).
 */
async function currentPolicy(st) {
  st.policy ??= { ...(await defaultPolicy(st)), ...(await st.history.getSetting('policy')) };
  return st.policy;
}

/** storePolicy keeps a validated policy, tells onPolicyChanged, and answers { policy }. */
async function storePolicy(st, policy) {
  await st.history.putSetting('policy', policy);
  st.policy = policy;
  await after('sync policy', () => st.onPolicyChanged(policy));
  return { policy };
}

/** decide asks the engine about one held batch. The answer carries the worker's share of the time (history, decide) for the extension's bench. */
// The answer carries the worker's share of the time (history, decide) for the extension's bench.
// The rows come as lists (shared/rows-wire.js, from the content script: the decision goes back as the
// engine's JSON text, read once in the page) or as recipient objects (the extension's pages, tests).
async function decide(st, p) {
  const t0 = performance.now();
  checkWhere(p);
  const rows = p.rows ? rowsOf(p.rows) : null;
  const recipients = rows ? null : recipientsOf(p.recipients);
  const keys = rows ? rows.keys : recipients.map((r) => r.key);
  const policy = await currentPolicy(st);
  const now = p.now ?? new Date().toISOString();
  const windowDays = Math.max(policy.cooldownDays, policy.reinviteLockDays, policy.targetRepeatDays);
  const t1 = performance.now();
  const hist = await st.history.historyFor(p.network, keys, now, windowDays);
  const t2 = performance.now();
  const where = { network: p.network, surface: p.surface, policy, now };
  if (p.target) where.target = String(p.target);
  if (p.message) where.message = String(p.message);
  // The engine reads the compact form several times faster; the very request it saw is what sync keeps.
  const req = rows ? (compactFromRows(where, rows, hist) ?? v1FromRows(where, rows, hist)) : v1Request(where, recipients, hist);
  const engineReq = req.v === 2 ? req : (compactRequest(req) ?? req);
  const text = await st.engine.call('decide', JSON.stringify(engineReq));
  // The guest writes {"ok":DECISION}: the decision's text is passed on as it is (sync reads it if needed).
  const decisionJSON = text.startsWith('{"ok":') ? text.slice(6, -1) : null;
  const decision = rows && decisionJSON ? null : unwrap(parseEnvelope(text), 'decide');
  st.onDecided(engineReq, decision ?? decisionJSON);
  // decide: everything the worker did but read the history (checks, the request, the engine, its answer).
  const workerMs = performance.now() - t0;
  const timings = { historyMs: t2 - t1, decideMs: workerMs - (t2 - t1), workerMs };
  if (rows) return { decisionJSON: decisionJSON ?? JSON.stringify(decision), engineId: st.engine.engineId, timings };
  return { decision, engineId: st.engine.engineId, timings };
}

/** rowsOf reads the rows as the content script sends them (shared/rows-wire.js). */
function rowsOf(rows) {
  try {
    return unpackRows(rows, MAX_RECIPIENTS);
  } catch (err) {
    throw new HandlerError(/^at most/.test(err.message) ? 'too_large' : 'invalid', err.message);
  }
}

/** v1Request is the decide request of version 1. */
function v1Request(where, recipients, hist) {
  const req = { ...where, recipients };
  if (hist.length) req.history = hist;
  return req;
}

/** v1FromRows is the request of version 1 for rows whose history has no compact form (a time finer than a ms). */
function v1FromRows(where, { keys, bits, names }, hist) {
  const recipients = keys.map((key, i) => {
    const r = { key, selected: !!(bits[i] & ROW.selected) };
    if (names?.[i]) r.name = names[i];
    if (bits[i] & ROW.member) r.member = true;
    if (bits[i] & ROW.notMember) r.member = false;
    if (bits[i] & ROW.inTarget) r.inTarget = true;
    if (bits[i] & ROW.optedOut) r.optedOut = true;
    return r;
  });
  return v1Request(where, recipients, hist);
}

function parseEnvelope(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'engine', message: 'core.wasm answered decide with invalid JSON' } };
  }
}

async function record(st, p) {
  checkWhere(p);
  const recipients = recipientsOf(p.recipients.map((r) => ({ ...r, selected: true })));
  const flags = new Map((p.recipients ?? []).map((r) => [r.key, r.flags ?? []]));
  const { to: state } = unwrap(await st.engine.callJSON('transition', { from: 'held', event: 'release' }), 'transition');
  const batch = await st.history.recordBatch({
    state,
    network: p.network,
    surface: p.surface,
    target: p.target,
    recipients: recipients.map((r) => ({ ...r, flags: flags.get(r.key) ?? [] })),
    decision: p.decision ?? null,
    pageUrl: p.pageUrl,
    engineId: st.engine.engineId,
  });
  await after('sync enqueue failed', () => st.onRecorded(batch.id));
  return { batchId: batch.id, count: batch.count };
}

/** velocityRecent lists the single Connect clicks of the last window, so a reload does not reset the velocity count. */
async function velocityRecent(st, p) {
  checkWhere(p);
  const seconds = Math.max(1, Math.min(86400, Number(p.windowSeconds) || 120));
  const from = new Date(Date.now() - seconds * 1000).toISOString();
  return { times: await st.history.sentSince(p.network, p.surface, from) };
}

/**
 * dispatch runs one message {op, ...payload} through the map and returns the response envelope. Only the
 * ops of the catalogue (shared/catalogue.js) are answered: a handler without a line there is never reached.
 */
export async function dispatch(handlers, msg) {
  const op = msg?.op;
  const h = Object.hasOwn(OPS, op) && Object.hasOwn(handlers, op) ? handlers[op] : null;
  if (!h) return { error: { code: 'unsupported', message: `no handler named "${op}"` } };
  try {
    return { ok: await h(msg) };
  } catch (err) {
    const code = err instanceof HandlerError ? err.code : 'internal';
    return { error: { code, message: String(err?.message ?? err) } };
  }
}
