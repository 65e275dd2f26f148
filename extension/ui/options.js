// The options page: the policy, edited here and validated by the core (validate_policy) in the worker.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { say as show, translatePage } from './ui-util.js';
import './options-sections.js'; // sync, taught buttons, backup, advisor: in this same bundle

/** SECTIONS groups the policy's fields (core.Policy) as the page shows them. */
export const SECTIONS = [
  ['options_section_confirm', ['clickAbove', 'typeAbove', 'blockAbove', 'undoSeconds']],
  ['options_section_budget', ['weeklyBudgetLinkedIn', 'weeklyBudgetXing', 'cooldownDays', 'reinviteLockDays', 'targetRepeatDays']],
  ['options_section_velocity', ['rapidConnectCount', 'rapidConnectWindowSeconds']],
  ['options_section_withdraw', ['withdrawDailyCap', 'withdrawPaceMinMs', 'withdrawPaceMaxMs']],
  ['options_section_bursts', ['burstMinCount', 'burstFactor', 'burstReminderDays']],
];

const form = document.getElementById('policy');
const status = document.getElementById('status');
let defaults = null;
let saved = null;

const say = (text, ok) => show(status, text, ok);

function field(name) {
  return form.querySelector(`[data-field="${name}"]`);
}

function render() {
  const root = document.getElementById('sections');
  root.replaceChildren();
  for (const [title, fields] of SECTIONS) {
    const sec = document.createElement('section');
    const h = document.createElement('h2');
    h.textContent = i18n.t(title);
    sec.append(h);
    for (const name of fields) {
      const div = document.createElement('div');
      div.className = 'field';
      div.dataset.field = name;
      const id = `f-${name}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = i18n.t(`policy_${name}`);
      const input = document.createElement('input');
      input.id = id;
      input.name = name;
      input.type = 'text'; // validated here and by the core, with messages people can read
      input.inputMode = 'numeric';
      input.setAttribute('aria-describedby', `${id}-help ${id}-def`);
      const help = document.createElement('div');
      help.className = 'help';
      help.id = `${id}-help`;
      help.textContent = i18n.t(`policy_${name}_help`);
      const def = document.createElement('div');
      def.className = 'default';
      def.id = `${id}-def`;
      def.textContent = defaults ? i18n.t('options_default', { value: defaults[name] }) : '';
      input.addEventListener('input', () => {
        div.classList.toggle('changed', saved && String(saved[name]) !== input.value);
        div.classList.remove('invalid');
      });
      div.append(label, input, help, def);
      sec.append(div);
    }
    root.append(sec);
  }
}

function fill(policy) {
  saved = policy;
  for (const [name, value] of Object.entries(policy)) {
    const div = field(name);
    if (!div) continue;
    div.querySelector('input').value = String(value);
    div.classList.remove('changed', 'invalid');
  }
}

function read() {
  const policy = { ...saved };
  for (const input of form.querySelectorAll('input')) {
    const v = input.value.trim();
    if (!/^-?\d+$/.test(v)) return { error: input.name };
    policy[input.name] = Number(v);
  }
  return { policy };
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const { policy, error } = read();
  if (error) {
    field(error).classList.add('invalid');
    say(i18n.t('options_not_number', { field: i18n.t(`policy_${error}`) }), false);
    return;
  }
  const res = await send('policy.set', { policy });
  if (res.error) {
    const name = /policy\.(\w+)/.exec(res.error.message)?.[1];
    if (name && field(name)) field(name).classList.add('invalid');
    say(i18n.t('options_invalid', { message: res.error.message }), false);
    return;
  }
  fill(res.ok.policy);
  say(i18n.t('options_saved'), true);
});

document.getElementById('reset').addEventListener('click', async () => {
  const res = await send('policy.reset');
  if (res.error) return say(i18n.t('options_invalid', { message: res.error.message }), false);
  fill(res.ok.policy);
  say(i18n.t('options_reset_done'), true);
});

async function start() {
  translatePage();
  document.title = i18n.t('options_title');
  const res = await send('policy.get');
  if (res.ok) defaults = res.ok.defaults;
  render();
  if (res.ok) fill(res.ok.policy);
  else say(i18n.t('options_engine_error', { error: res.error.message }), false);
  const info = await send('engine.info');
  const engine = document.getElementById('engine');
  if (info.ok?.engineId) engine.textContent = i18n.t('options_engine', { version: info.ok.version?.core ?? '?', id: info.ok.engineId });
  else engine.textContent = i18n.t('options_engine_error', { error: info.ok?.lastError ?? info.error?.message ?? '?' });
}

start();
