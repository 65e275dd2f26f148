// Options, sync section: the requests the user's server refused for good (it answered 4xx: the outbox keeps
// them as failed). Each is listed with what it was, the server's message, and Retry (queued again and sent
// at once) or Discard (deleted here, never sent).

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { el } from '../shared/el.js';
import { say } from './ui-util.js';

/** whatOf names a refused request for people: "Batch of 3 invitations". */
function whatOf(item) {
  return i18n.t(`sync_kind_${item.kind}`, { count: item.count ?? 0 });
}

/**
 * renderRejected fills box with the refused requests (nothing when there are none) and a status line
 * saying `said`; after a Retry or a Discard it renders again with how it went and calls changed(), so the
 * section's counts follow.
 */
export async function renderRejected(box, changed = () => {}, said = '') {
  const res = await send('sync.rejected');
  const items = res.ok?.items ?? [];
  const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const act = (op, item, done) => async () => {
    const out = await send(op, { seq: item.seq }, 60000);
    if (out.error) return say(status, out.error.message, false);
    await renderRejected(box, changed, done(out.ok));
    changed();
  };
  const rows = items.map((item) => {
    const retry = el('button', { type: 'button', class: 'secondary', text: i18n.t('sync_retry'), 'aria-label': `${i18n.t('sync_retry')}: ${whatOf(item)}` });
    const discard = el('button', {
      type: 'button',
      class: 'secondary',
      text: i18n.t('sync_discard'),
      'aria-label': `${i18n.t('sync_discard')}: ${whatOf(item)}`,
    });
    retry.addEventListener(
      'click',
      act('sync.retry', item, (ok) => i18n.t(`sync_retried_${ok.outcome}`, { error: ok.error || '—' })),
    );
    discard.addEventListener(
      'click',
      act('sync.discard', item, () => i18n.t('sync_discarded')),
    );
    const when = new Date(item.lastTriedAt ?? item.createdAt).toLocaleString(i18n.lang);
    return el(
      'li',
      { class: 'rejected' },
      el('span', { class: 'what', text: whatOf(item) }),
      el('span', { class: 'why help', text: i18n.t('sync_rejected_why', { error: item.error || '—', when }) }),
      el('span', { class: 'actions' }, retry, discard),
    );
  });
  box.replaceChildren(
    ...(items.length
      ? [
          el('h3', { id: 'sync-rejected-title', text: i18n.t('sync_rejected_title', { count: items.length }) }),
          el('p', { class: 'help', text: i18n.t('sync_rejected_help') }),
          el('ul', { class: 'rejected-list', 'aria-labelledby': 'sync-rejected-title' }, ...rows),
        ]
      : []),
    status,
  );
  if (said) say(status, said, true);
}
