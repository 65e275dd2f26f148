// The popup: whether protection is on, the running withdrawal (progress, pause, resume, cancel), the
// recent batches with their status and "Undo this batch", the plan before anything starts (how many, how
// long, what is skipped and why), other selections (time range, older than N days, not members only,
// hand-picked), and "Scan the Sent list". Everything is a message to the service worker.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { jobTitleKey } from '../shared/job-title.js';
import { el } from '../shared/el.js';
import { translatePage } from './ui-util.js';
import { renderOffers } from './popup-bursts.js';
import { duration } from './duration.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const when = new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'medium', timeStyle: 'short' });
let pollTimer = 0;
let planned = null;

function showError(where, res) {
  where.append(el('p', { class: 'error', role: 'alert', text: res.error.message }));
}

// ------------------------------------------------------------------ the running job
function jobLine(job) {
  const c = job.counts;
  const total = c.planned - c.skipped;
  const done = c.withdrawn + c.not_found + c.failed + c.highlighted + c.cancelled;
  if (job.dryRun) return { done, total, line: i18n.t('popup_job_line_dry', { done, total, highlighted: c.highlighted }) };
  return { done, total, line: i18n.t('popup_job_line', { done, total, withdrawn: c.withdrawn, notFound: c.not_found, failed: c.failed }) };
}

function renderJob(job) {
  const box = $('job');
  box.replaceChildren();
  if (!job) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const { done, total, line } = jobLine(job);
  const tone = job.state === 'stopped' ? 'stop' : job.state === 'done' ? 'done' : job.dryRun ? 'dry' : 'run';
  box.dataset.tone = tone;
  box.append(
    el('h2', {
      id: 'job-title',
      text: i18n.t(jobTitleKey(job.state, job.dryRun)),
    }),
    el('div', { class: 'line', text: line }),
    el(
      'div',
      {
        class: 'track',
        role: 'progressbar',
        'aria-label': i18n.t('popup_progress'),
        'aria-valuemin': '0',
        'aria-valuemax': String(total),
        'aria-valuenow': String(done),
      },
      el('div', { class: 'fill', style: `width:${total ? (100 * done) / total : 0}%` }),
    ),
  );
  if (job.current) box.append(el('div', { class: 'muted', text: i18n.t('popup_job_current', { name: job.current.name || job.current.key }) }));
  const msg = {
    paused: ['wait', i18n.t('runner_paused')],
    waiting: ['wait', i18n.t('runner_waiting', { when: job.resumeAt ? when.format(new Date(job.resumeAt)) : '' })],
    stopped: ['stop', i18n.t(`stop_${job.stop?.reason ?? 'unexpected'}`, { detail: job.stop?.detail ?? '' })],
    done: [
      'ok',
      job.dryRun
        ? i18n.t('runner_done_dry', { count: job.counts.highlighted })
        : i18n.t('runner_done', { withdrawn: job.counts.withdrawn, notFound: job.counts.not_found, failed: job.counts.failed }),
    ],
  }[job.state];
  if (msg) box.append(el('p', { class: `msg ${msg[0]}`, role: 'status', text: msg[1] }));
  const row = el('div', { class: 'row' });
  const act = (op, label, cls = 'secondary') =>
    el('button', { type: 'button', class: `${cls} small`, text: label, on: { click: () => jobAction(op, job.id) } });
  if (['running', 'waiting'].includes(job.state)) row.append(act('job.pause', i18n.t('button_pause')));
  if (['paused', 'stopped'].includes(job.state)) row.append(act('job.resume', i18n.t('button_resume'), 'primary'));
  if (!['done', 'cancelled'].includes(job.state)) row.append(act('job.cancel', i18n.t('button_cancel_job')));
  if (job.state === 'running')
    row.append(el('button', { type: 'button', class: 'secondary small', text: i18n.t('popup_show_page'), on: { click: () => send('sent.open') } }));
  box.append(row);
}

async function jobAction(op, jobId) {
  const res = await send(op, { jobId });
  if (res.error) showError($('job'), res);
  await refresh();
}

// ------------------------------------------------------------------ batches
function batchRow(b) {
  const c = b.counts;
  const status = el('span', { class: `chip ${b.status}`, text: i18n.t(`status_${b.status}`, { pending: c.pending, total: c.total }) });
  const whenLine = el('span', { class: 'when' }, document.createTextNode(when.format(new Date(b.createdAt))), status);
  if (b.verify?.result === 'mismatch') {
    const diffs = (b.verify.differences ?? []).map((d) => d.path ?? JSON.stringify(d)).join(', ');
    whenLine.append(
      el('span', { class: 'chip mismatch', title: diffs, text: i18n.t(b.verify.sameEngine ? 'popup_verify_mismatch' : 'popup_verify_other_engine') }),
    );
  }
  const li = el(
    'li',
    { class: 'batch', 'data-batch': b.id },
    el('span', { class: 'what', text: i18n.t('popup_batch_what', { count: b.count, surface: i18n.t(`surface_${b.surface}`) }) }),
    whenLine,
  );
  if (c.pending > 0) {
    li.append(
      el('button', {
        type: 'button',
        class: 'secondary small',
        text: i18n.t('popup_undo_batch'),
        'aria-label': i18n.t('popup_undo_batch_label', { count: b.count, when: when.format(new Date(b.createdAt)) }),
        on: { click: () => plan({ kind: 'batch', batchId: b.id }, i18n.t('popup_what_batch', { count: b.count, when: when.format(new Date(b.createdAt)) })) },
      }),
    );
  }
  return li;
}

function renderBatches(batches) {
  const list = $('batches');
  list.replaceChildren();
  if (!batches.length) list.append(el('li', { class: 'empty', text: i18n.t('popup_none') }));
  for (const b of batches) list.append(batchRow(b));
}

// ------------------------------------------------------------------ the plan
async function plan(selector, what, dryRun = false) {
  await discardPlan();
  const box = $('plan');
  box.hidden = false;
  box.replaceChildren(el('p', { class: 'muted', text: i18n.t('popup_planning') }));
  $('home').hidden = true;
  $('picker').hidden = true;
  const res = await send('withdraw.plan', { selector, dryRun }, 20000);
  box.replaceChildren();
  if (res.error) {
    showError(box, res);
    box.append(el('div', { class: 'row' }, el('button', { type: 'button', class: 'secondary small', text: i18n.t('button_close'), on: { click: closePlan } })));
    return;
  }
  planned = res.ok.job;
  renderPlan(planned, what);
}

function renderPlan(job, what) {
  const box = $('plan');
  const n = job.items.length;
  const p = job.plan;
  box.append(el('h2', { id: 'plan-title', text: n ? i18n.plural(job.dryRun ? 'popup_plan_title_dry' : 'popup_plan_title', n) : i18n.t('popup_plan_nothing') }));
  const facts = el('ul', { class: 'facts' }, el('li', {}, el('b', { text: i18n.t('popup_plan_what') }), document.createTextNode(` ${what}`)));
  if (n) {
    facts.append(
      el(
        'li',
        {},
        el('b', { text: i18n.t('popup_plan_how_long') }),
        document.createTextNode(
          ` ${i18n.t('popup_plan_duration', { duration: duration(p.durationSeconds), min: (p.paceMin / 1000).toLocaleString(i18n.lang), max: (p.paceMax / 1000).toLocaleString(i18n.lang) })}`,
        ),
      ),
    );
    if (p.days > 1)
      facts.append(
        el(
          'li',
          { class: 'days' },
          el('b', { text: i18n.t('popup_plan_days_label') }),
          document.createTextNode(
            ` ${i18n.t('popup_plan_days', { days: p.days, cap: p.dailyCap, finish: p.finishAt ? when.format(new Date(p.finishAt)) : '' })}`,
          ),
        ),
      );
    facts.append(el('li', {}, el('b', { text: i18n.t('popup_plan_order_label') }), document.createTextNode(` ${i18n.t('popup_plan_order')}`)));
  }
  box.append(facts);
  if (n)
    box.append(
      el('ul', { class: 'people', 'aria-label': i18n.t('popup_plan_people') }, ...job.items.map((it) => el('li', { text: it.name || it.key, title: it.key }))),
    );
  const skipped = p.skipped ?? [];
  if (skipped.length) {
    const by = new Map();
    for (const s of skipped) by.set(s.reason, (by.get(s.reason) ?? 0) + 1);
    box.append(
      el('p', {
        class: 'skipped',
        text: i18n.t('popup_plan_skipped', { count: skipped.length, reasons: [...by].map(([r, k]) => `${k} ${i18n.t(`skip_${r}`)}`).join('; ') }),
      }),
    );
  }
  if (job.server) box.append(el('p', { class: 'muted', text: i18n.t('popup_plan_server') }));
  else if (job.serverError) box.append(el('p', { class: 'muted', text: i18n.t('popup_plan_server_down', { error: job.serverError }) }));
  const row = el(
    'div',
    { class: 'row' },
    el('button', { type: 'button', class: 'secondary small', text: i18n.t('button_cancel_job'), on: { click: closePlan } }),
  );
  if (n && !job.dryRun)
    row.append(el('button', { type: 'button', class: 'secondary small', text: i18n.t('popup_dry_run'), on: { click: () => plan(job.selector, what, true) } }));
  if (n)
    row.append(
      el('button', {
        type: 'button',
        class: 'primary small',
        id: 'start',
        text: job.dryRun ? i18n.t('popup_start_dry') : i18n.plural('popup_start', n),
        on: { click: startPlan },
      }),
    );
  box.append(row);
}

async function startPlan() {
  const btn = $('start');
  btn.disabled = true;
  const res = await send('withdraw.start', { jobId: planned.id }, 20000);
  if (res.error) {
    btn.disabled = false;
    showError($('plan'), res);
    return;
  }
  planned = null;
  closePlan();
}

async function discardPlan() {
  if (planned) await send('job.cancel', { jobId: planned.id });
  planned = null;
}

async function closePlan() {
  await discardPlan();
  $('plan').hidden = true;
  $('plan').replaceChildren();
  $('home').hidden = false;
  await refresh();
}

// ------------------------------------------------------------------ other selections
async function openPicker() {
  const box = $('picker');
  $('home').hidden = true;
  box.hidden = false;
  const pending = (await send('invitations.pending', { limit: 200 })).ok?.invitations ?? [];
  const radio = (value, label, checked = false) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'kind', value, checked }), document.createTextNode(label));
  const days = el('input', { type: 'number', id: 'days', min: '1', max: '3650', value: '21' });
  const from = el('input', { type: 'date', id: 'from' });
  const to = el('input', { type: 'date', id: 'to', value: new Date().toISOString().slice(0, 10) });
  const keys = el(
    'div',
    { class: 'keys' },
    ...pending.map((inv) =>
      el(
        'label',
        {},
        el('input', { type: 'checkbox', value: inv.key }),
        document.createTextNode(`${inv.name || inv.key} · ${when.format(new Date(inv.sentAt))}`),
      ),
    ),
  );
  if (!pending.length) keys.append(el('span', { class: 'muted', text: i18n.t('popup_pick_none') }));
  box.replaceChildren(
    el('h2', { text: i18n.t('popup_sel_title') }),
    el('fieldset', {}, radio('older_than', i18n.t('popup_sel_older'), true), el('label', { for: 'days', text: i18n.t('popup_sel_days') }), days),
    el(
      'fieldset',
      {},
      radio('range', i18n.t('popup_sel_range')),
      el('label', { for: 'from', text: i18n.t('popup_sel_from') }),
      from,
      el('label', { for: 'to', text: i18n.t('popup_sel_to') }),
      to,
    ),
    el('fieldset', {}, radio('non_members', i18n.t('popup_sel_non_members'))),
    el('fieldset', {}, radio('keys', i18n.t('popup_sel_keys')), keys),
    el(
      'div',
      { class: 'row' },
      el('button', {
        type: 'button',
        class: 'secondary small',
        text: i18n.t('button_cancel_job'),
        on: {
          click: () => {
            box.hidden = true;
            $('home').hidden = false;
          },
        },
      }),
      el('button', { type: 'button', class: 'primary small', text: i18n.t('popup_sel_plan'), on: { click: planPicked } }),
    ),
  );
  async function planPicked() {
    const kind = box.querySelector('input[name="kind"]:checked').value;
    let sel;
    let what;
    if (kind === 'older_than') {
      sel = { kind, days: Number(days.value) };
      what = i18n.t('popup_what_older', { days: Number(days.value) });
    } else if (kind === 'range') {
      if (!from.value || !to.value) return box.append(el('p', { class: 'error', role: 'alert', text: i18n.t('popup_sel_range_missing') }));
      sel = { kind, from: new Date(`${from.value}T00:00:00`).toISOString(), to: new Date(`${to.value}T23:59:59.999`).toISOString() };
      what = i18n.t('popup_what_range', { from: from.value, to: to.value });
    } else if (kind === 'non_members') {
      sel = { kind };
      what = i18n.t('popup_sel_non_members');
    } else {
      const picked = [...keys.querySelectorAll('input:checked')].map((c) => c.value);
      if (!picked.length) return box.append(el('p', { class: 'error', role: 'alert', text: i18n.t('popup_sel_keys_missing') }));
      sel = { kind, keys: picked };
      what = i18n.plural('popup_what_keys', picked.length);
    }
    await plan(sel, what);
  }
}

// ------------------------------------------------------------------ refresh
async function refresh() {
  const res = await send('batches.list', { limit: 10 });
  if (res.error) return;
  renderBatches(res.ok.batches);
  await renderOffers($('bursts'));
  renderJob(
    res.ok.active ??
      (await send('job.list', { limit: 1 })).ok?.jobs?.find((j) => Date.now() - Date.parse(j.updatedAt) < 10 * 60_000 && j.state === 'done') ??
      null,
  );
  const scans = (await send('scan.list', { limit: 1 })).ok?.scans ?? [];
  $('scaninfo').textContent = scans.length
    ? i18n.t('popup_last_scan', { when: when.format(new Date(scans[0].finishedAt)), seen: scans[0].seen, imported: scans[0].imported })
    : '';
  clearTimeout(pollTimer);
  if (res.ok.active) pollTimer = setTimeout(refresh, 700);
}

async function start() {
  translatePage();
  const state = $('state');
  const info = await send('engine.info');
  const ok = !!info.ok?.engineId && !info.ok?.lastError;
  state.textContent = ok ? i18n.t('popup_engine_ok') : i18n.t('popup_engine_error');
  state.classList.toggle('error', !ok);
  $('options').addEventListener('click', () => api.runtime.openOptionsPage());
  $('scan').addEventListener('click', async () => {
    const res = await send('scan.start');
    $('scaninfo').textContent = res.error ? res.error.message : i18n.t('popup_scan_started');
  });
  $('more').addEventListener('click', openPicker);
  // "Invite Guard did not recognise this screen": the report opens in the page, the popup closes.
  $('report').addEventListener('click', async () => {
    const res = await send('report.open');
    if (res.error) $('scaninfo').textContent = res.error.code === 'no_page' ? i18n.t('popup_report_no_page') : res.error.message;
    else window.close();
  });
  window.addEventListener('pagehide', () => {
    if (planned) send('job.cancel', { jobId: planned.id });
  });
  await refresh();
}

start();
