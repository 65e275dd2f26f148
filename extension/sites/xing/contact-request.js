// XING contact requests ("Kontaktanfrage"): a dialog or form with a personal
// message and a send button. One recipient, and the message the core checks
// before anything is sent.

import { accName, closestButton, closestDialog, dialogTitle, isCheckLike, textOf } from '../common/dom.js';
import { clean, fold, meaning, nameInTexts } from '../common/text.js';
import { nameKey, xingProfileKey } from '../common/keys.js';
import { MESSAGING_PATH, isOpener, pathOf } from '../common/screens.js';
import { REQUEST, SENDS, TITLE_NAME } from './matchers.js';
import { HOSTS } from './places.js';

// The words (REQUEST, SENDS, TITLE_NAME) are sites/xing/words/<lang>.js, compiled in matchers.js.

const MESSAGE_FIELD = 'textarea,[role="textbox"],[contenteditable="true"],[contenteditable=""]';

function scopeOf(action) {
  const dlg = closestDialog(action);
  if (dlg) return dlg;
  const form = action.closest('form');
  if (form) return form;
  let a = action;
  for (let i = 0; i < 6 && a.parentElement && a.parentElement.tagName !== 'BODY'; i++) {
    a = a.parentElement;
    if (a.querySelector(MESSAGE_FIELD)) return a;
  }
  return a;
}

function headingOf(scope) {
  const t = dialogTitle(scope);
  if (t) return t;
  const h = scope.querySelector('h1,h2,h3,h4,legend,[role="heading"]');
  return h ? textOf(h) : '';
}

function messageIn(scope) {
  const f = scope.querySelector(MESSAGE_FIELD);
  if (!f) return '';
  if (f.tagName === 'TEXTAREA' || f.tagName === 'INPUT') return f.value;
  return f.innerText ?? f.textContent ?? '';
}

/** read returns the one recipient and the message of a contact request. */
function read(scope, doc) {
  const base = doc.baseURI;
  const link = [...scope.querySelectorAll('a[href]')].find((a) => xingProfileKey(a.getAttribute('href'), base));
  let key = link ? xingProfileKey(link.getAttribute('href'), base) : xingProfileKey(doc.URL);
  const heading = clean(headingOf(scope));
  let name = '';
  for (const re of TITLE_NAME) {
    const m = re.exec(heading);
    if (m) {
      name = nameInTexts([m[1]]);
      break;
    }
  }
  if (!name && link) name = nameInTexts([textOf(link), link.getAttribute('aria-label') || '']);
  if (!name) {
    const h1 = doc.querySelector('main h1, h1');
    if (h1 && !scope.contains(h1)) name = clean(textOf(h1));
  }
  key = key || nameKey(name);
  if (!key) throw new Error('Invite Guard could not tell who this contact request goes to');
  return {
    recipients: [{ key, name, member: true, selected: true, optedOut: false }],
    message: messageIn(scope),
  };
}

/** The module (contract: extension/content/SITE-MODULES.md). */
export default {
  id: 'xing.contact-request',
  network: 'xing',
  surface: 'contact_request',
  kind: 'bulk', // one action, one recipient, read from the page; apply only confirms it is kept
  hosts: HOSTS,

  detect(target, doc) {
    const action = closestButton(target);
    if (!action || isCheckLike(action) || isOpener(action)) return null;
    const name = fold(accName(action));
    if (!SENDS.test(name) && !(meaning(name).verb === 'send' && REQUEST.test(name))) return null;
    if (MESSAGING_PATH.test(pathOf(doc))) return null;
    const scope = scopeOf(action);
    const hasField = !!scope.querySelector(MESSAGE_FIELD);
    const about = REQUEST.test(name) || REQUEST.test(fold(headingOf(scope))) || REQUEST.test(fold(accName(scope.querySelector(MESSAGE_FIELD) || scope)));
    if (!about) return null;
    if (!hasField && !REQUEST.test(name)) return null;
    return { action, scope, surface: 'contact_request' };
  },

  read,

  apply(scope, keep) {
    const { recipients } = read(scope, scope.ownerDocument);
    const key = recipients[0].key;
    return { changed: 0, failed: keep.has(key) ? [] : [key] };
  },
};
