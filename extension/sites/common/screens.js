// Facts about a page shared by the LinkedIn modules: which screen a URL is, whether
// a button opens something rather than sends, the surface an invite modal is for.

import { fold } from './text.js';
import { EVENT, GROUP, MESSAGING, PAGE } from './words.js';

/** IMPORT_PATH matches LinkedIn's contact-import screens (and older address-book imports). */
export const IMPORT_PATH = /^\/(?:mynetwork\/import-contacts|fetch\/|addressbook|people\/invite|mynetwork\/invite-connect)/i;

/** MESSAGING_PATH matches messaging screens, where "Invite" and "Add" never send invitations. */
export const MESSAGING_PATH = /^\/(?:messaging|chats?|messages)\b/i;

/** pathOf returns the document's URL path ('' when unknown). */
export function pathOf(doc) {
  try {
    return new URL(doc.URL || doc.baseURI).pathname;
  } catch {
    return '';
  }
}

/** isOpener tells a button that opens a menu or dialog instead of acting (aria-haspopup / aria-expanded / aria-controls of a closed popup). */
export function isOpener(el) {
  const hp = el.getAttribute('aria-haspopup');
  return (hp != null && hp !== 'false') || el.hasAttribute('aria-expanded');
}

/** inviteSurface returns page_invite / event_invite / group_invite from a modal title and URL path, or '' when neither says. */
export function inviteSurface(title, path) {
  const t = fold(title);
  if (EVENT.test(t)) return 'event_invite';
  if (GROUP.test(t)) return 'group_invite';
  if (PAGE.test(t)) return 'page_invite';
  if (/^\/events\//i.test(path)) return 'event_invite';
  if (/^\/groups\//i.test(path)) return 'group_invite';
  if (/^\/(company|showcase|school|newsletters)\//i.test(path)) return 'page_invite';
  return '';
}

/** isMessagingTitle tells a dialog about conversations or calls. */
export function isMessagingTitle(title) {
  return MESSAGING.test(fold(title));
}
