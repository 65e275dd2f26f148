// Issue 12's pure parts: the reminder's rule (once a day, after the policy's days, snoozed a week), how a
// burst is dated and said in English and German, what the review may withdraw, and when a re-scanned burst
// is offered again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, DEFAULT_DAYS } from '../../background/reminder.js';
import { isNew, reviewRows } from '../../background/bursts.js';
import { burstDay, formatDay, offerText } from '../../shared/burst-text.js';
import { createI18n } from '../../shared/i18n.js';
import en from '../../_locales/en/messages.json' with { type: 'json' };
import de from '../../_locales/de/messages.json' with { type: 'json' };

const DAY = 86_400_000;
const NOW = new Date('2026-12-04T17:00:00Z');
const ago = (days) => new Date(NOW.getTime() - days * DAY).toISOString();
const i18nOf = (msgs, lang) => createI18n((k) => msgs[k]?.message ?? '', lang);

test('the reminder: due after the policy’s days without a whole-list scan, at most once a day, not while snoozed or busy', () => {
  const cases = {
    'scan 8 days ago': [{ lastWholeScan: ago(8) }, { show: true, reason: 'scan_old', days: 7 }],
    'scan 6 days ago': [{ lastWholeScan: ago(6) }, { show: false, reason: 'recent_scan' }],
    'scan exactly 7 days ago': [{ lastWholeScan: ago(7) }, { show: true, reason: 'scan_old', days: 7 }],
    'policy 14 days, scan 8 days ago': [
      { lastWholeScan: ago(8), reminderDays: 14 },
      { show: false, reason: 'recent_scan' },
    ],
    'policy 0 is the default': [
      { lastWholeScan: ago(DEFAULT_DAYS), reminderDays: 0 },
      { show: true, reason: 'scan_old', days: 7 },
    ],
    'shown 23 hours ago': [
      { lastWholeScan: ago(8), state: { shownAt: ago(23 / 24) } },
      { show: false, reason: 'shown_today' },
    ],
    'shown 25 hours ago': [
      { lastWholeScan: ago(8), state: { shownAt: ago(25 / 24) } },
      { show: true, reason: 'scan_old', days: 7 },
    ],
    'snoozed until tomorrow': [
      { lastWholeScan: ago(30), state: { snoozedUntil: ago(-1) } },
      { show: false, reason: 'snoozed' },
    ],
    'snooze over': [
      { lastWholeScan: ago(30), state: { snoozedUntil: ago(0.01) } },
      { show: true, reason: 'scan_old', days: 7 },
    ],
    'a scan is running': [
      { lastWholeScan: ago(30), busy: 'scan' },
      { show: false, reason: 'scan' },
    ],
    'never scanned, first seen today': [{ state: { firstSeenAt: ago(0) } }, { show: false, reason: 'new' }],
    'never scanned, first seen 7 days ago': [{ state: { firstSeenAt: ago(7) } }, { show: true, reason: 'never_scanned', days: 7 }],
  };
  for (const [name, [input, want]] of Object.entries(cases)) {
    const got = decide({ now: NOW, state: {}, lastWholeScan: null, reminderDays: 7, busy: '', ...input });
    assert.deepEqual(got, want, name);
  }
});

test('a burst is dated by the day the Sent list meant ("today" read at 08:00 and at 17:00 is that day), in the UI language', () => {
  const today = (at) => ({ from: new Date(Date.parse(at) - DAY).toISOString(), to: at, resolution: 'day' });
  assert.equal(burstDay(today('2026-12-04T17:00:00Z')).toISOString().slice(0, 10), '2026-12-04');
  assert.equal(burstDay(today('2026-12-04T08:00:00Z')).toISOString().slice(0, 10), '2026-12-04');
  // "Sent 2 days ago" read on 4 Dec at 17:00: [1 Dec 17:00, 2 Dec 12:00 or later] → 2 Dec.
  assert.equal(burstDay({ from: '2026-12-01T17:00:00Z', to: '2026-12-03T05:00:00Z', resolution: 'day' }).toISOString().slice(0, 10), '2026-12-02');
  // Hours: dated by the end of the range.
  assert.equal(burstDay({ from: '2026-12-04T13:00:00Z', to: '2026-12-04T14:30:00Z', resolution: 'hour' }).toISOString().slice(0, 10), '2026-12-04');
  const day = new Date('2026-12-04T12:00:00Z');
  assert.equal(formatDay(day, 'en-US'), 'Dec 4');
  assert.equal(formatDay(day, 'en-GB'), '4 Dec');
  assert.equal(formatDay(day, 'de'), '4. Dez.');
});

test('the offer says how many, which day and the usual pace, in English and German', () => {
  const offer = { id: 'burst:1', from: '2026-12-03T17:00:00Z', to: '2026-12-04T17:00:00Z', resolution: 'day', count: 58, usualPerDay: 3 };
  assert.equal(offerText(offer, i18nOf(en, 'en-US'), 'en-US'), '58 invitations went out on Dec 4 that Invite Guard did not see (you usually send 3 a day).');
  assert.equal(offerText(offer, i18nOf(en, 'en-GB'), 'en-GB'), '58 invitations went out on 4 Dec that Invite Guard did not see (you usually send 3 a day).');
  assert.equal(
    offerText(offer, i18nOf(de, 'de'), 'de'),
    'Am 4. Dez. gingen 58 Einladungen hinaus, die Invite Guard nicht gesehen hat (üblich sind bei Ihnen 3 am Tag).',
  );
  assert.equal(
    offerText({ ...offer, usualPerDay: 2.457 }, i18nOf(de, 'de'), 'de'),
    'Am 4. Dez. gingen 58 Einladungen hinaus, die Invite Guard nicht gesehen hat (üblich sind bei Ihnen 2,5 am Tag).',
  );
  assert.equal(
    offerText({ ...offer, usualPerDay: 0.25 }, i18nOf(en, 'en-US'), 'en-US'),
    '58 invitations went out on Dec 4 that Invite Guard did not see (you usually send almost none).',
  );
});

test('the review withdraws only invitations still sent; accepted, gone and withdrawn ones are shown, not withdrawable', () => {
  const burst = { ids: ['a', 'b', 'c', 'd', 'e'], keys: ['ka', 'kb', 'kc', 'kd', 'ke'] };
  const byId = new Map([
    ['a', { id: 'a', key: 'ka', name: 'Dr. Elena Costa', state: 'sent' }],
    ['b', { id: 'b', key: 'kb', name: 'Priya Raman (she/her)', state: 'accepted' }],
    ['c', { id: 'c', key: 'kc', name: '王芳', state: 'gone' }],
    ['d', { id: 'd', key: 'kd', name: "Liam O'Brien", state: 'withdrawn' }],
  ]);
  const rows = reviewRows(burst, byId);
  assert.deepEqual(
    rows.map((r) => [r.name, r.state, r.withdrawable]),
    [
      ['Dr. Elena Costa', 'sent', true],
      ['Priya Raman (she/her)', 'accepted', false],
      ['王芳', 'gone', false],
      ["Liam O'Brien", 'withdrawn', false],
      ['', 'unknown', false],
    ],
  );
  assert.equal(rows[4].key, 'ke', 'a member missing from the history keeps its key');
});

test('a re-scanned burst is offered again only for pending members nobody reviewed', () => {
  const burst = { ids: ['a', 'b', 'c'] };
  const states = { a: 'withdrawn', b: 'sent', c: 'sent' };
  const stateOf = (id) => states[id];
  assert.equal(isNew(burst, undefined, stateOf), true, 'never reviewed');
  assert.equal(isNew(burst, { ids: ['a', 'b', 'c'] }, stateOf), false, 'reviewed: the unchecked stay unoffered');
  assert.equal(
    isNew({ ids: ['a', 'b', 'c', 'd'] }, { ids: ['a', 'b', 'c'] }, (id) => (id === 'd' ? 'sent' : states[id])),
    true,
    'a straggler joined',
  );
  assert.equal(
    isNew({ ids: ['a', 'd'] }, { ids: ['a'] }, (id) => (id === 'd' ? 'accepted' : 'withdrawn')),
    false,
    'nothing left to withdraw',
  );
});
