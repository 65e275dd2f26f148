// The service worker's named message handlers. Each takes the message's payload and returns a value
// (sent back as {ok: value}) or throws a HandlerError (sent back as {error: {code, message}}).
// The rest of the map (withdrawals, sync, backup, taught buttons) is merged in by background/worker.js.

import { compactRequest } from './compact.js';
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
export function createHandlers({ engine, history, openOptions = () => {}, onDecided = () => {}, onRecorded = async () => {}, onPolicyChanged = async () => {} }) {
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
async function decide(st, p) {
  const t0 = performance.now();
  checkWhere(p);
  const recipients = recipientsOf(p.recipients);
  const policy = await currentPolicy(st);
  const now = p.now ?? new Date().toISOString();
  const windowDays = Math.max(policy.cooldownDays, policy.reinviteLockDays, policy.targetRepeatDays);
  const t1 = performance.now();
  const hist = await st.history.historyFor(p.network, recipients.map((r) => r.key), now, windowDays);
  const t2 = performance.now();
  const req = { network: p.network, surface: p.surface, recipients, policy, now };
  if (p.target) req.target = String(p.target);
  if (p.message) req.message = String(p.message);
  if (hist.length) req.history = hist;
  // The engine reads the compact form several times faster; the exact request (version 1) is what sync keeps.
  const decision = unwrap(await st.engine.callJSON('decide', compactRequest(req) ?? req), 'decide');
  st.onDecided(req, decision);
  // decide: everything the worker did but read the history (checks, the request, the engine, its answer).
  const workerMs = performance.now() - t0;
  return { decision, engineId: st.engine.engineId, timings: { historyMs: t2 - t1, decideMs: workerMs - (t2 - t1), workerMs } };
}

/** record stores a batch released from the undo window (the lifecycle's held → sent) and tells onRecorded. */
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
