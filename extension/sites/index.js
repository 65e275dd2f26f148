// The one door to site code: everything outside sites/ imports sites/index.js, never a module of
// sites/<site>/ (test/unit/rooms.test.mjs checks it). The site modules, in the order content/registry asks
// them: bulk modules first, then velocity modules (the first detect() that answers wins).
// Contract: extension/content/SITE-MODULES.md.

import contactImport from './linkedin/contact-import.js';
import inviteModal from './linkedin/invite-modal.js';
import connect from './linkedin/connect.js';
import sentList from './linkedin/sent-list.js';
import xingContactRequest from './xing/contact-request.js';
import * as linkedinPlaces from './linkedin/places.js';
import * as xingPlaces from './xing/places.js';

/** The sending modules, in priority order. */
const modules = [contactImport, inviteModal, xingContactRequest, connect];
export default modules;

/** warmReaders reads a small list built in memory, so that the first held click finds the readers compiled (sites/common/warm.js). */
export { warmReaders } from './common/warm.js';

/** The Sent-list reader for the withdrawal runner (not a sending module). */
export { sentList };

/**
 * SENT_LIST is where the Sent-list runner works: .url (the list the worker opens), .matches (the invitation
 * manager's match patterns), .page (a URL of the invitation manager), .onSentList(url), .isSignInUrl(url).
 */
export const SENT_LIST = linkedinPlaces.SENT_LIST;

/** DOMAINS are the sites' domains, from their places' HOSTS (which the modules declare as hosts): the manifest's hosts and the pages content.js runs on. */
export const DOMAINS = [...new Set([linkedinPlaces, xingPlaces].flatMap((p) => p.HOSTS).map((h) => h.replace(/^www\./, '')))];

/** DOMAIN_RE is the sites' domains as one regular expression group, for patterns of hosts and URLs. */
export const DOMAIN_RE = `(?:${DOMAINS.map((d) => d.replaceAll('.', '\\.')).join('|')})`;

/** SETTINGS are each site's own settings pages the options page's advisor links to. */
export const SETTINGS = { linkedin: linkedinPlaces.SETTINGS, xing: xingPlaces.SETTINGS };
