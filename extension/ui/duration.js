// How long something takes, as the popup and the review page say it.

import { i18n } from '../shared/i18n.js';

/** duration renders seconds as "45 s", "3 min", "2 h". */
export function duration(s) {
  if (s < 90) return i18n.t('dur_seconds', { n: Math.max(1, Math.round(s)) });
  if (s < 5400) return i18n.t('dur_minutes', { n: Math.round(s / 60) });
  return i18n.t('dur_hours', { n: Math.round(s / 360) / 10 });
}
