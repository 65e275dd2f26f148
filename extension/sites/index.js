// The site modules, in the order content/registry asks them: bulk modules first,
// then velocity modules (the first detect() that answers wins).
// Contract: extension/content/SITE-MODULES.md.

import contactImport from './linkedin/contact-import.js';
import inviteModal from './linkedin/invite-modal.js';
import connect from './linkedin/connect.js';
import xingContactRequest from './xing/contact-request.js';

/** The sending modules, in priority order. */
export default [contactImport, inviteModal, xingContactRequest, connect];

/** The Sent-list reader for the withdrawal runner (not a sending module). */
export { default as sentList } from './linkedin/sent-list.js';
