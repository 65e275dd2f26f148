// The scan reminder (issue 12): while the user is on LinkedIn, at most once a day and only when the last
// scan of the whole Sent list is older than the policy's burstReminderDays (0 = 7), a small note offers
// "Check your sent invitations". "Not now" snoozes it a week. The worker's clock decides every "day" and
// "week" (content scripts never send a time); the note itself is content/reminder.js.

import { DAY_MS } from './idb.js';

/** SETTING keeps { firstSeenAt, shownAt, snoozedUntil, checkedAt, answer (the last one, for tests and support) }. */
export const SETTING = 'reminder';
/** DEFAULT_DAYS mirrors core.DefaultBurstReminderDays (a policy's 0). */
export const DEFAULT_DAYS = 7;
/** SNOOZE_DAYS: "Not now" waits this long. */
export const SNOOZE_DAYS = 7;

/**
 * decide is the reminder's rule, pure: show when no scan, job or snooze is in the way, the note was not
 * shown within the last day and the last whole-list scan (ISO or null) is older than the reminder. Without
 * any scan, the days count from the first time a LinkedIn page asked (state.firstSeenAt): a new user is
 * not asked on their first day, and is asked once the reminder's days have passed.
 * Returns { show, reason } (and the reminder's days when it shows).
 */
export function decide({ now, state, lastWholeScan, reminderDays, busy }) {
  const t = now.getTime();
  const days = reminderDays || DEFAULT_DAYS;
  if (busy) return { show: false, reason: busy };
  if (state.snoozedUntil && t < Date.parse(state.snoozedUntil)) return { show: false, reason: 'snoozed' };
  if (state.shownAt && t - Date.parse(state.shownAt) < DAY_MS) return { show: false, reason: 'shown_today' };
  if (lastWholeScan && t - Date.parse(lastWholeScan) < days * DAY_MS) return { show: false, reason: 'recent_scan' };
  if (!lastWholeScan && (!state.firstSeenAt || t - Date.parse(state.firstSeenAt) < days * DAY_MS)) return { show: false, reason: 'new' };
  return { show: true, reason: lastWholeScan ? 'scan_old' : 'never_scanned', days };
}

/**
 * createReminder returns the reminder's operations. deps: { history (settings), policy(), lastWholeScan() →
 * ISO or null, busy() → '' or why not now ('scan', 'job'), startScan() (what "Check now" does), now }.
 */
export function createReminder({ history, policy, lastWholeScan, busy, startScan, now = () => new Date() }) {
  const load = async () => ({ shownAt: null, snoozedUntil: null, ...((await history.getSetting(SETTING)) ?? {}) });
  const save = (st) => history.putSetting(SETTING, st);

  /** check answers whether a LinkedIn page should show the note now (it changes nothing but the log). */
  async function check() {
    const st = await load();
    const at = now();
    st.firstSeenAt ??= at.toISOString();
    const answer = decide({ now: at, state: st, lastWholeScan: await lastWholeScan(), reminderDays: (await policy()).burstReminderDays, busy: await busy() });
    st.checkedAt = at.toISOString();
    st.answer = answer;
    await save(st);
    return answer;
  }

  /** shown is said when a page really shows the note: only the first page of the day may (first: false → hide). */
  async function shown() {
    const st = await load();
    const at = now();
    if (st.shownAt && at - Date.parse(st.shownAt) < DAY_MS) return { first: false };
    st.shownAt = at.toISOString();
    await save(st);
    return { first: true };
  }

  /** snooze is "Not now": no note for SNOOZE_DAYS days. */
  async function snooze() {
    const st = await load();
    st.snoozedUntil = new Date(now().getTime() + SNOOZE_DAYS * DAY_MS).toISOString();
    await save(st);
    return { snoozedUntil: st.snoozedUntil };
  }

  /** accept is "Check now": the scan of the whole list starts (the Sent list opens). */
  async function accept() {
    const out = await startScan();
    const st = await load();
    st.acceptedAt = now().toISOString();
    await save(st);
    return out;
  }

  return { check, shown, snooze, accept };
}
