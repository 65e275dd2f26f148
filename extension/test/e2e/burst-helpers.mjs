// Helpers of the burst e2e test and the burst bench: the Sent list of issue 12's "Done when" (any length)
// and the worker's clock moved back and forth (days and weeks on the worker's clock, not the test's).

import { NAMES, slugOf } from '../unit/screens2026.mjs';

export const DAY = 86_400_000;

/**
 * sentList returns n ≥ 300 people, newest first: 58 "today" (outside Invite Guard), 20 "yesterday" (to be
 * recorded by it), and older ones spread so that the usual pace is 3 a day (the core's median: 2.97) —
 * beyond 300, the extra ones are 3 to 11 months old. Names as people write them (NAMES), repeating every
 * NAMES.length rows: namesakes with other profiles, inside the burst too.
 */
export function sentList(n = 300) {
  const ages = [
    ...Array(58).fill(['today', 0]),
    ...Array(20).fill(['yesterday', 1]),
    ...[2, 3, 4, 5, 6].flatMap((d) => Array(3).fill(['days', d])),
    ...[1, 2, 3].flatMap((w) => Array(18).fill(['weeks', w])),
    ...Array(60).fill(['months', 1]),
    ...Array(60).fill(['months', 2]),
  ];
  for (let i = 0; ages.length < n; i++) ages.push(['months', Math.min(11, 3 + Math.floor(i / 90))]);
  return ages.slice(0, n).map((age, i) => {
    const name = NAMES[i % NAMES.length];
    const slug = slugOf(name, i);
    return { key: `https://www.linkedin.com/in/${slug}/`, slug, name, head: 'Product Manager at Example GmbH', age };
  });
}

/** setClock runs the worker's clock ms ahead of (or behind) the real one, on top of IG_CLOCK_OFFSET_DAYS. */
export function setClock(sw, ms) {
  return sw.evaluate((ms) => {
    const g = globalThis;
    if (!g.__igTestClock) {
      const Base = g.Date;
      const clock = { extra: 0 };
      function Clock(...a) {
        if (!new.target) return new Base(Base.now() + clock.extra).toString();
        return a.length ? new Base(...a) : new Base(Base.now() + clock.extra);
      }
      Clock.now = () => Base.now() + clock.extra;
      Clock.parse = Base.parse;
      Clock.UTC = Base.UTC;
      Clock.prototype = Base.prototype;
      g.Date = Clock;
      g.__igTestClock = clock;
    }
    g.__igTestClock.extra = ms;
  }, ms);
}
