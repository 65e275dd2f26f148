// The review of one burst (issue 12, ui/burst.html?id=<burst id>): its people with checkboxes (only
// invitations still sent can be checked), the plan of the checked ones (the core's plan_withdrawal: how
// long at the pace, how many today under the daily cap), a dry run, and Start — which records the burst as
// a batch of source "outside" and runs the same paced, resumable runner as "Undo this batch". Unchecked
// people are never withdrawn: the plan holds the checked keys only.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { offerText } from '../shared/burst-text.js';
import { duration } from './duration.js';
import { el } from '../shared/el.js';
import { say, translatePage } from './ui-util.js';

const $ = (id) => document.getElementById(id);
const when = new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'medium', timeStyle: 'short' });

/** state of the page: the burst, the checked keys, the planned job (discarded when replaced or left). */
const state = { burstId: new URLSearchParams(location.search).get('id') ?? '', review: null, checked: new Set(), planned: null, seq: 0, started: false };

function withdrawable() {
  return state.review.people.filter((p) => p.withdrawable);
}

// ------------------------------------------------------------------ the people
function personRow(p) {
  const box = el('input', {
    type: 'checkbox',
    value: p.key,
    'aria-label': p.name || p.key,
    checked: p.withdrawable && state.checked.has(p.key),
    disabled: !p.withdrawable,
  });
  box.addEventListener('change', () => {
    if (box.checked) state.checked.add(p.key);
    else state.checked.delete(p.key);
    changed();
  });
  const label = el('label', {}, box, el('span', { text: p.name || p.key, title: p.key }));
  if (!p.withdrawable) label.append(el('span', { class: 'chip', text: i18n.t(`burst_state_${p.state}`) }));
  return el('li', { class: p.withdrawable ? '' : 'locked', 'data-key': p.key }, label);
}

function renderPeople() {
  $('people').setAttribute('aria-label', i18n.t('burst_people'));
  $('people').replaceChildren(...state.review.people.map(personRow));
  renderCount();
}

function renderCount() {
  $('checked').textContent = i18n.t('burst_checked', { checked: state.checked.size, total: withdrawable().length });
}

function setAll(on) {
  state.checked = new Set(on ? withdrawable().map((p) => p.key) : []);
  for (const box of $('people').querySelectorAll('input[type=checkbox]:not(:disabled)')) box.checked = on;
  changed();
}

function changed() {
  renderCount();
  replan();
}

// ------------------------------------------------------------------ the plan
async function discard() {
  const job = state.planned;
  state.planned = null;
  if (job) await send('job.cancel', { jobId: job.id });
}

/** replan plans the checked people again; an answer overtaken by a newer change is discarded. */
async function replan() {
  const seq = ++state.seq;
  await discard();
  setButtons(false);
  if (!state.checked.size) return renderPlan(null);
  $('plan').replaceChildren(el('p', { class: 'muted', text: i18n.t('popup_planning') }));
  const res = await send('burst.plan', { burstId: state.burstId, keys: [...state.checked] }, 20000);
  if (seq !== state.seq) {
    if (res.ok) await send('job.cancel', { jobId: res.ok.job.id });
    return;
  }
  if (res.error) return $('plan').replaceChildren(el('p', { class: 'error', role: 'alert', text: res.error.message }));
  state.planned = res.ok.job;
  renderPlan(state.planned);
}

function planLines(job) {
  const p = job.plan;
  const today = job.items.filter((it) => it.day === 0).length;
  const later = job.items.length - today;
  const lines = [
    i18n.t('burst_plan_today', {
      today,
      cap: p.dailyCap,
      duration: duration(p.durationSeconds),
      min: (p.paceMin / 1000).toLocaleString(i18n.lang),
      max: (p.paceMax / 1000).toLocaleString(i18n.lang),
    }),
  ];
  if (later) lines.push(i18n.t('burst_plan_later', { later, finish: p.finishAt ? when.format(new Date(p.finishAt)) : '' }));
  const skipped = p.skipped ?? [];
  if (skipped.length) {
    const by = new Map();
    for (const s of skipped) by.set(s.reason, (by.get(s.reason) ?? 0) + 1);
    lines.push(i18n.t('popup_plan_skipped', { count: skipped.length, reasons: [...by].map(([r, k]) => `${k} ${i18n.t(`skip_${r}`)}`).join('; ') }));
  }
  return lines;
}

function renderPlan(job) {
  const box = $('plan');
  const n = job?.items.length ?? 0;
  $('start').textContent = n ? i18n.plural('popup_start', n) : i18n.t('popup_plan_nothing');
  if (!job) return box.replaceChildren(el('h2', { text: i18n.t('popup_plan_nothing') }), el('p', { text: i18n.t('burst_plan_none') }));
  box.replaceChildren(
    el('h2', { text: n ? i18n.plural('popup_plan_title', n) : i18n.t('popup_plan_nothing') }),
    ...planLines(job).map((t) => el('p', { text: t })),
  );
  setButtons(n > 0);
}

function setButtons(on) {
  for (const id of ['start', 'dry']) $(id).disabled = !on || state.started;
}

// ------------------------------------------------------------------ start, dry run, dismiss
async function start() {
  const job = state.planned;
  if (!job) return;
  setButtons(false);
  const res = await send('burst.start', { burstId: state.burstId, jobId: job.id }, 20000);
  if (res.error) {
    say($('status'), res.error.message, false);
    return setButtons(true);
  }
  state.planned = null;
  state.started = true;
  for (const box of $('people').querySelectorAll('input')) box.disabled = true;
  $('all').disabled = $('none').disabled = $('dismiss').disabled = true;
  say($('status'), i18n.t('burst_started'), true);
}

async function dryRun() {
  setButtons(false);
  const res = await send('burst.plan', { burstId: state.burstId, keys: [...state.checked], dryRun: true }, 20000);
  const go = res.ok && (await send('burst.start', { burstId: state.burstId, jobId: res.ok.job.id }, 20000));
  const err = res.error ?? go?.error;
  say($('status'), err ? err.message : i18n.t('burst_dry_started'), !err);
  setButtons(!!state.planned);
}

async function dismiss() {
  const res = await send('burst.dismiss', { burstId: state.burstId });
  if (res.error) return say($('status'), res.error.message, false);
  await discard();
  state.started = true;
  setButtons(false);
  say($('status'), i18n.t('burst_dismissed'), true);
}

// ------------------------------------------------------------------ load
async function load() {
  translatePage();
  const res = await send('burst.get', { burstId: state.burstId });
  if (res.error) {
    $('offer').textContent = res.error.message;
    $('offer').classList.add('error');
    return setButtons(false);
  }
  state.review = res.ok;
  state.checked = new Set(withdrawable().map((p) => p.key));
  $('offer').textContent = offerText(res.ok.burst, i18n);
  if (res.ok.handled) {
    $('reviewed').hidden = false;
    $('reviewed').textContent = i18n.t('burst_reviewed', { when: when.format(new Date(res.ok.handled.at)) });
  }
  renderPeople();
  $('all').addEventListener('click', () => setAll(true));
  $('none').addEventListener('click', () => setAll(false));
  $('start').addEventListener('click', start);
  $('dry').addEventListener('click', dryRun);
  $('dismiss').addEventListener('click', dismiss);
  window.addEventListener('pagehide', () => {
    if (state.planned) send('job.cancel', { jobId: state.planned.id });
  });
  await replan();
}

load();
