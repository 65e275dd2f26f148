// LinkedIn contact import: "Add connections" / "Add to network" over a pre-selected
// list of address-book matches, and the step that invites non-members by email.
// Recognised by shape — at least two rows, each with a check control and a person,
// and one button meaning add / connect / invite — not by class names.

import { accName, closestButton, closestDialog, dialogTitle, isCheckLike } from '../common/dom.js';
import { meaning } from '../common/text.js';
import { answer, applyKeep, listAround, readRows, recipientOf } from '../common/rows.js';
import { IMPORT_PATH, MESSAGING_PATH, inviteSurface, isMessagingTitle, isOpener, pathOf } from '../common/screens.js';
import { HOSTS } from './places.js';

/** The module (contract: extension/content/SITE-MODULES.md). */
export default {
  id: 'linkedin.contact-import',
  network: 'linkedin',
  surface: 'contact_import',
  kind: 'bulk',
  hosts: HOSTS,

  detect(target, doc) {
    const button = closestButton(target);
    // A link may act as the button too, but only where the list around it is found.
    const action = button || (target && target.closest ? target.closest('a[href]') : null);
    if (!action || isCheckLike(action)) return null;
    const m = meaning(accName(action));
    if (!m.verb || m.verb === 'send' || m.other) return null;
    const path = pathOf(doc);
    const onImport = IMPORT_PATH.test(path);
    const bulkWords = m.all || m.plural || (m.count != null && m.count > 1);
    // A lone "Connect" is a single invitation (the velocity module's), unless on the import screens.
    if (m.verb === 'connect' && !onImport && !bulkWords) return null;
    if (!onImport && MESSAGING_PATH.test(path)) return null;
    const dlg = closestDialog(action);
    if (dlg) {
      const title = dialogTitle(dlg);
      if (isMessagingTitle(title)) return null;
      if (!onImport && inviteSurface(title, '')) return null; // an invite-to-page/event/group modal
    }
    const root = dlg || doc.body;
    const found = listAround(action, root, 2);
    if (found) {
      // Rows of people who are not members make it the email step, whatever the button says.
      const guests = found.rows.filter((r) => r.member === false).length;
      const emailStep = guests * 2 >= found.rows.length;
      // "Invite" over rows of members outside the import screens is an invite modal's job.
      if (m.verb === 'invite' && !emailStep && !onImport) return null;
      return { action, scope: found.scope, surface: emailStep ? 'email_invite' : 'contact_import', expected: m.count, selected: found.selected };
    }
    if (!button) return null;
    // Fail safe: a button that clearly sends a bulk invitation but whose rows cannot be read.
    if (isOpener(action)) return null;
    // Only wording that means many people ("Add connections", "Send invitations", "Add all 120 …"):
    // holding a button that merely opens a form would block it, as nothing is released without rows.
    if ((onImport && bulkWords) || (m.all && m.verb !== 'invite')) {
      return {
        action,
        scope: dlg || doc.querySelector('main,[role="main"]') || doc.body,
        surface: m.verb === 'invite' ? 'email_invite' : 'contact_import',
        unreadable: true,
        expected: m.count,
      };
    }
    return null;
  },

  read(scope, doc, detected = {}) {
    const rows = readRows(scope);
    const emailStep = detected.surface === 'email_invite';
    const recipients = rows.map((r) => {
      const out = recipientOf(r, false);
      if (emailStep && !r.profile) out.member = false;
      return out;
    });
    return answer(recipients, detected.expected ?? null, detected);
  },

  apply(scope, keep) {
    return applyKeep(readRows(scope), keep);
  },
};
