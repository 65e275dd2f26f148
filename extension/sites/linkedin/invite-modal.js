// LinkedIn "invite connections" modals: to follow a Page, to an Event, to a Group.
// A dialog with a search box, a list of connections with check controls, "Select
// all", a counter ("3 selected") and an "Invite" button. The surface comes from the
// dialog's title, else the URL; rows already in the target are marked inTarget.

import { accName, closestButton, closestDialog, dialogTitle, isCheckLike, textOf } from '../common/dom.js';
import { clean, meaning } from '../common/text.js';
import { answer, applyKeep, counterIn, listAround, readRows, recipientOf } from '../common/rows.js';
import { TITLE_TARGET, GENERIC_TARGET } from './matchers.js';
import { IMPORT_PATH, MESSAGING_PATH, inviteSurface, isMessagingTitle, isOpener, pathOf } from '../common/screens.js';
import { HOSTS } from './places.js';

// Pages whose invite lists may be shown inline rather than in a modal.
const TARGET_PATH = /^\/(?:company|showcase|school|events|groups|newsletters)\//i;

// What is left of a title once the invite wording is cut away is the target's name (TITLE_TARGET), unless
// it names no particular target (GENERIC_TARGET): sites/linkedin/words/<lang>.js.
function targetFromTitle(title) {
  const t = clean(title).replace(/[.!]$/, '');
  for (const re of TITLE_TARGET) {
    const m = re.exec(t);
    if (m && m[1] && !GENERIC_TARGET.test(m[1].trim())) return m[1].trim().replace(/^[„"«“]|[“"»”]$/g, '');
  }
  return '';
}

function targetOf(dlg, doc) {
  const fromTitle = targetFromTitle(dialogTitle(dlg));
  if (fromTitle) return fromTitle;
  for (const h of doc.querySelectorAll('main h1, h1')) {
    if (dlg && dlg.contains(h)) continue;
    const t = textOf(h);
    if (t) return t;
  }
  return clean(String(doc.title || '').split(/\s+[|·–-]\s+/)[0]);
}

function inviteContainer(action, doc, path) {
  const dlg = closestDialog(action);
  if (dlg) return dlg;
  if (TARGET_PATH.test(path)) return action.closest('form,section,main,[role="main"]') || doc.body;
  return null;
}

/** The module (contract: extension/content/SITE-MODULES.md). */
export default {
  id: 'linkedin.invite-modal',
  network: 'linkedin',
  surface: 'page_invite',
  kind: 'bulk',
  hosts: HOSTS,

  detect(target, doc) {
    const action = closestButton(target);
    if (!action || isCheckLike(action)) return null;
    const m = meaning(accName(action));
    if (m.other || !(m.verb === 'invite' || (m.verb === 'send' && /invit|einlad/.test(m.text)))) return null;
    const path = pathOf(doc);
    if (IMPORT_PATH.test(path) || MESSAGING_PATH.test(path)) return null;
    const box = inviteContainer(action, doc, path);
    if (!box) return null;
    const title = dialogTitle(box);
    if (isMessagingTitle(title)) return null;
    const surface = inviteSurface(title, path) || 'page_invite';
    const found = listAround(action, box, 1);
    if (found) {
      const guests = found.rows.filter((r) => r.member === false).length;
      if (guests * 2 >= found.rows.length && found.rows.length > 1) return null; // the import's email step
      // The count of selected rows previews the scope's rows; the modal's box holds only those in practice.
      return { action, scope: box, surface, expected: m.count, ...(found.scope === box ? { selected: found.selected } : {}) };
    }
    // Fail safe: an invite dialog that states a count or names a page/event/group, rows unreadable.
    if (isOpener(action) || !closestDialog(action)) return null;
    const counted = counterIn(box) ?? m.count;
    if ((counted != null && counted > 0) || inviteSurface(title, '')) {
      return { action, scope: box, surface, unreadable: true, expected: counted };
    }
    return null;
  },

  read(scope, doc, detected = {}) {
    const rows = readRows(scope);
    const recipients = rows.map((r) => {
      const out = recipientOf(r, true);
      out.member = true; // invite lists offer the user's connections
      return out;
    });
    // The counter is read only for the first read (the one that shows the dialog).
    const expected = detected.action ? (counterIn(scope) ?? detected.expected ?? null) : null;
    return answer(recipients, expected, detected, { target: targetOf(scope, doc) });
  },

  apply(scope, keep) {
    return applyKeep(readRows(scope), keep);
  },
};
