// Bursts (issue 12): after a scan of the whole Sent list, the core's detect_bursts finds the days with many
// invitations Invite Guard did not send; they are kept (settings "bursts") and offered for review until the
// user reviewed or dismissed them. The review plans the withdrawal of the people the user kept checked (the
// core's plan_withdrawal, selector keys, through jobs.js: the same paced, resumable, exactly-once runner as
// "Undo this batch") and Start records the burst as a batch of source "outside" before the run starts.

import { done, get, getAll, req } from './idb.js';
import { coreInvitation } from './scan.js';
import { HandlerError, unwrap } from './handlers.js';

/** SETTING is where the bursts of the last whole-list scan and the handled ones are kept. */
export const SETTING = 'bursts';
/** OUTSIDE is the source (and surface) of a burst's batch: sent outside Invite Guard. */
export const OUTSIDE = 'outside';

const iso = (t) => new Date(t).toISOString();

/** emptyState is the stored state before the first whole-list scan. */
export function emptyState() {
  return { scanId: null, detectedAt: null, found: [], handled: {} };
}

/**
 * isNew says whether a burst still has something to offer: a pending member the user has not reviewed
 * (handled: { ids } of the review or dismissal, or undefined).
 */
export function isNew(burst, handled, stateOf) {
  const seen = new Set(handled?.ids ?? []);
  return burst.ids.some((id) => !seen.has(id) && stateOf(id) === 'sent');
}

/** offerOf is what the popup and the overlay show of a burst. */
export function offerOf(b) {
  return {
    id: b.id,
    from: b.from,
    to: b.to,
    resolution: b.resolution,
    count: b.count,
    pending: b.pending,
    accepted: b.accepted,
    gone: b.gone,
    usualPerDay: b.usualPerDay,
  };
}

/**
 * reviewRows lists a burst's people for the review, oldest first: only those still sent can be withdrawn
 * (accepted, gone, being withdrawn or withdrawn ones are shown with their state).
 */
export function reviewRows(burst, byId) {
  return burst.ids.map((id, k) => {
    const inv = byId.get(id);
    const state = inv?.state ?? 'unknown';
    return { id, key: inv?.key ?? burst.keys[k], name: inv?.name ?? '', state, withdrawable: state === 'sent' };
  });
}

/**
 * createBursts returns the burst operations. deps: { engine, getDB, history (settings), policy() → the
 * current policy, jobs (jobs.js), now() → Date }.
 */
export function createBursts({ engine, getDB, history, policy, jobs, now = () => new Date() }) {
  const load = async () => ({ ...emptyState(), ...((await history.getSetting(SETTING)) ?? {}) });
  const save = (st) => history.putSetting(SETTING, st);

  async function invitationsOf(network) {
    const all = await getAll(await getDB(), 'invitations');
    return all.filter((inv) => inv.network === network);
  }

  /** detect runs the core's detect_bursts over the history after a scan of the whole list; returns the offers. */
  async function detect(scan) {
    if (!scan?.complete) return [];
    const network = scan.network ?? 'linkedin';
    const invs = await invitationsOf(network);
    const request = { network, invitations: invs.map(coreInvitation), policy: await policy(), now: iso(now()) };
    const res = unwrap(await engine.callJSON('detect_bursts', request), 'detect_bursts', true);
    const st = await load();
    st.found = res.bursts;
    st.scanId = scan.id;
    st.detectedAt = request.now;
    await save(st);
    return offersIn(st, invs);
  }

  function offersIn(st, invs) {
    const stateOf = new Map(invs.map((inv) => [inv.id, inv.state]));
    return st.found.filter((b) => isNew(b, st.handled[b.id], (id) => stateOf.get(id))).map(offerOf);
  }

  /** offers lists the bursts of the last whole-list scan with something not yet reviewed. */
  async function offers() {
    const st = await load();
    if (!st.found.length) return [];
    return offersIn(st, await getAll(await getDB(), 'invitations'));
  }

  async function find(burstId) {
    const st = await load();
    const burst = st.found.find((b) => b.id === burstId);
    if (!burst) throw new HandlerError('not_found', `no burst ${burstId} in the last scan of the whole Sent list`);
    return { st, burst };
  }

  /** review returns a burst with its people (and whether each can be withdrawn). */
  async function review({ burstId }) {
    const { st, burst } = await find(String(burstId ?? ''));
    const db = await getDB();
    const rows = await Promise.all(burst.ids.map((id) => get(db, 'invitations', id)));
    const byId = new Map(rows.filter(Boolean).map((inv) => [inv.id, inv]));
    return { burst: offerOf(burst), people: reviewRows(burst, byId), handled: st.handled[burst.id] ?? null, dailyCap: (await policy()).withdrawDailyCap };
  }

  /** checkedKeys checks the review's choice: profile keys of this burst's members still sent, at least one. */
  async function checkedKeys(burst, keys) {
    if (!Array.isArray(keys) || !keys.length) throw new HandlerError('invalid', 'choose at least one person to withdraw');
    const db = await getDB();
    const rows = await Promise.all(burst.ids.map((id) => get(db, 'invitations', id)));
    const pending = new Set(rows.filter((inv) => inv?.state === 'sent').map((inv) => inv.key));
    const out = [...new Set(keys.map(String))];
    const stray = out.find((k) => !pending.has(k));
    if (stray) throw new HandlerError('invalid', `${stray} is not a pending invitation of this burst`);
    return out;
  }

  /** plan plans the withdrawal of the checked people (a dry run, or the real one) as a planned job. */
  async function plan({ burstId, keys, dryRun = false }) {
    const { burst } = await find(String(burstId ?? ''));
    const chosen = await checkedKeys(burst, keys);
    return jobs.plan({ selector: { kind: 'keys', keys: chosen }, network: burst.network, dryRun: !!dryRun });
  }

  /**
   * recordBatch stores the burst as a batch of source "outside" (once; its id is the burst's) and gives
   * it the members that have no batch yet, in one transaction.
   */
  async function recordBatch(burst) {
    const db = await getDB();
    const tx = db.transaction(['batches', 'invitations'], 'readwrite');
    const batches = tx.objectStore('batches');
    const store = tx.objectStore('invitations');
    const id = `outside-${burst.id.replace(/^burst:/, '')}`;
    const at = iso(now());
    const prior = await req(batches.get(id));
    batches.put({
      ...(prior ?? {}),
      id,
      network: burst.network,
      surface: OUTSIDE,
      target: '',
      createdAt: prior?.createdAt ?? iso(burst.to),
      releasedAt: iso(burst.to),
      state: 'sent',
      count: burst.count,
      engineId: engine.engineId ?? '',
      decision: null,
      pageUrl: '',
      source: OUTSIDE,
      burst: { id: burst.id, from: burst.from, to: burst.to, resolution: burst.resolution, usualPerDay: burst.usualPerDay, threshold: burst.threshold },
      recordedAt: prior?.recordedAt ?? at,
    });
    for (const invId of burst.ids) {
      const inv = await req(store.get(invId));
      if (inv && !inv.batchId) store.put({ ...inv, batchId: id, updatedAt: at });
    }
    await done(tx);
    return id;
  }

  /** start records the burst's batch, starts the planned job and marks the burst reviewed. */
  async function start({ burstId, jobId }) {
    const { st, burst } = await find(String(burstId ?? ''));
    const job = await jobs.get({ jobId: String(jobId ?? ''), items: true });
    if (job.dryRun) return { job: await jobs.start({ jobId: job.id }) };
    const mine = new Set(burst.keys);
    if (!job.items.every((it) => mine.has(it.key))) throw new HandlerError('invalid', `job ${job.id} is not a plan of burst ${burst.id}`);
    const batchId = await recordBatch(burst);
    const started = await jobs.start({ jobId: job.id });
    st.handled[burst.id] = { ids: burst.ids, at: iso(now()), batchId, jobId: job.id, withdraw: job.items.map((it) => it.key) };
    await save(st);
    return { job: started, batchId };
  }

  /** dismiss marks a burst reviewed without withdrawing anything (it is not offered again). */
  async function dismiss({ burstId }) {
    const { st, burst } = await find(String(burstId ?? ''));
    st.handled[burst.id] = { ids: burst.ids, at: iso(now()), dismissed: true };
    await save(st);
    return { dismissed: burst.id };
  }

  return { detect, offers, review, plan, start, dismiss };
}
