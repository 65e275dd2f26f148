// Options: sync with the user's own Invite Guard server (opt-in). The server's origin is asked for as an
// optional host permission on Save (a user gesture); "Test connection" calls GET /v1/me with the token.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { el } from '../shared/el.js';
import { say } from './ui-util.js';
import { renderRejected } from './sync-rejected.js';

const api = globalThis.browser ?? globalThis.chrome;

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * hostPattern is the match pattern for an origin's host, without its port: a pattern with a port is not
 * within the manifest's optional "http://127.0.0.1/*" for Firefox (it refuses the request), and a pattern
 * without one covers every port in both browsers.
 */
function hostPattern(origin) {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

/** requestOrigin asks for the server's host (optional host permission), at once, inside the click's user
 * gesture; resolves false when refused or unavailable. A prompt may stay open: callers never wait for it. */
function requestOrigin(origin) {
  if (!api?.permissions || !origin) return Promise.resolve(false);
  try {
    return Promise.resolve(api.permissions.request({ origins: [hostPattern(origin)] })).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** renderSync builds the sync section. */
export async function renderSync(root) {
  const cur = (await send('sync.get')).ok ?? { enabled: false, url: '', hasToken: false };
  const enabled = el('input', { type: 'checkbox', id: 'sync-enabled', checked: cur.enabled });
  const url = el('input', {
    type: 'url',
    id: 'sync-url',
    placeholder: 'https://inviteguard.example.com',
    value: cur.url,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const token = el('input', { type: 'password', id: 'sync-token', placeholder: cur.hasToken ? i18n.t('sync_token_kept') : 'igt_…', autocomplete: 'off' });
  const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const queue = el('p', { class: 'help', id: 'sync-queue' });
  const tokenValue = () => (token.value.trim() ? token.value.trim() : undefined);
  // The saved token is only ever sent to the origin it was saved with: another URL needs it typed again.
  let stored = { url: cur.url, hasToken: cur.hasToken };
  const tokenHint = () => {
    token.placeholder = stored.hasToken && originOf(url.value.trim()) === stored.url ? i18n.t('sync_token_kept') : 'igt_…';
  };
  url.addEventListener('input', tokenHint);

  const rejected = el('div', { id: 'sync-rejected' });
  async function showQueue(withRejected = true) {
    const s = (await send('sync.get')).ok;
    if (!s) return;
    if (!s.enabled) queue.textContent = i18n.t('sync_off');
    else if (s.queued || s.failed) queue.textContent = i18n.t('sync_queue', { queued: s.queued, failed: s.failed, error: s.lastError || '—' });
    else queue.textContent = i18n.t('sync_all_sent');
    if (withRejected) await renderRejected(rejected, () => showQueue(false));
  }

  const test = el('button', { type: 'button', class: 'secondary', text: i18n.t('sync_test') });
  test.addEventListener('click', async () => {
    say(status, i18n.t('sync_testing'), true);
    const res = await send('sync.test', { url: url.value, token: tokenValue() }, 20000);
    if (res.error) return say(status, res.error.message, false);
    if (!res.ok.ok) return say(status, i18n.t('sync_test_failed', { error: res.ok.error }), false);
    say(status, i18n.t(res.ok.sameEngine ? 'sync_test_ok' : 'sync_test_ok_other', { user: res.ok.user }), true);
  });
  const save = el('button', { type: 'button', class: 'primary', text: i18n.t('sync_save') });
  save.addEventListener('click', async () => {
    const origin = originOf(url.value.trim());
    const permission = enabled.checked ? requestOrigin(origin) : Promise.resolve(true);
    const res = await send('sync.configure', { enabled: enabled.checked, url: url.value, token: tokenValue() }, 20000);
    if (res.error) return say(status, i18n.t('options_invalid', { message: res.error.message }), false);
    token.value = '';
    stored = { url: res.ok.url, hasToken: res.ok.hasToken };
    tokenHint();
    const saved = res.ok.enabled ? i18n.t('sync_saved_on', { queued: res.ok.queued }) : i18n.t('sync_saved_off');
    say(status, saved, true);
    showQueue();
    permission.then((granted) => {
      if (!granted && status.textContent === saved) say(status, `${saved} ${i18n.t('sync_no_permission', { origin })}`, true);
    });
  });
  const flush = el('button', { type: 'button', class: 'secondary', text: i18n.t('sync_send_now') });
  flush.addEventListener('click', async () => {
    await send('sync.flush', { force: true }, 60000);
    showQueue();
  });

  root.append(
    el(
      'section',
      { id: 'sync', 'aria-labelledby': 'sync-title' },
      el('h2', { id: 'sync-title', text: i18n.t('sync_title') }),
      el('p', { class: 'help', text: i18n.t('sync_intro') }),
      el('div', { class: 'field check' }, el('label', { for: 'sync-enabled', text: i18n.t('sync_enabled') }), enabled),
      el('div', { class: 'field wide' }, el('label', { for: 'sync-url', text: i18n.t('sync_url') }), url),
      el(
        'div',
        { class: 'field wide' },
        el('label', { for: 'sync-token', text: i18n.t('sync_token') }),
        token,
        el('div', { class: 'help', text: i18n.t('sync_token_help') }),
      ),
      queue,
      el('div', { class: 'inline-actions' }, test, save, flush, status),
      rejected,
    ),
  );
  await showQueue();
}
