// What the Sent list shows when LinkedIn refuses: a rate-limit message anywhere it may appear (toasts,
// alerts, and also inside the withdraw dialog, which sent-list.js's problem() does not read), in
// English, German and French, plus the raw 429 / CUSTOM_INVITE_LIMIT_REACHED texts. Detection only
// (issue 5, H8): an addition next to sent-list.js rather than a change to it.

import { DIALOG_SELECTOR, textOf } from '../common/dom.js';
import { fold } from '../common/text.js';

// Folded texts (lower-case, no diacritics, plain apostrophes).
const LIMIT = /(out of invitations|you'?re out of invitations|too many requests|reached the (weekly )?(invitation )?limit|try again later|custom_invite_limit_reached|\b429\b|zu viele (anfragen|einladungen)|keine einladungen mehr|einladungslimit|limit erreicht|versuchen sie es spater|trop de (demandes|invitations)|plus d'invitations|limite atteinte|reessayez plus tard)/;

const PLACES = `[role="alert"], [role="alertdialog"], [role="status"], [aria-live], .artdeco-toast-item, .artdeco-inline-feedback, ${DIALOG_SELECTOR}`;

/** rateLimitText returns the text of a rate-limit message the page shows, or ''. */
export function rateLimitText(doc) {
  for (const el of doc.querySelectorAll(PLACES)) {
    if (el.closest('[data-inviteguard-ui]')) continue;
    if (el.tagName === 'DIALOG' && !el.open) continue;
    if (el.hidden || el.closest('[hidden]')) continue;
    const t = textOf(el);
    if (t && LIMIT.test(fold(t))) return t.slice(0, 300);
  }
  return '';
}
