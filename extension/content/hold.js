// Holding: every bulk invitation action is caught in the capture phase on window, before the page sees
// it; the site module reads the recipients; the engine decides (message "decide" to the service worker);
// the dialog asks; after the undo window the kept selection is applied and the original action is
// released exactly once; the batch is recorded. If anything fails, the action stays held and the user
// is asked in a plain fallback dialog: nothing ever goes through silently.
// The rows go to the worker once, as lists (shared/rows-wire.js), and the decision comes back as the
// engine's JSON text: a message of 5,000 recipient objects cost more than reading them.

import { openDialog } from './dialog.js';
import { openPending } from './pending.js';
import { sizeFriction } from './size-friction.js';
import { showCountdown, showNotice } from './toast.js';
import { send } from '../shared/messaging.js';
import { packRows } from '../shared/rows-wire.js';
import { isShown } from '../sites/common/dom.js';
import { eventInOurs } from '../sites/common/ours.js';

const DEFAULT_POLICY = { rapidConnectCount: 10, rapidConnectWindowSeconds: 120, undoSeconds: 10 };
// How long a single click let through waits for the page to open a next step (LinkedIn's note modal)
// before it is recorded as sent.
const STEP_WAIT_MS = 2000;
const NATIVE_ACTIVATION = 'button, input[type="button"], input[type="submit"], input[type="image"], a[href], summary';
const TYPES = ['click', 'keydown', 'submit'];
const PRESSES = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];

// Our own UI is known by identity (the hosts we created), never by an attribute the page can set.
function isOurs(e) {
  if (e.inviteGuardRunner === true) return true; // the withdrawal runner's own press (content/press.js), on the user's "Undo"
  return eventInOurs(e);
}

function oneRecipient(read) {
  if (read && Array.isArray(read.recipients)) return read.recipients[0];
  return read && read.key ? read : null;
}

function sameKeys(a, b) {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

function stop(e) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** targetOf is the element an event is about (a text node's parent; a submit's submitter). */
function targetOf(e) {
  let target = e.type === 'submit' ? (e.submitter ?? e.target) : e.composedPath()[0];
  if (target && !(target instanceof Element)) target = target.parentElement;
  return target ?? null;
}

/**
 * installHold attaches the capture listeners. deps: { registry, i18n, send, win, doc, clock }.
 * Returns { forget, timings, uninstall }.
 */
export function installHold({ registry, i18n, send: ask = send, win = window, doc = document, clock = () => Date.now() }) {
  const h = {
    registry,
    i18n,
    ask,
    win,
    doc,
    clock,
    releasing: false,
    busy: false,
    policy: { ...DEFAULT_POLICY },
    clicks: new Map(), // velocity module id → timestamps of clicks let through
    steps: new Map(), // velocity module id → { step, recipient, confirmed } of a click that opened a next step
    waiting: new Set(), // records waiting to see whether their click opened a next step
    lastDetect: null, // the detector's answer for the element of the press-and-click under way
    last: null, // where the time of the last dialog went (measured)
  };
  seedVelocity(h);
  const onEvent = (e) => holdEvent(h, e);
  const onPress = (e) => keepPress(h, e);
  const flushWaiting = () => {
    for (const entry of [...h.waiting]) entry.flush?.();
  };
  win.addEventListener('pagehide', flushWaiting);
  for (const t of TYPES) win.addEventListener(t, onEvent, true);
  for (const t of PRESSES) win.addEventListener(t, onPress, { capture: true, passive: true });
  return {
    /** forget drops the kept detector answer (the taught buttons changed: the next click is asked afresh). */
    forget() {
      h.lastDetect = null;
    },
    /** timings tells where the time of the last held click went, up to its dialog's first frame (the bench reads it). */
    timings: () => h.last,
    uninstall() {
      for (const t of TYPES) win.removeEventListener(t, onEvent, true);
      for (const t of PRESSES) win.removeEventListener(t, onPress, { capture: true });
      win.removeEventListener('pagehide', flushWaiting);
    },
  };
}

/**
 * seedVelocity seeds the velocity counts with the clicks recorded before this page loaded (a reload or the
 * next page of search results must not start the count afresh).
 */
function seedVelocity(h) {
  const refreshPolicy = () =>
    h.ask('policy.get', {}).then((res) => {
      if (res.ok?.policy) h.policy = res.ok.policy;
    });
  return refreshPolicy().then(() =>
    Promise.all(
      h.registry
        .forHost(h.win.location.hostname)
        .filter((m) => m.kind === 'velocity')
        .map(async (m) => {
          const res = await h.ask('velocity.recent', { network: m.network, surface: m.surface, windowSeconds: h.policy.rapidConnectWindowSeconds });
          if (res.ok?.times?.length)
            h.clicks.set(
              m.id,
              [...res.ok.times, ...(h.clicks.get(m.id) ?? [])].sort((a, b) => a - b),
            );
        }),
    ),
  );
}

/**
 * detect asks the registry about target. One press-and-click asks up to five times (pointer, mouse, click)
 * on the same element: the answer is kept for that element for a moment.
 */
function detect(h, target) {
  const now = performance.now();
  const last = h.lastDetect;
  if (last && last.target === target && now - last.at < 1000) return last.found;
  const found = h.registry.detect(target, h.doc, h.win.location.hostname);
  h.lastDetect = { target, at: now, found };
  return found;
}

/** holdEvent is the capture listener of clicks, keys and submits: a bulk action (or one Connect too many) is held. */
function holdEvent(h, e) {
  if (h.releasing || isOurs(e)) return;
  if (e.type === 'keydown' && !(e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar')) return;
  if (e.type === 'keydown' && e.isComposing) return;
  const target = targetOf(e);
  if (!target) return;
  let found = detect(h, target);
  if (!found) return;
  if (h.busy) {
    stop(e); // one batch at a time: the open dialog or undo window answers first
    return;
  }
  const original = {
    type: e.type,
    target,
    key: e.key,
    code: e.code,
    form: e.type === 'submit' ? e.target : null,
    submitter: e.submitter ?? null,
    action: found.hit.action,
    scope: found.hit.scope ?? found.hit.action,
  };
  if (found.module.kind === 'velocity') {
    found = withOpener(h, found);
    if (!velocityHolds(h, found)) return;
  }
  stop(e);
  h.lastDetect = null;
  h.busy = true;
  original.at = performance.now();
  original.stamp = e.timeStamp; // when the browser took the click (or key) in: the start of the user's wait
  run(h, found, original)
    .catch((err) => console.error('Invite Guard: hold failed', err))
    .finally(() => {
      h.busy = false;
    });
}

/**
 * withOpener links an action inside a step a counted click opened (the send of LinkedIn's note modal)
 * to that click: the module reads the opener's recipient from hit.opener. A step no longer shown is
 * forgotten (its Cancel sent nothing).
 */
function withOpener(h, found) {
  const open = h.steps.get(found.module.id);
  if (!open) return found;
  if (!isShown(open.step)) {
    h.steps.delete(found.module.id);
    return found;
  }
  if (!open.step.contains(found.hit.action)) return found;
  return { module: found.module, hit: { ...found.hit, opener: open.recipient }, open };
}

/** velocityHolds counts a single Connect click; true when it is one too many for the window. */
function velocityHolds(h, { module, hit, open }) {
  const t = h.clock();
  const windowMs = h.policy.rapidConnectWindowSeconds * 1000;
  const list = (h.clicks.get(module.id) ?? []).filter((x) => t - x < windowMs);
  h.clicks.set(module.id, list);
  if (open?.confirmed) {
    // The user already confirmed this invitation in the dialog held at its Connect click.
    h.steps.delete(module.id);
    settle(h, { module, hit }, t, open.confirmed);
    return false;
  }
  if (list.length < h.policy.rapidConnectCount) {
    let rec = null;
    try {
      rec = oneRecipient(module.read(hit.action, h.doc, hit));
    } catch {
      /* a single click the module cannot read is still a single click */
    }
    const payload = rec && {
      network: module.network,
      surface: hit.surface ?? module.surface,
      recipients: [rec],
      decision: { verdict: 'allow', friction: 'none', count: 1 },
      pageUrl: h.win.location.href,
    };
    settle(h, { module, hit }, t, payload);
    return false;
  }
  return true;
}

/**
 * settle counts a click let through at time t at once and records it once the page has shown what the
 * click did: when it opened a next step (module.nextStep: LinkedIn's note modal), the click is
 * uncounted and unrecorded — the step's own send is the invitation — and its recipient (and, for a
 * confirmed click, the record) waits for that send. A page leaving meanwhile records at once.
 * confirmed: the click was held and confirmed in the dialog, so the step's send is not asked again.
 */
function settle(h, { module, hit }, t, payload, confirmed = false) {
  const list = h.clicks.get(module.id) ?? [];
  list.push(t);
  h.clicks.set(module.id, list);
  const entry = { payload, done: false };
  const record = () => {
    if (entry.done) return;
    entry.done = true;
    h.waiting.delete(entry);
    if (payload) h.ask('record', payload);
  };
  // A step's own send (hit.step) opens nothing further: recorded at once.
  if (typeof module.nextStep !== 'function' || hit.step) return record();
  h.waiting.add(entry);
  waitForStep(h, module, hit).then((step) => {
    if (entry.done) return;
    if (!step) return record();
    entry.done = true;
    h.waiting.delete(entry);
    const i = (h.clicks.get(module.id) ?? []).indexOf(t);
    if (i >= 0) h.clicks.get(module.id).splice(i, 1);
    const recipient = payload?.recipients?.[0] ?? null;
    h.steps.set(module.id, { step, recipient, confirmed: confirmed && payload ? payload : null });
  });
  entry.flush = record;
}

/** waitForStep resolves with the next step the click opened, or null when none shows within STEP_WAIT_MS. */
function waitForStep(h, module, hit) {
  const look = () => {
    try {
      return module.nextStep(hit, h.doc) || null;
    } catch (err) {
      console.error(`Invite Guard: ${module.id}.nextStep failed`, err);
      return null;
    }
  };
  return new Promise((resolve) => {
    let timer = null;
    let obs = null;
    const finish = (v) => {
      clearTimeout(timer);
      obs?.disconnect();
      resolve(v);
    };
    setTimeout(() => {
      const now = look();
      if (now) return finish(now);
      obs = new MutationObserver(() => {
        const s = look();
        if (s) finish(s);
      });
      obs.observe(h.doc.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['open', 'hidden', 'style', 'class', 'aria-hidden'],
      });
      timer = setTimeout(() => finish(null), STEP_WAIT_MS);
    }, 0);
  });
}

/** run takes one held action through read, decision, dialog, undo window, apply, release and record. */
async function run(h, { module, hit }, original) {
  const held = {
    module,
    hit,
    original,
    velocity: module.kind === 'velocity',
    surface: hit.surface ?? module.surface,
    avoidRect: original.action.getBoundingClientRect(),
  };
  held.pending = await openEarly(h, held);
  if (held.pending?.cancelled()) return;
  const t0 = performance.now();
  const { read, error } = readHeld(h, held);
  if (error) {
    // The action is understood but its rows are not: keep it held and say so.
    const d = openDialog({
      i18n: h.i18n,
      network: module.network,
      surface: held.surface,
      recipients: [],
      decision: null,
      error: { code: 'read', message: `${h.i18n.t('read_failed')} ${error.message}` },
      avoidRect: held.avoidRect,
      into: held.pending,
    });
    await d.result;
    return;
  }
  held.read = read;
  const t1 = performance.now();
  const answer = await decideHeld(h, held);
  if (held.pending?.cancelled()) return; // the user cancelled while the engine answered: nothing is sent
  const t2 = performance.now();
  const confirmed = await confirmHeld(h, held, answer, () =>
    measured(h, original, { rows: read.recipients.length, t0, t1, t2, worker: answer.ok?.timings, first: held.pending?.paintedAt }),
  );
  if (!confirmed) return;
  if (!(await undoWindow(h, confirmed))) return;
  if (!(await applyKept(h, held, confirmed))) return;
  release(h, original);
  if (confirmed.keep.length > 0) await recordReleased(h, held, confirmed, answer);
}

/**
 * openEarly shows the dialog's first frame (content/pending.js) when the page's selection, as the detector
 * counted it, already asks for a confirmation by its number alone (the core's rule: content/size-friction.js),
 * and resolves once that frame is painted, so that reading thousands of rows and asking the engine happen
 * with the dialog on screen. Null for a single click, a taught button, or a selection that may pass quietly.
 */
async function openEarly(h, { module, hit, velocity, surface }) {
  if (velocity || hit.fallback || !Number.isInteger(hit.selected)) return null;
  const f = sizeFriction(hit.selected, h.policy);
  if (!f || f === 'none') return null;
  const pending = openPending({ i18n: h.i18n, network: module.network, surface, count: hit.selected });
  pending.paintedAt = await afterPaint(h.win);
  await nextTask(); // the page's own tasks queued by that frame run before the rows are read
  return pending;
}

/**
 * afterPaint resolves with the time right after the next frame is painted (a task queued from the frame's
 * animation callback), or after 100 ms where no frame comes (a hidden tab draws none).
 */
function afterPaint(win) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(performance.now()), 100);
    win.requestAnimationFrame(() =>
      nextTask().then(() => {
        clearTimeout(timer);
        resolve(performance.now());
      }),
    );
  });
}

/** nextTask resolves in a task of its own, after the tasks already queued. */
function nextTask() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/** readHeld asks the site module for the rows: { read } or { error } (none read, or the module failed). */
function readHeld(h, { module, hit, original, velocity }) {
  try {
    let read;
    if (velocity) {
      const r = oneRecipient(module.read(original.action, h.doc, hit));
      read = { recipients: r ? [{ ...r, selected: true }] : [] };
    } else read = module.read(original.scope, h.doc, hit);
    if (!read || !Array.isArray(read.recipients) || read.recipients.length === 0) throw new Error('no recipients found on the page');
    return { read };
  } catch (error) {
    return { error };
  }
}

/**
 * decideHeld asks the engine about the read rows (one message; the decision comes back as JSON text). No
 * engine decision on a partial list (the plain dialog asks for the number to be typed, and the kept rows
 * are still applied and read back before release), nor for a button the user taught (the plain dialog
 * says why).
 */
async function decideHeld(h, { module, hit, surface, read }) {
  if (hit.fallback) return { error: { code: 'read', message: hit.fallback } };
  if (read.unreadable) return { error: { code: 'read', message: h.i18n.t('read_partial') } };
  return askDecide(h, { network: module.network, surface, target: read.target, message: read.message }, read.recipients);
}

/** askDecide sends the rows as lists and reads the decision's text: { ok: { decision, timings } } or { error }. */
async function askDecide(h, where, recipients) {
  const res = await h.ask('decide', { ...where, rows: packRows(recipients, !!where.message) });
  if (!res.ok) return res;
  try {
    return { ok: { decision: JSON.parse(res.ok.decisionJSON), timings: res.ok.timings } };
  } catch {
    return { error: { code: 'engine', message: 'the worker answered decide without a decision' } };
  }
}

/**
 * confirmHeld answers { keep, shown, minFriction } once the user confirmed in the dialog, or at once when the
 * core asks nothing and suggests the page's own selection; null when cancelled. onShown runs once the
 * dialog is open.
 */
async function confirmHeld(h, held, answer, onShown) {
  const { module, hit, surface, velocity, read } = held;
  const { recipients } = read;
  const decision = answer.ok?.decision ?? null;
  // A dialog already on screen (the first frame) asks at least a click: it never vanishes by itself.
  const minFriction = read.unreadable ? 'type' : velocity || hit.fallback || held.pending ? 'click' : undefined;
  const selectedIdx = recipients.flatMap((r, i) => (r.selected ? [i] : []));
  const quiet = decision && decision.friction === 'none' && !minFriction && sameKeys(new Set(decision.suggested), new Set(selectedIdx));
  if (quiet) return { keep: selectedIdx, shown: decision, minFriction };
  const where = { network: module.network, surface, target: read.target, message: read.message };
  const dialog = openDialog({
    i18n: h.i18n,
    network: module.network,
    surface,
    target: read.target,
    recipients,
    decision,
    error: answer.error,
    extraReasons: velocity
      ? [{ code: 'rapid_connect', params: { count: (h.clicks.get(module.id)?.length ?? 0) + 1, seconds: h.policy.rapidConnectWindowSeconds } }]
      : [],
    minFriction,
    avoidRect: held.avoidRect,
    into: held.pending,
    openOptions: () => h.ask('options.open'),
    reask: async (idx) => {
      const on = new Set(idx);
      const res = await askDecide(
        h,
        where,
        recipients.map((r, i) => ({ ...r, selected: on.has(i) })),
      );
      return res.ok ? { decision: res.ok.decision } : { error: res.error };
    },
  });
  onShown();
  const res = await dialog.result;
  if (!res.confirmed) return null;
  return { keep: res.keep, shown: res.decision ?? decision, minFriction };
}

/**
 * undoWindow runs the countdown; true when it elapsed. Nothing selected: nothing to undo, but the page's
 * selection is still set (to none) and read back before its click is given back, so a misread selection
 * cannot slip through.
 */
async function undoWindow(h, { keep, shown }) {
  const count = keep.length;
  const undoSeconds = shown?.undoSeconds ?? h.policy.undoSeconds ?? DEFAULT_POLICY.undoSeconds;
  if (count === 0 || undoSeconds <= 0) return true;
  const how = await showCountdown({ i18n: h.i18n, count, seconds: undoSeconds }).done;
  if (how === 'elapsed') return true;
  // 'hidden': the page removed, hid or covered the undo window; a window unseen counts as Undo.
  showNotice(h.i18n.t(how === 'hidden' ? 'undo_hidden' : 'undo_cancelled'), how === 'hidden' ? 8000 : 4000);
  return false;
}

/** applyKept makes the page's selection the kept rows and reads it back; false (and says so) when it cannot. */
async function applyKept(h, { module, original, velocity, read }, { keep }) {
  if (!original.action.isConnected) {
    showNotice(h.i18n.t('page_changed'), 6000);
    return false;
  }
  if (velocity) return true;
  const keepKeys = new Set(keep.map((i) => read.recipients[i].key));
  try {
    await module.apply(original.scope, keepKeys);
    const after = module.read(original.scope, h.doc);
    const selected = new Set(after.recipients.filter((r) => r.selected).map((r) => r.key));
    if (!sameKeys(selected, keepKeys)) throw new Error(`the page has ${selected.size} selected, expected ${keepKeys.size}`);
    return true;
  } catch (err) {
    console.error('Invite Guard: apply failed', err);
    showNotice(h.i18n.t('apply_failed'), 8000);
    return false;
  }
}

/** recordReleased records the released batch (a single click: once its next step sends) and says so. */
async function recordReleased(h, { module, hit, surface, velocity, read }, { keep, shown, minFriction }, answer) {
  const { recipients } = read;
  const count = keep.length;
  const flagged = new Map((shown?.flagged ?? []).map((f) => [f.index, f.flags]));
  const payload = {
    network: module.network,
    surface,
    target: read.target,
    recipients: keep.map((i) => ({ key: recipients[i].key, name: recipients[i].name, member: recipients[i].member, flags: flagged.get(i) ?? [] })),
    decision: shown
      ? { verdict: shown.verdict, friction: shown.friction, count, reasons: shown.reasons }
      : { verdict: 'fallback', friction: minFriction ?? 'click', count, error: answer.error },
    pageUrl: h.win.location.href,
  };
  // A single click may only have opened a next step (the note modal): settle records it once it sends.
  if (velocity) settle(h, { module, hit }, h.clock(), payload, true);
  else if (!hit.fallback) await h.ask('record', payload); // what a taught button sent is not known
  showNotice(h.i18n.plural('released', count, { network: h.i18n.t(`network_${module.network}`) }));
}

/**
 * measured keeps, for the extension's bench, where the time between the held click and the decision's
 * first painted frame went: first (the first frame, when it was shown early), read (the site module),
 * message (there and back, the worker's share left out), history and decide (the worker's), render (the
 * decision up to its first painted frame). The absolute times (performance.now() of this document) let
 * the bench measure from the browser's own time of the click: clickAt (the event's timeStamp), heldAt
 * (our listener ran), firstAt (the first frame painted, 0 when none was shown early), dialogAt.
 */
function measured(h, original, { rows, t0, t1, t2, worker, first }) {
  afterPaint(h.win).then((t3) => {
    h.last = {
      rows,
      holdMs: t0 - (first ?? original.at),
      firstMs: first ? first - original.at : 0,
      readMs: t1 - t0,
      messageMs: t2 - t1 - (worker?.workerMs ?? 0),
      historyMs: worker?.historyMs ?? 0,
      decideMs: worker?.decideMs ?? 0,
      renderMs: t3 - t2,
      totalMs: t3 - original.at,
      clickAt: original.stamp,
      heldAt: original.at,
      firstAt: first ?? 0,
      dialogAt: t3,
    };
  });
}

/** release replays the original action once; our own listeners let it pass while `releasing` is set. */
function release(h, o) {
  h.releasing = true;
  try {
    if (o.type === 'submit') {
      try {
        o.form.requestSubmit(o.submitter?.isConnected ? o.submitter : undefined);
      } catch {
        o.form.requestSubmit();
      }
    } else if (o.type === 'keydown' && !o.action.matches(NATIVE_ACTIVATION)) {
      for (const type of ['keydown', 'keyup'])
        o.target.dispatchEvent(new KeyboardEvent(type, { key: o.key, code: o.code, bubbles: true, cancelable: true, composed: true }));
    } else replayClick(o.action);
  } finally {
    h.releasing = false;
  }
}

/** replayClick gives the page the presses it did not see, then the click: its own handlers run as for a real click. */
function replayClick(action) {
  const r = action.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
  action.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1, pointerType: 'mouse', isPrimary: true }));
  action.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
  action.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
  action.dispatchEvent(new MouseEvent('mouseup', at));
  action.click();
}

/**
 * keepPress keeps the presses that come before a click (pointer, mouse, touch) on a bulk action away from
 * the page, in case its handler acts on them rather than on the click. Nothing is cancelled, so the
 * click still follows and is held by holdEvent.
 */
function keepPress(h, e) {
  if (h.releasing || isOurs(e)) return;
  let target = e.composedPath()[0];
  if (target && !(target instanceof Element)) target = target.parentElement;
  if (!target) return;
  const found = detect(h, target);
  if (found && (h.busy || found.module.kind === 'bulk')) e.stopImmediatePropagation();
}
