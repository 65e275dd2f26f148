// The end of a whole-list scan on the Sent page: when the core found bursts (scan.submit's offers), the
// overlay says so and offers "Review and undo" (the review page opens in a new tab) — the newest burst,
// and how many more the popup lists.

import { offerText } from '../shared/burst-text.js';

/** offerParts returns the overlay's extra sentence and buttons for the offers, or null when there are none. */
export function offerParts({ offers, i18n, send, overlay }) {
  if (!offers?.length) return null;
  const [first] = offers;
  const message = offerText(first, i18n);
  const review = async () => {
    const res = await send('burst.review', { burstId: first.id });
    if (res.error) overlay.show({ title: 'Invite Guard', tone: 'stop', message: res.error.message });
  };
  return { message, buttons: [{ label: i18n.t('burst_review'), kind: 'primary', onClick: review }] };
}
