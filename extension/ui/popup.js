// The popup: whether protection is on, and the recent batches (issue 5 adds "Undo this batch" here).

import { i18n } from '../content/i18n.js';
import { send } from '../content/messaging.js';
import { translatePage } from './common.js';

const api = globalThis.browser ?? globalThis.chrome;

async function start() {
  translatePage();
  const state = document.getElementById('state');
  const info = await send('engine.info');
  const ok = !!info.ok?.engineId && !info.ok?.lastError;
  state.textContent = ok ? i18n.t('popup_engine_ok') : i18n.t('popup_engine_error');
  state.classList.toggle('error', !ok);
  const list = document.getElementById('batches');
  const res = await send('history.batches', { limit: 10 });
  const batches = res.ok?.batches ?? [];
  if (!batches.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = i18n.t('popup_none');
    list.append(li);
  }
  const when = new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'medium', timeStyle: 'short' });
  for (const b of batches) {
    const li = document.createElement('li');
    li.textContent = i18n.t('popup_batch', { count: b.count, surface: i18n.t(`surface_${b.surface}`), when: when.format(new Date(b.createdAt)) });
    list.append(li);
  }
  document.getElementById('options').addEventListener('click', () => api.runtime.openOptionsPage());
}

start();
