// The acting half of the Sent list (issue 5, issue 9): the scan (read every card, loading the whole list
// by "Load more" or by scrolling its container, at a human pace) and the withdrawal runner (find the card —
// never a namesake's —, press Withdraw as a person does, confirm in LinkedIn's dialog, read the toast and
// check the card is gone). Detection and reading come from sites/linkedin/sent-list.js; every decision and every record
// is a message to the service worker, which persists the item BEFORE the click (job.begin) and the result
// AFTER it (job.result). Any state it does not understand is a hard stop with a reason, never a guess.

import { SENT_LIST, sentList } from '../sites/index.js';
import { fold } from '../sites/common/text.js';
import { highlight } from './overlay.js';
import { offerParts } from './burst-offer.js';
import { press } from './press.js';
import { createLoader, LOAD_MS } from './sent-loader.js';
import { sleep, waitFor } from './wait.js';

const DIALOG_MS = 6000;
const GONE_MS = 8000;
/** RECHECK_MS: after a reload caught a click in flight, wait this long and load the list afresh before deciding. */
export const RECHECK_MS = 3000;

export { waitFor };

const between = (min, max) => min + Math.random() * Math.max(0, max - min);

/** extensionConnected tells whether this script still belongs to the running extension: after an update
 * or a reload of the extension the old script is cut off (its runtime has no id) and must press nothing. */
export function extensionConnected() {
  try {
    return !!(globalThis.browser ?? globalThis.chrome)?.runtime?.id;
  } catch {
    return false; // Firefox: a dead object
  }
}

/**
 * createRunner returns { scan(task), withdraw(task), problemOf(), ensureSent() } for one document, over a
 * small state object (its dependencies); the steps are the named functions below, each given that state.
 * deps: { doc, win, send(op, payload, timeoutMs), i18n, overlay, clock, connected() }.
 */
export function createRunner({ doc, win, send, i18n, overlay, clock = () => performance.now(), connected = extensionConnected }) {
  const st = { doc, win, send, i18n, overlay, clock, connected };
  return { scan: (task) => scan(st, task), withdraw: (task) => withdraw(st, task), problemOf: () => problemOf(st), ensureSent: () => ensureSent(st) };
}

/** problemOf tells a page that must stop everything: 'login', 'rate_limit' or ''. */
function problemOf(st) {
  const p = sentList.problem(st.doc);
  return p ? { reason: p, detail: p === 'rate_limit' ? sentList.rateLimitText(st.doc) : '' } : null;
}

/** ensureSent makes sure the Sent tab is shown (the page sometimes jumps back to Received). */
async function ensureSent(st) {
  if (sentList.currentTab(st.doc) === 'sent') return true;
  const link = sentList.findSentTab(st.doc);
  if (link) {
    link.click();
    const ok = await waitFor(
      st.doc,
      () => sentList.currentTab(st.doc) === 'sent' && (sentList.findCards(st.doc).length > 0 || !sentList.findLoadMore(st.doc)),
      LOAD_MS,
    );
    if (ok) return true;
  }
  if (SENT_LIST.onSentList(st.win.location.href)) return sentList.currentTab(st.doc) === 'sent';
  st.win.location.assign(SENT_LIST.url); // a full load: this script starts again on the Sent page
  return false;
}

// ------------------------------------------------------------------ scan
/** readNew reads the cards not read before (each card element once) into seen, keyed by person. */
function readNew(st, read, seen) {
  for (const card of sentList.findNewCards(st.doc, read)) {
    read.add(card);
    const c = sentList.readCard(card, st.doc);
    const id = c.key || `name:${fold(c.name)}`;
    if (!seen.has(id)) seen.set(id, c);
  }
}

async function scan(st, task) {
  const t0 = st.clock();
  let waited = 0;
  const seen = new Map();
  const read = new WeakSet();
  const list = createLoader({ doc: st.doc, send: st.send, problemOf: () => problemOf(st) });
  let stopped = null;
  let total = null;
  const show = () =>
    st.overlay.show({
      title: st.i18n.t('runner_title_scan'),
      line: total != null ? st.i18n.t('scan_progress', { seen: seen.size, total }) : st.i18n.t('scan_progress_nototal', { seen: seen.size }),
      done: seen.size,
      total: total ?? 0,
    });
  for (;;) {
    if (!(await ensureSent(st))) return 'navigating';
    stopped = problemOf(st);
    if (stopped) break;
    readNew(st, read, seen);
    let tw = st.clock();
    total = await list.total();
    waited += st.clock() - tw;
    show();
    if (list.complete(seen.size)) break;
    tw = st.clock();
    await sleep(between(task.pace.min, task.pace.max));
    const got = await list.step();
    waited += st.clock() - tw; // the human pace and LinkedIn's loading are not the scan's own time
    if (got === 'end') {
      readNew(st, read, seen);
      break;
    }
  }
  const complete = !stopped && list.complete(seen.size);
  const totalText = list.text;
  const cards = [...seen.values()];
  const ownMs = st.clock() - t0 - waited;
  const res = await st.send('scan.submit', { scanId: task.scanId, cards, complete, totalText, stats: { cards: cards.length, ownMs, waitedMs: waited } }, 60000);
  if (res.error) {
    st.overlay.show({
      title: st.i18n.t('runner_title_scan'),
      tone: 'stop',
      message: st.i18n.t('scan_failed', { error: res.error.message }),
      buttons: [closeButton(st)],
    });
    return 'failed';
  }
  const out = res.ok.result;
  const message = stopped
    ? st.i18n.t('scan_incomplete', { seen: cards.length, reason: st.i18n.t(`stop_${stopped.reason}`, { detail: stopped.detail }) })
    : complete
      ? st.i18n.t('scan_done', { seen: out.seen, imported: out.imported, changed: out.changed.length })
      : st.i18n.t('scan_partial', { seen: out.seen, imported: out.imported });
  const offer = offerParts({ offers: res.ok.offers, i18n: st.i18n, send: st.send, overlay: st.overlay }); // bursts found (issue 12)
  st.overlay.show({
    title: st.i18n.t('runner_title_scan'),
    line: st.i18n.t('scan_progress_nototal', { seen: cards.length }),
    done: cards.length,
    total: cards.length,
    tone: stopped ? 'stop' : 'done',
    message: offer ? `${message} ${offer.message}` : message,
    buttons: [...(offer?.buttons ?? []), closeButton(st)],
  });
  return 'done';
}

function closeButton(st) {
  return { label: st.i18n.t('button_close'), onClick: () => st.overlay.hide() };
}

// ------------------------------------------------------------------ withdraw
async function stop(st, task, reason, detail = '', seq) {
  await st.send('job.stop', { jobId: task.job.id, reason, detail, seq });
  return 'stopped';
}

async function report(st, task, result, detail, t0, pageMs = 0, stopWith = undefined) {
  const res = await st.send('job.result', { jobId: task.job.id, seq: task.item.seq, result, detail, ms: st.clock() - t0, pageMs, stop: stopWith });
  if (res.error) throw new Error(res.error.message);
  return res.ok.job;
}

/**
 * locate finds a planned card, loading the list further (by "Load more" or by scrolling) until it is
 * found or the list is complete. Returns { hit, complete } or 'navigating'. A name-only invitation is
 * looked up by name only once the whole list is loaded (sites/linkedin/sent-list.js findCard).
 */
async function locate(st, item) {
  const list = createLoader({ doc: st.doc, send: st.send, problemOf: () => problemOf(st) });
  for (;;) {
    await list.total();
    const complete = list.complete(sentList.findCards(st.doc).length);
    const hit = sentList.findCard(st.doc, item, { complete, taken: item.taken ?? [] });
    if (hit || complete || list.ended) return { hit, complete };
    await sleep(between(300, 700));
    if ((await list.step()) === 'left' && !(await ensureSent(st))) return 'navigating';
    if (problemOf(st)) return { hit: null, complete: false };
  }
}

/** notOnList reports an item whose card is not on the list: withdrawn (a click in flight before a reload) or not found. */
async function notOnList(st, task, complete, t0) {
  const where = complete ? 'the whole Sent list' : 'the part of the Sent list that loaded';
  if (task.inFlight && !task.dryRun && complete) await report(st, task, 'withdrawn', 'confirmed after a reload: the card is gone', t0);
  else
    await report(
      st,
      task,
      'not_found',
      `no card with this ${task.item.key && sentList.isProfileURL(task.item.key) ? 'profile' : 'name (unique)'} on ${where}`,
      t0,
    );
  return 'next';
}

/** toastWatch remembers the toasts shown now; fresh() returns those shown (or changed) since. */
function toastWatch(st) {
  const before = new Map(sentList.toasts(st.doc).map((el) => [el, el.textContent]));
  return () => sentList.toasts(st.doc).filter((el) => before.get(el) !== el.textContent);
}

/** onSent tells whether the page still shows the Sent list (not Received, not another page). */
function onSent(st) {
  return sentList.currentTab(st.doc) === 'sent';
}

/** withdraw runs one planned item of a job. Returns 'next', 'stopped', 'paused', 'navigating' or 'cut_off'
 * (the extension was updated or reloaded: this script stops, the new one goes on). */
async function withdraw(st, task) {
  const { item } = task;
  const t0 = st.clock();
  if (!(await ensureSent(st))) return 'navigating';
  let p = problemOf(st);
  if (p) return stop(st, task, p.reason, p.detail);
  const found = await locate(st, item);
  if (found === 'navigating') return 'navigating';
  p = problemOf(st);
  if (p) return stop(st, task, p.reason, p.detail);
  const { hit } = found;
  if (!hit) return notOnList(st, task, found.complete, t0);
  if (task.inFlight && !task.dryRun && !task.item.rechecked) {
    // The card is still shown, but LinkedIn may not have finished the interrupted withdrawal yet.
    // Never click twice on a guess: wait, load the list afresh, and decide on what it shows then.
    const rc = await st.send('job.recheck', { jobId: task.job.id, seq: item.seq });
    if (rc.error) return stop(st, task, 'unexpected', rc.error.message);
    st.overlay.show({ title: st.i18n.t('runner_title_withdraw'), line: st.i18n.t('runner_rechecking', { name: item.name || item.key }), tone: 'wait' });
    await sleep(RECHECK_MS);
    st.win.location.reload();
    return 'navigating';
  }
  if (task.dryRun) {
    highlight(hit.card);
    await report(st, task, 'highlighted', `found by ${hit.by}`, t0);
    return 'next';
  }
  const control = sentList.findWithdraw(hit.card);
  if (!control) {
    await report(st, task, 'failed', 'the card has no Withdraw control', t0);
    return 'next';
  }
  if (sentList.findConfirm(st.doc)) return stop(st, task, 'unexpected', 'a dialog was already open before the click');
  const go = await st.send('job.begin', { jobId: task.job.id, seq: item.seq });
  if (go.error) return stop(st, task, 'unexpected', go.error.message);
  if (!go.ok.go) return 'paused';
  return clickAndConfirm(st, task, hit, control, t0);
}

/** clickAndConfirm presses Withdraw, confirms in LinkedIn's dialog, and reads what follows. */
async function clickAndConfirm(st, task, hit, control, t0) {
  const { item } = task;
  const shown = sentList.readCard(hit.card, st.doc).name || item.name;
  const fresh = toastWatch(st);
  if (!st.connected()) return 'cut_off';
  const pressed = press(control, st.win);
  if (!pressed.handled) return stop(st, task, 'link_unhandled', pressed.href, item.seq);
  let tw = st.clock();
  const dlg = await waitFor(
    st.doc,
    () => sentList.findConfirm(st.doc) || problemOf(st) || (!onSent(st) && { reason: 'navigated', detail: st.win.location.href }),
    DIALOG_MS,
  );
  let pageMs = st.clock() - tw; // LinkedIn's time, not the runner's
  if (!dlg) return stop(st, task, 'no_dialog', '', item.seq);
  if (dlg.reason) return stop(st, task, dlg.reason, dlg.detail, dlg.reason === 'navigated' ? undefined : item.seq);
  // Cut off since the first press (the extension was updated): the item stays in flight, and the new
  // worker's runner checks it on a freshly loaded list; this script confirms nothing.
  if (!st.connected()) return 'cut_off';
  const confirmed = press(dlg.confirm, st.win);
  if (!confirmed.handled) return stop(st, task, 'link_unhandled', confirmed.href, item.seq);
  const still = () => hit.card.isConnected || (hit.by === 'key' ? !!sentList.findCard(st.doc, { key: item.key }) : sentList.countByName(st.doc, shown) > 0);
  const toast = () => sentList.readToast(st.doc, shown, fresh());
  tw = st.clock();
  const outcome = await waitFor(
    st.doc,
    () => problemOf(st) || toast() || (!onSent(st) && { reason: 'navigated', detail: st.win.location.href }) || (!still() && { gone: true }),
    GONE_MS,
  );
  pageMs += st.clock() - tw;
  return settle(st, task, hit, outcome, { still, t0, pageMs });
}

/** settle reports what the page showed after confirming: the toast, the card gone, a problem, or nothing. */
async function settle(st, task, hit, outcome, { still, t0, pageMs }) {
  const { item } = task;
  const by = `found by ${hit.by}`;
  if (outcome?.kind === 'failed') {
    await report(st, task, 'failed', `LinkedIn: “${outcome.text}”`, t0, pageMs, { reason: 'refused', detail: outcome.text });
    return 'stopped';
  }
  if (outcome?.kind === 'withdrawn') {
    const gone = !still() || !!(await waitFor(st.doc, () => !still(), 3000));
    await report(st, task, 'withdrawn', `${by}; LinkedIn: “${outcome.text}”${gone ? '' : '; the card was still shown'}`, t0, pageMs);
    return 'next';
  }
  if (outcome?.gone) {
    await report(st, task, 'withdrawn', by, t0, pageMs);
    return 'next';
  }
  if (outcome?.reason === 'navigated') return stop(st, task, 'navigated', outcome.detail); // the item stays in flight: rechecked on resume
  if (outcome?.reason) {
    if (!still()) await report(st, task, 'withdrawn', by, t0);
    return stop(st, task, outcome.reason, outcome.detail, still() ? item.seq : undefined);
  }
  return stop(st, task, 'not_removed', '', item.seq);
}
