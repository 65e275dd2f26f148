// The popup's burst offers (issue 12): after a scan of the whole Sent list found days with many invitations
// Invite Guard did not send, each is said ("58 invitations went out on Dec 4 …") with "Review and undo",
// which opens the review page.

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { offerText } from '../shared/burst-text.js';
import { el } from '../shared/el.js';

const api = globalThis.browser ?? globalThis.chrome;

/** renderOffers fills box with the open offers (hidden when there are none). */
export async function renderOffers(box) {
  const offers = (await send('burst.offers')).ok?.offers ?? [];
  box.replaceChildren();
  box.hidden = !offers.length;
  for (const o of offers) {
    const open = () => api.tabs.create({ url: api.runtime.getURL(`ui/burst.html?id=${encodeURIComponent(o.id)}`) }).then(() => window.close());
    box.append(
      el(
        'div',
        { class: 'offer', 'data-burst': o.id },
        el('p', { role: 'status', text: offerText(o, i18n) }),
        el('button', { type: 'button', class: 'primary small', text: i18n.t('burst_review'), on: { click: open } }),
      ),
    );
  }
}
