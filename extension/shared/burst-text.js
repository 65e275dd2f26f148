// How a burst (core.Burst, background/bursts.js offerOf) is said to the user, the same in the popup, the
// review page and the Sent page's overlay: "58 invitations went out on Dec 4 that Invite Guard did not see
// (you usually send 3 a day)", the date in the browser's UI language.

const api = globalThis.browser ?? globalThis.chrome;
const DAY_MS = 86_400_000;

/** uiLocale is the browser's UI language (en-US, de, …): dates are written as the user reads them. */
export function uiLocale() {
  try {
    return api?.i18n?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * burstDay is the calendar day a burst went out on, as the Sent list meant it. For a day-resolution burst
 * the core's range of "Sent today" / "yesterday" / "n days ago" read at time T starts exactly one day
 * before T − n days (core.ParseAge: Earliest = Now − (n+1) days), so the day is From + 1 day; an
 * hour-resolution burst is dated by its end.
 */
export function burstDay(burst) {
  if (burst.resolution === 'hour') return new Date(burst.to);
  return new Date(Date.parse(burst.from) + DAY_MS);
}

/** formatDay writes a day short, in the locale: "Dec 4" (en-US), "4 Dec" (en-GB), "4. Dez." (de). */
export function formatDay(date, locale = uiLocale()) {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
}

/** offerText is the offer's sentence for one burst. */
export function offerText(offer, i18n, locale = uiLocale()) {
  const day = formatDay(burstDay(offer), locale);
  const usual = Math.round(offer.usualPerDay * 10) / 10;
  if (usual < 0.5) return i18n.t('burst_offer_rare', { count: offer.count, day });
  return i18n.t('burst_offer', { count: offer.count, day, usual: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(usual) });
}
