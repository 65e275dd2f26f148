// Holding: every bulk invitation action is caught in the capture phase on window, before the page sees
// it; the site module reads the recipients; the engine decides (message "decide" to the service worker);
// the dialog asks; after the undo window the kept selection is applied and the original action is
// released exactly once; the batch is recorded. If anything fails, the action stays held and the user
// is asked in a plain fallback dialog: nothing ever goes through silently.

import { openDialog } from './dialog.js';
import { showCountdown, showNotice } from './toast.js';
import { send } from '../shared/messaging.js';
import { isShown } from '../sites/common/dom.js';
import { eventInOurs } from '../sites/common/ours.js';

const DEFAULT_POLICY = { rapidConnectCount: 10, rapidConnectWindowSeconds: 120, undoSeconds: 10 };
// How long a single click let through waits for the page to open a next step (LinkedIn's note modal)
// before it is recorded as sent.
const STEP_WAIT_MS = 2000;
const NATIVE_ACTIVATION = 'button, input[type="button"], input[type="submit"], input[type="image"], a[href], summary';

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

/**
 * installHold attaches the capture listeners. deps: { registry, i18n, send, win, doc, clock }.
 * Returns { uninstall }.
 */
export function installHold({ registry, i18n, send: ask = send, win = window, doc = document, clock = () => Date.now() }) {
  let releasing = false;
  let busy = false;
  let policy = { ...DEFAULT_POLICY };
  const clicks = new Map(); // velocity module id → timestamps of clicks let through
  const steps = new Map(); // velocity module id → { step, recipient, confirmed } of a click that opened a next step
  const waiting = new Set(); // records waiting to see whether their click opened a next step

  const refreshPolicy = () =>
    ask('policy.get', {}).then((res) => {
      if (res.ok?.policy) policy = res.ok.policy;
    });
  // Seed the velocity counts with the clicks recorded before this page loaded (a reload or the next
  // page of search results must not start the count afresh).
  refreshPolicy().then(() =>
    Promise.all(
      registry
        .forHost(win.location.hostname)
        .filter((m) => m.kind === 'velocity')
        .map(async (m) => {
          const res = await ask('velocity.recent', { network: m.network, surface: m.surface, windowSeconds: policy.rapidConnectWindowSeconds });
          if (res.ok?.times?.length) clicks.set(m.id, [...res.ok.times, ...(clicks.get(m.id) ?? [])].sort((a, b) => a - b));
        }),
    ),
  );

  // One press-and-click asks the detectors up to five times (pointer, mouse, click) on the same element:
  // the answer is kept for that element for a moment.
  let lastDetect = null;
  let last = null; // where the time of the last dialog went (measured)
  function detect(target) {
    const now = performance.now();
    if (lastDetect && lastDetect.target === target && now - lastDetect.at < 1000) return lastDetect.found;
    const found = registry.detect(target, doc, win.location.hostname);
    lastDetect = { target, at: now, found };
    return found;
  }

  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  function onEvent(e) {
    if (releasing || isOurs(e)) return;
    if (e.type === 'keydown' && !(e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar')) return;
    if (e.type === 'keydown' && e.isComposing) return;
    let target = e.type === 'submit' ? e.submitter ?? e.target : e.composedPath()[0];
    if (target && !(target instanceof Element)) target = target.parentElement;
    if (!target) return;
    let found = detect(target);
    if (!found) return;
    if (busy) {
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
      found = withOpener(found);
      if (!velocityHolds(found)) return;
    }
    stop(e);
    lastDetect = null;
    busy = true;
    original.at = performance.now();
    run(found, original)
      .catch((err) => console.error('Invite Guard: hold failed', err))
      .finally(() => {
        busy = false;
      });
  }

  /**
   * withOpener links an action inside a step a counted click opened (the send of LinkedIn's note modal)
   * to that click: the module reads the opener's recipient from hit.opener. A step no longer shown is
   * forgotten (its Cancel sent nothing).
   */
  function withOpener(found) {
    const open = steps.get(found.module.id);
    if (!open) return found;
    if (!isShown(open.step)) {
      steps.delete(found.module.id);
      return found;
    }
    if (!open.step.contains(found.hit.action)) return found;
    return { module: found.module, hit: { ...found.hit, opener: open.recipient }, open };
  }

  /** velocityHolds counts a single Connect click; true when it is one too many for the window. */
  function velocityHolds({ module, hit, open }) {
    const t = clock();
    const windowMs = policy.rapidConnectWindowSeconds * 1000;
    const list = (clicks.get(module.id) ?? []).filter((x) => t - x < windowMs);
    clicks.set(module.id, list);
    if (open?.confirmed) {
      // The user already confirmed this invitation in the dialog held at its Connect click.
      steps.delete(module.id);
      settle({ module, hit }, t, open.confirmed);
      return false;
    }
    if (list.length < policy.rapidConnectCount) {
      let rec = null;
      try {
        rec = oneRecipient(module.read(hit.action, doc, hit));
      } catch {
        /* a single click the module cannot read is still a single click */
      }
      const payload = rec && { network: module.network, surface: hit.surface ?? module.surface, recipients: [rec], decision: { verdict: 'allow', friction: 'none', count: 1 }, pageUrl: win.location.href };
      settle({ module, hit }, t, payload);
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
  function settle({ module, hit }, t, payload, confirmed = false) {
    const list = clicks.get(module.id) ?? [];
    list.push(t);
    clicks.set(module.id, list);
    const entry = { payload, done: false };
    const record = () => {
      if (entry.done) return;
      entry.done = true;
      waiting.delete(entry);
      if (payload) ask('record', payload);
    };
    // A step's own send (hit.step) opens nothing further: recorded at once.
    if (typeof module.nextStep !== 'function' || hit.step) return record();
    waiting.add(entry);
    waitForStep(module, hit).then((step) => {
      if (entry.done) return;
      if (!step) return record();
      entry.done = true;
      waiting.delete(entry);
      const i = (clicks.get(module.id) ?? []).indexOf(t);
      if (i >= 0) clicks.get(module.id).splice(i, 1);
      const recipient = payload?.recipients?.[0] ?? null;
      steps.set(module.id, { step, recipient, confirmed: confirmed && payload ? payload : null });
    });
    entry.flush = record;
  }

  /** waitForStep resolves with the next step the click opened, or null when none shows within STEP_WAIT_MS. */
  function waitForStep(module, hit) {
    const look = () => {
      try {
        return module.nextStep(hit, doc) || null;
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
        obs.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'hidden', 'style', 'class', 'aria-hidden'] });
        timer = setTimeout(() => finish(null), STEP_WAIT_MS);
      }, 0);
    });
  }

  const flushWaiting = () => {
    for (const e of [...waiting]) e.flush?.();
  };
  win.addEventListener('pagehide', flushWaiting);

  async function run({ module, hit }, original) {
    const velocity = module.kind === 'velocity';
    const surface = hit.surface ?? module.surface;
    const avoidRect = original.action.getBoundingClientRect();
    const t0 = performance.now();
    let read = null;
    let readError = null;
    try {
      if (velocity) {
        const r = oneRecipient(module.read(original.action, doc, hit));
        read = { recipients: r ? [{ ...r, selected: true }] : [] };
      } else read = module.read(original.scope, doc, hit);
      if (!read || !Array.isArray(read.recipients) || read.recipients.length === 0) throw new Error('no recipients found on the page');
    } catch (err) {
      readError = err;
    }
    if (readError) {
      // The action is understood but its rows are not: keep it held and say so.
      const d = openDialog({ i18n, network: module.network, surface, recipients: [], decision: null, error: { code: 'read', message: `${i18n.t('read_failed')} ${readError.message}` }, avoidRect });
      await d.result;
      return;
    }
    const { recipients } = read;
    const t1 = performance.now();
    const request = { network: module.network, surface, target: read.target, message: read.message, recipients };
    // Rows the module could only partly read: no engine decision on a partial list; the plain dialog
    // asks for the number to be typed, and the kept rows are still applied and read back before release.
    const partial = !!read.unreadable;
    // hit.fallback (a button the user taught, content/taught.js): no engine decision; the plain dialog says why.
    const answer = hit.fallback ? { error: { code: 'read', message: hit.fallback } } : partial ? { error: { code: 'read', message: i18n.t('read_partial') } } : await ask('decide', request);
    const t2 = performance.now();
    const decision = answer.ok?.decision ?? null;
    const extraReasons = velocity ? [{ code: 'rapid_connect', params: { count: (clicks.get(module.id)?.length ?? 0) + 1, seconds: policy.rapidConnectWindowSeconds } }] : [];
    const minFriction = partial ? 'type' : velocity || hit.fallback ? 'click' : undefined;

    let keep;
    let shown = decision;
    const selectedIdx = recipients.flatMap((r, i) => (r.selected ? [i] : []));
    const quiet = decision && decision.friction === 'none' && !minFriction && sameKeys(new Set(decision.suggested), new Set(selectedIdx));
    if (quiet) keep = selectedIdx;
    else {
      const dialog = openDialog({
        i18n,
        network: module.network,
        surface,
        target: read.target,
        recipients,
        decision,
        error: answer.error,
        extraReasons,
        minFriction,
        avoidRect,
        openOptions: () => ask('options.open'),
        reask: async (idx) => {
          const on = new Set(idx);
          const res = await ask('decide', { ...request, recipients: recipients.map((r, i) => ({ ...r, selected: on.has(i) })) });
          return res.ok ? { decision: res.ok.decision } : { error: res.error };
        },
      });
      measured(original, { rows: recipients.length, t0, t1, t2, worker: answer.ok?.timings });
      const res = await dialog.result;
      if (!res.confirmed) return;
      keep = res.keep;
      shown = res.decision ?? decision;
    }

    const count = keep.length;
    const undoSeconds = shown?.undoSeconds ?? policy.undoSeconds ?? DEFAULT_POLICY.undoSeconds;
    // Nothing selected: nothing to undo or record, but the page's selection is still set (to none) and
    // read back before its click is given back, so a misread selection cannot slip through.
    if (count > 0 && undoSeconds > 0) {
      const how = await showCountdown({ i18n, count, seconds: undoSeconds }).done;
      if (how !== 'elapsed') {
        // 'hidden': the page removed, hid or covered the undo window; a window unseen counts as Undo.
        showNotice(i18n.t(how === 'hidden' ? 'undo_hidden' : 'undo_cancelled'), how === 'hidden' ? 8000 : 4000);
        return;
      }
    }
    if (!original.action.isConnected) {
      showNotice(i18n.t('page_changed'), 6000);
      return;
    }
    const keepKeys = new Set(keep.map((i) => recipients[i].key));
    if (!velocity) {
      try {
        await module.apply(original.scope, keepKeys);
        const after = module.read(original.scope, doc);
        const selected = new Set(after.recipients.filter((r) => r.selected).map((r) => r.key));
        if (!sameKeys(selected, keepKeys)) throw new Error(`the page has ${selected.size} selected, expected ${keepKeys.size}`);
      } catch (err) {
        console.error('Invite Guard: apply failed', err);
        showNotice(i18n.t('apply_failed'), 8000);
        return;
      }
    }
    release(original);
    if (count === 0) return;
    const flagged = new Map((shown?.flagged ?? []).map((f) => [f.index, f.flags]));
    const payload = {
      network: module.network,
      surface,
      target: read.target,
      recipients: keep.map((i) => ({ key: recipients[i].key, name: recipients[i].name, member: recipients[i].member, flags: flagged.get(i) ?? [] })),
      decision: shown ? { verdict: shown.verdict, friction: shown.friction, count, reasons: shown.reasons } : { verdict: 'fallback', friction: minFriction ?? 'click', count, error: answer.error },
      pageUrl: win.location.href,
    };
    // A single click may only have opened a next step (the note modal): settle records it once it sends.
    if (velocity) settle({ module, hit }, clock(), payload, true);
    else if (!hit.fallback) await ask('record', payload); // what a taught button sent is not known
    showNotice(i18n.plural('released', count, { network: i18n.t(`network_${module.network}`) }));
  }

  /**
   * measured keeps, for the extension's bench, where the time between the held click and the dialog's
   * first frame went: read (the site module), message (there and back, the worker's share left out),
   * history and decide (the worker's), render (the dialog up to its first painted frame).
   */
  function measured(original, { rows, t0, t1, t2, worker }) {
    requestAnimationFrame(() => {
      const ch = new MessageChannel(); // runs right after the frame is painted
      ch.port1.onmessage = () => {
        const t3 = performance.now();
        last = { rows, holdMs: t0 - original.at, readMs: t1 - t0, messageMs: t2 - t1 - (worker?.workerMs ?? 0), historyMs: worker?.historyMs ?? 0, decideMs: worker?.decideMs ?? 0, renderMs: t3 - t2, totalMs: t3 - original.at };
      };
      ch.port2.postMessage(0);
    });
  }

  /** release replays the original action once; our own listeners let it pass while `releasing` is set. */
  function release(o) {
    releasing = true;
    try {
      if (o.type === 'submit') {
        try {
          o.form.requestSubmit(o.submitter?.isConnected ? o.submitter : undefined);
        } catch {
          o.form.requestSubmit();
        }
      } else if (o.type === 'keydown' && !o.action.matches(NATIVE_ACTIVATION)) {
        for (const type of ['keydown', 'keyup']) o.target.dispatchEvent(new KeyboardEvent(type, { key: o.key, code: o.code, bubbles: true, cancelable: true, composed: true }));
      } else {
        // The presses the page did not see, then the click: its own handlers run as for a real click.
        const r = o.action.getBoundingClientRect();
        const at = { bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
        o.action.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1, pointerType: 'mouse', isPrimary: true }));
        o.action.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
        o.action.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
        o.action.dispatchEvent(new MouseEvent('mouseup', at));
        o.action.click();
      }
    } finally {
      releasing = false;
    }
  }

  /**
   * onPress keeps the presses that come before a click (pointer, mouse, touch) on a bulk action away from
   * the page, in case its handler acts on them rather than on the click. Nothing is cancelled, so the
   * click still follows and is held by onEvent.
   */
  function onPress(e) {
    if (releasing || isOurs(e)) return;
    let target = e.composedPath()[0];
    if (target && !(target instanceof Element)) target = target.parentElement;
    if (!target) return;
    const found = detect(target);
    if (found && (busy || found.module.kind === 'bulk')) e.stopImmediatePropagation();
  }

  const types = ['click', 'keydown', 'submit'];
  const presses = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];
  for (const t of types) win.addEventListener(t, onEvent, true);
  for (const t of presses) win.addEventListener(t, onPress, { capture: true, passive: true });
  return {
    /** forget drops the kept detector answer (the taught buttons changed: the next click is asked afresh). */
    forget() {
      lastDetect = null;
    },
    /** timings tells where the time of the last held click went, up to its dialog's first frame (the bench reads it). */
    timings: () => last,
    uninstall() {
      for (const t of types) win.removeEventListener(t, onEvent, true);
      for (const t of presses) win.removeEventListener(t, onPress, { capture: true });
      win.removeEventListener('pagehide', flushWaiting);
    },
  };
}
