// Options: the settings advisor — where LinkedIn's "who can send you invitations" and XING's notification
// settings are, and a short checklist of what each choice means. Links open the site; nothing is fetched.

import { i18n } from '../shared/i18n.js';
import { el } from '../shared/el.js';
import { SETTINGS } from '../sites/index.js';

export const LINKS = {
  linkedinInvitations: SETTINGS.linkedin.invitations,
  linkedinSynced: SETTINGS.linkedin.synced,
  xingNotifications: SETTINGS.xing.notifications,
};

function checklist(keys) {
  return el('ul', { class: 'checklist' }, ...keys.map((k) => el('li', { text: i18n.t(k) })));
}

/** renderAdvisor builds the advisor section. */
export function renderAdvisor(root) {
  const link = (href, key) => el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: i18n.t(key) });
  root.append(
    el(
      'section',
      { id: 'advisor', 'aria-labelledby': 'advisor-title' },
      el('h2', { id: 'advisor-title', text: i18n.t('advisor_title') }),
      el('p', { class: 'help', text: i18n.t('advisor_intro') }),
      el('h3', { text: 'LinkedIn' }),
      el('p', {}, link(LINKS.linkedinInvitations, 'advisor_li_link'), document.createTextNode(` — ${i18n.t('advisor_li_path')}`)),
      checklist(['advisor_li_anyone', 'advisor_li_email', 'advisor_li_imported', 'advisor_li_blocked']),
      el('p', {}, link(LINKS.linkedinSynced, 'advisor_li_sync_link'), document.createTextNode(` — ${i18n.t('advisor_li_sync')}`)),
      el('h3', { text: 'XING' }),
      el('p', {}, link(LINKS.xingNotifications, 'advisor_xing_link'), document.createTextNode(` — ${i18n.t('advisor_xing_path')}`)),
      checklist(['advisor_xing_requests', 'advisor_xing_messages', 'advisor_xing_groups']),
    ),
  );
}
