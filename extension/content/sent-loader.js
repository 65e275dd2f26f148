// Loading the whole Sent list, whichever way the page offers: a "Load more" button (older markup) or
// rows arriving as the list's scroll container is scrolled (2026: the page's <main>, not the window).
// One step at a time, until the stated total ("People (15)", "Personen (1.052)") is on the page or
// nothing new arrives within a bounded wait. The scan and the runner share it.

import { sentList } from '../sites/index.js';
import { waitFor } from './wait.js';

/** LOAD_MS bounds the wait for rows after one "Load more" click. */
export const LOAD_MS = 12000;
/** SCROLL_MS bounds the wait for rows after one scroll to the end of the list. */
export const SCROLL_MS = 5000;
/** STUCK_STEPS: this many steps in a row with nothing new and the list is at its end. */
export const STUCK_STEPS = 2;

/**
 * createLoader returns the list's loading state for one document:
 *   total()        → the stated total (a number) or null, parsed by the core (send 'scan.count');
 *   complete(n)    → whether n cards are the whole list: the total reached, else the end met;
 *   step()         → loads once more: 'grew' | 'end' | 'stuck' (nothing new this time) | 'left' (not the Sent tab).
 * deps: { doc, send, problemOf }.
 */
export function createLoader({ doc, send, problemOf }) {
  const state = { text: '', total: null, ended: false, stuck: 0, sawMore: false };

  async function total() {
    const t = sentList.readTotal(doc);
    if (t && t !== state.text) {
      state.text = t;
      state.total = (await send('scan.count', { text: t })).ok?.count ?? null;
    }
    if (!t) state.total = null;
    return state.total;
  }

  const complete = (n) => (state.total != null ? n >= state.total : state.ended);

  /** rows counts profile links and list items: a cheap sign that rows arrived (the reader confirms later). */
  const rows = () => doc.querySelectorAll('a[href*="/in/"], [role="listitem"]').length;
  const moved = (before) => () => rows() > before || sentList.currentTab(doc) !== 'sent' || !!problemOf();

  async function clickMore(more) {
    const before = rows();
    more.click();
    const gone = () => !more.isConnected || more.disabled || more.getAttribute('aria-disabled') === 'true';
    await waitFor(doc, () => gone() || moved(before)(), LOAD_MS);
    if (rows() > before) return 'grew';
    return gone() ? 'end' : 'stuck';
  }

  async function scrollMore() {
    const before = rows();
    const box = sentList.findScroller(doc);
    const bottom = () => box.scrollHeight - box.clientHeight;
    // Already at the end: back up a little first, so the page sees a scroll towards the end.
    if (box.scrollTop >= bottom() - 1) box.scrollTop = Math.max(0, bottom() - box.clientHeight / 2);
    await new Promise((r) => requestAnimationFrame(() => r()));
    box.scrollTop = bottom();
    await waitFor(doc, moved(before), SCROLL_MS);
    return rows() > before ? 'grew' : 'stuck';
  }

  async function step() {
    if (sentList.currentTab(doc) !== 'sent') return 'left';
    const more = sentList.findLoadMore(doc);
    if (!more && state.sawMore) {
      state.ended = true; // the "Load more" list is at its end: its button is gone
      return 'end';
    }
    if (more) state.sawMore = true;
    const got = more ? await clickMore(more) : await scrollMore();
    if (sentList.currentTab(doc) !== 'sent') return 'left';
    if (got === 'grew') state.stuck = 0;
    else if (got === 'end' || ++state.stuck >= STUCK_STEPS) {
      state.ended = true;
      return 'end';
    }
    return got;
  }

  return {
    total,
    complete,
    step,
    get ended() {
      return state.ended;
    },
    get text() {
      return state.text;
    },
  };
}
