// The acting half of the Sent list (issue 5): the scan (read every card, "Load more" at a human pace)
// and the withdrawal runner (find the card, click Withdraw, confirm in LinkedIn's dialog, check the card
// is gone). Detection and reading come from sites/linkedin/sent-list.js; every decision and every record
// is a message to the service worker, which persists the item BEFORE the click (job.begin) and the result
// AFTER it (job.result). Any state it does not understand is a hard stop with a reason, never a guess.

import sentList from '../sites/linkedin/sent-list.js';
import { fold } from '../sites/common/text.js';
import { highlight } from './overlay.js';

export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const DIALOG_MS = 6000;
const GONE_MS = 8000;
const LOAD_MS = 12000;
/** RECHECK_MS: after a reload caught a click in flight, wait this long and load the list afresh before deciding. */
export const RECHECK_MS = 3000;

/** waitFor resolves with fn()'s first truthy value, re-checked on every DOM change, or null after ms. */
export function waitFor(doc, fn, ms) {
  return new Promise((resolve) => {
    const first = fn();
    if (first) return resolve(first);
    let settled = false;
    const finish = (v) => {
      if (settled) return;
      settled = true;
      obs.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(v);
    };
    const check = () => {
      const v = fn();
      if (v) finish(v);
    };
    const obs = new MutationObserver(check);
    obs.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = setInterval(check, 100); // state the DOM does not show as a mutation (dialog.open)
    const timer = setTimeout(() => finish(null), ms);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const between = (min, max) => min + Math.random() * Math.max(0, max - min);

/**
 * createRunner returns { scan(task), withdraw(task) } for one document.
 * deps: { doc, win, send(op, payload, timeoutMs), i18n, overlay, clock }.
 */
export function createRunner({ doc, win, send, i18n, overlay, clock = () => performance.now() }) {
  /** problemOf tells a page that must stop everything: 'login', 'rate_limit' or ''. */
  function problemOf() {
    const p = sentList.problem(doc);
    return p ? { reason: p, detail: p === 'rate_limit' ? sentList.rateLimitText(doc) : '' } : null;
  }

  /** ensureSent makes sure the Sent tab is shown (the page sometimes jumps back to Received). */
  async function ensureSent() {
    if (sentList.currentTab(doc) === 'sent') return true;
    const link = sentList.findSentTab(doc);
    if (link) {
      link.click();
      const ok = await waitFor(doc, () => sentList.currentTab(doc) === 'sent' && (sentList.findCards(doc).length > 0 || !sentList.findLoadMore(doc)), LOAD_MS);
      if (ok) return true;
    }
    if (new URL(win.location.href).pathname.startsWith('/mynetwork/invitation-manager/sent')) return sentList.currentTab(doc) === 'sent';
    win.location.assign(SENT_URL); // a full load: this script starts again on the Sent page
    return false;
  }

  /** profileLinks counts the links to profiles: a cheap sign that cards arrived (the reader confirms later). */
  const profileLinks = () => doc.querySelectorAll('a[href*="/in/"]').length;

  /**
   * loadMore clicks "Load more" and waits for more cards, the end of the list (the control gone or
   * disabled), a jump to Received, or a problem. The checks run on every DOM change, so they are cheap
   * ones; reading the cards is left to the caller.
   */
  async function loadMore(more) {
    const before = profileLinks();
    more.click();
    return waitFor(doc, () => profileLinks() > before || !more.isConnected || more.disabled || more.getAttribute('aria-disabled') === 'true' || sentList.currentTab(doc) !== 'sent' || !!problemOf(), LOAD_MS);
  }

  // ------------------------------------------------------------------ scan
  async function scan(task) {
    const t0 = clock();
    let waited = 0;
    const seen = new Map();
    const read = new WeakSet();
    let complete = false;
    let stopped = null;
    let stuck = 0;
    let totalText = '';
    let total = null;
    const show = () =>
      overlay.show({
        title: i18n.t('runner_title_scan'),
        line: total != null ? i18n.t('scan_progress', { seen: seen.size, total }) : i18n.t('scan_progress_nototal', { seen: seen.size }),
        done: seen.size,
        total: total ?? 0,
      });
    for (;;) {
      if (!(await ensureSent())) return 'navigating';
      stopped = problemOf();
      if (stopped) break;
      for (const card of sentList.findCards(doc)) {
        if (read.has(card)) continue;
        read.add(card);
        const c = sentList.readCard(card, doc);
        const id = c.key || `name:${fold(c.name)}`;
        if (!seen.has(id)) seen.set(id, c);
      }
      const t = sentList.readTotal(doc);
      if (t && t !== totalText) {
        totalText = t;
        const tw = clock();
        total = (await send('scan.count', { text: t })).ok?.count ?? null;
        waited += clock() - tw;
      }
      show();
      const more = sentList.findLoadMore(doc);
      if (!more) {
        complete = true;
        break;
      }
      const tw = clock();
      await sleep(between(task.pace.min, task.pace.max));
      const grew = await loadMore(more);
      waited += clock() - tw; // the human pace and LinkedIn's loading are not the scan's own time
      if (grew) stuck = 0;
      else if (++stuck >= 3) break;
    }
    const cards = [...seen.values()];
    const ownMs = clock() - t0 - waited;
    const res = await send('scan.submit', { scanId: task.scanId, cards, complete, totalText, stats: { cards: cards.length, ownMs, waitedMs: waited } }, 60000);
    if (res.error) {
      overlay.show({ title: i18n.t('runner_title_scan'), tone: 'stop', message: i18n.t('scan_failed', { error: res.error.message }), buttons: [closeButton()] });
      return 'failed';
    }
    const r = res.ok.result;
    const message = stopped
      ? i18n.t('scan_incomplete', { seen: cards.length, reason: i18n.t(`stop_${stopped.reason}`, { detail: stopped.detail }) })
      : complete
        ? i18n.t('scan_done', { seen: r.seen, imported: r.imported, changed: r.changed.length })
        : i18n.t('scan_partial', { seen: r.seen, imported: r.imported });
    overlay.show({ title: i18n.t('runner_title_scan'), line: i18n.t('scan_progress_nototal', { seen: cards.length }), done: cards.length, total: cards.length, tone: stopped ? 'stop' : 'done', message, buttons: [closeButton()] });
    return 'done';
  }

  function closeButton() {
    return { label: i18n.t('button_close'), onClick: () => overlay.hide() };
  }

  // ------------------------------------------------------------------ withdraw
  async function stop(task, reason, detail = '', seq) {
    await send('job.stop', { jobId: task.job.id, reason, detail, seq });
    return 'stopped';
  }

  async function report(task, result, detail, t0, pageMs = 0) {
    const res = await send('job.result', { jobId: task.job.id, seq: task.item.seq, result, detail, ms: clock() - t0, pageMs });
    if (res.error) throw new Error(res.error.message);
    return res.ok.job;
  }

  /** locate finds a planned card, loading more as needed. */
  async function locate(item) {
    for (let rounds = 0; rounds < 1000; rounds++) {
      const hit = sentList.findCard(doc, item);
      if (hit) return hit;
      const more = sentList.findLoadMore(doc);
      if (!more) return null;
      await sleep(between(300, 700));
      await loadMore(more);
      if (sentList.currentTab(doc) !== 'sent' && !(await ensureSent())) return 'navigating';
      if (problemOf()) return null;
    }
    return null;
  }

  /** withdraw runs one planned item of a job. Returns 'next', 'stopped', 'paused' or 'navigating'. */
  async function withdraw(task) {
    const { item } = task;
    const t0 = clock();
    if (!(await ensureSent())) return 'navigating';
    let p = problemOf();
    if (p) return stop(task, p.reason, p.detail);
    const hit = await locate(item);
    if (hit === 'navigating') return 'navigating';
    p = problemOf();
    if (p) return stop(task, p.reason, p.detail);
    if (!hit) {
      // Mid-click before a reload and now gone: the withdrawal went through (the list is complete).
      if (task.inFlight && !task.dryRun) await report(task, 'withdrawn', 'confirmed after a reload: the card is gone', t0);
      else await report(task, 'not_found', 'no card with this profile or name on the Sent list', t0);
      return 'next';
    }
    if (task.inFlight && !task.dryRun && !task.item.rechecked) {
      // The card is still shown, but LinkedIn may not have finished the interrupted withdrawal yet.
      // Never click twice on a guess: wait, load the list afresh, and decide on what it shows then.
      const r = await send('job.recheck', { jobId: task.job.id, seq: item.seq });
      if (r.error) return stop(task, 'unexpected', r.error.message);
      overlay.show({ title: i18n.t('runner_title_withdraw'), line: i18n.t('runner_rechecking', { name: item.name || item.key }), tone: 'wait' });
      await sleep(RECHECK_MS);
      win.location.reload();
      return 'navigating';
    }
    if (task.dryRun) {
      highlight(hit.card);
      await report(task, 'highlighted', `found by ${hit.by}`, t0);
      return 'next';
    }
    const control = sentList.findWithdraw(hit.card);
    if (!control) {
      await report(task, 'failed', 'the card has no Withdraw control', t0);
      return 'next';
    }
    if (sentList.findConfirm(doc)) return stop(task, 'unexpected', 'a dialog was already open before the click');
    const go = await send('job.begin', { jobId: task.job.id, seq: item.seq });
    if (go.error) return stop(task, 'unexpected', go.error.message);
    if (!go.ok.go) return 'paused';
    control.click();
    let tw = clock();
    const dlg = await waitFor(doc, () => sentList.findConfirm(doc) || problemOf(), DIALOG_MS);
    let pageMs = clock() - tw; // LinkedIn's time, not the runner's
    if (!dlg) return stop(task, 'no_dialog', '', item.seq);
    if (dlg.reason) return stop(task, dlg.reason, dlg.detail, item.seq);
    dlg.confirm.click();
    const still = () => hit.card.isConnected || !!sentList.findCard(doc, hit.by === 'key' ? { key: item.key } : { name: item.name });
    tw = clock();
    const outcome = await waitFor(doc, () => problemOf() || (!still() ? { gone: true } : null), GONE_MS);
    pageMs += clock() - tw;
    if (outcome?.gone) {
      await report(task, 'withdrawn', `found by ${hit.by}`, t0, pageMs);
      return 'next';
    }
    if (outcome?.reason) {
      if (!still()) await report(task, 'withdrawn', `found by ${hit.by}`, t0);
      return stop(task, outcome.reason, outcome.detail, still() ? item.seq : undefined);
    }
    return stop(task, 'not_removed', '', item.seq);
  }

  return { scan, withdraw, problemOf, ensureSent };
}
