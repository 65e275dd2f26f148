// Options: the buttons the user taught Invite Guard to hold (issue 9), each with "Remove".

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { el } from '../shared/el.js';
import { say } from './ui-util.js';

const api = globalThis.browser ?? globalThis.chrome;

/** ruleItem renders one taught button: its role and name shape, where it applies, when it was taught. */
function ruleItem(rule, onRemove) {
  const where = `${rule.host}${rule.path}`;
  return el(
    'li',
    { class: 'taught', 'data-rule': rule.id },
    el('div', { class: 'what' }, el('span', { class: 'role', text: i18n.t(`taught_role_${rule.role}`) }), el('code', { class: 'shape', text: rule.name })),
    el('div', { class: 'where help', text: `${where} · ${i18n.t('taught_since', { date: i18n.date(rule.createdAt) })}` }),
    el('button', {
      type: 'button',
      class: 'secondary small',
      text: i18n.t('taught_remove'),
      'aria-label': i18n.t('taught_remove_label', { shape: rule.name, where }),
      on: { click: () => onRemove(rule) },
    }),
  );
}

/** renderTaught builds the section and keeps it current. */
export async function renderTaught(root) {
  const list = el('ul', { class: 'taught-list', 'aria-labelledby': 'taught-title' });
  const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(
    el(
      'section',
      { id: 'taught', 'aria-labelledby': 'taught-title' },
      el('h2', { id: 'taught-title', text: i18n.t('taught_title') }),
      el('p', { class: 'help', text: i18n.t('taught_intro') }),
      list,
      status,
    ),
  );

  async function remove(rule) {
    const res = await send('rules.remove', { id: rule.id });
    if (res.error) say(status, res.error.message, false);
    else say(status, i18n.t('taught_removed', { shape: rule.name }), true);
    await refresh();
  }

  async function refresh() {
    const res = await send('rules.list');
    if (res.error) return say(status, res.error.message, false);
    list.replaceChildren(...res.ok.rules.map((r) => ruleItem(r, remove)));
    if (!res.ok.rules.length) list.append(el('li', { class: 'empty help', text: i18n.t('taught_none') }));
  }

  // A button taught in a tab, or a backup imported, while the options are open.
  api?.runtime?.onMessage?.addListener((msg) => {
    if (msg?.op === 'rules.changed') refresh();
    return false;
  });
  await refresh();
  return { refresh };
}
