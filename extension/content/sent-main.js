// The content script of LinkedIn's invitation manager (Sent and Received): asks the service worker what
// to do (a scan, the next item of a withdrawal job, nothing) and does it with the runner, showing the
// overlay. It never loads wasm and never talks to a server. Started again by every page load, so a
// reload or a browser restart simply resumes from what the service worker persisted.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { jobTitleKey } from '../shared/job-title.js';
import { createOverlay } from './overlay.js';
import { createRunner } from './runner.js';

const api = globalThis.browser ?? globalThis.chrome;

/** toWithdraw is how many items a job has to go through: planned, less the skipped ones. */
const toWithdraw = (job) => job.counts.planned - (job.counts.skipped ?? 0);

function start() {
  const overlay = createOverlay(document);
  const runner = createRunner({ doc: document, win: window, send, i18n, overlay });
  let running = false;
  let wake = null;
  const idle = (ms) =>
    new Promise((resolve) => {
      const t = ms === Infinity ? 0 : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    }).finally(() => (wake = null));

  const act = (op, jobId) => async () => {
    const res = await send(op, { jobId });
    if (res.error) overlay.show({ title: 'Invite Guard', tone: 'stop', message: res.error.message });
    wake?.();
    if (!running) loop();
  };

  function jobView(task, extra = {}) {
    const job = task.job;
    const c = job.counts;
    const total = toWithdraw(job);
    const done = c.withdrawn + c.not_found + c.failed + c.highlighted + c.cancelled;
    const title = i18n.t(jobTitleKey(task.kind, job.dryRun));
    const buttons = [];
    if (task.kind === 'item' || task.kind === 'waiting') buttons.push({ label: i18n.t('button_pause'), onClick: act('job.pause', job.id) });
    if (task.kind === 'paused' || task.kind === 'stopped')
      buttons.push({ label: i18n.t('button_resume'), kind: 'primary', onClick: act('job.resume', job.id) });
    if (task.kind !== 'done') buttons.push({ label: i18n.t('button_cancel_job'), kind: 'danger', onClick: act('job.cancel', job.id) });
    else buttons.push({ label: i18n.t('button_close'), onClick: () => overlay.hide() });
    overlay.show({ title, done, total, tone: job.dryRun ? 'dry' : 'run', line: i18n.t('runner_progress', { done, total }), buttons, ...extra });
  }

  function doneMessage(job) {
    const c = job.counts;
    if (job.dryRun) return i18n.t('runner_done_dry', { count: c.highlighted });
    return i18n.t('runner_done', { withdrawn: c.withdrawn, notFound: c.not_found, failed: c.failed });
  }

  let lastJobId = null;

  async function loop() {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const res = await send('sent.task', {}, 15000);
        if (res.error) {
          overlay.show({ title: 'Invite Guard', tone: 'stop', message: i18n.t('runner_worker_error', { error: res.error.message }) });
          return;
        }
        const task = res.ok;
        if (task.kind === 'scan') {
          if ((await runner.scan(task)) === 'navigating') return;
          lastJobId = null; // the scan's result (and its offer) is the newest news: not the last job's end again
          continue;
        }
        if (task.job) lastJobId = task.job.id;
        if (task.kind === 'item') {
          const name = task.item.name || task.item.key;
          if (task.waitMs > 0) {
            jobView(task, {
              line: i18n.t('runner_next_in', { done: task.job.finished, total: toWithdraw(task.job), name, seconds: Math.ceil(task.waitMs / 1000) }),
            });
            await idle(task.waitMs);
            continue; // ask again: paused or cancelled meanwhile?
          }
          jobView(task, { line: i18n.t('runner_current', { done: task.job.finished, total: toWithdraw(task.job), name }) });
          const out = await runner.withdraw(task);
          if (out === 'navigating' || out === 'cut_off') return;
          continue;
        }
        if (task.kind === 'paused') {
          jobView(task, { tone: 'wait', message: i18n.t('runner_paused') });
          await idle(Infinity);
          continue;
        }
        if (task.kind === 'stopped') {
          const s = task.job.stop ?? {};
          jobView(task, { tone: 'stop', message: i18n.t(`stop_${s.reason ?? 'unexpected'}`, { detail: s.detail ?? '' }) });
          await idle(Infinity);
          continue;
        }
        if (task.kind === 'waiting') {
          jobView(task, { tone: 'wait', message: i18n.t('runner_waiting', { when: new Date(task.until).toLocaleString(i18n.lang) }) });
          return;
        }
        if (task.kind === 'done') {
          jobView(task, { tone: 'done', message: doneMessage(task.job) });
          return;
        }
        if (task.kind === 'none' && lastJobId) {
          // The last result finished the job: say how it ended.
          const last = (await send('job.get', { jobId: lastJobId })).ok?.job;
          if (last?.state === 'done') jobView({ kind: 'done', job: last }, { tone: 'done', message: doneMessage(last) });
        }
        return; // none, or another tab runs the job
      }
    } catch (err) {
      console.error('Invite Guard: runner', err);
      overlay.show({ title: 'Invite Guard', tone: 'stop', message: i18n.t('runner_worker_error', { error: String(err?.message ?? err) }) });
    } finally {
      running = false;
    }
  }

  api.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id !== api.runtime.id || msg?.op !== 'sent.wake') return false;
    if (wake) wake();
    else loop();
    return false;
  });
  loop();
}

if (!globalThis.__inviteGuardSent) {
  globalThis.__inviteGuardSent = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
