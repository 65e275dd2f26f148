// LinkedIn single "Connect" buttons (People you may know, search results, a
// profile's top card, the "More" menu). Each click is one invitation; content/hold
// counts them, so many quick clicks are held as one bulk action.
//
// Often the Connect click only opens LinkedIn's note modal ("Add a note to your
// invitation?"): then the invitation is sent by the modal's "Send without a note" /
// "Send" button, and Cancel or ✕ sends nothing. nextStep() tells content/hold that a
// click opened that modal (so the click is neither counted nor recorded), and detect()
// takes the modal's send button as the action that sends.

import { accName, chunks, closestButton, closestDialog, DIALOG_SELECTOR, dialogTitle, isCheckLike, isShown, textOf } from '../common/dom.js';
import { clean, EMAIL, fold, isUiWord, looksLikeName, nameFromLabel, nameInTexts } from '../common/text.js';
import { linkedInProfileKey, nameKey } from '../common/keys.js';
import { pathOf } from '../common/screens.js';
import { EMAIL_GATE, INVITE_NAMED } from '../common/words.js';
import { insideOurs } from '../common/ours.js';
import { CONNECT_BARE, MODAL_NAMED, NOTE_MODAL, NOTE_SEND } from './matchers.js';
import { HOSTS } from './places.js';

// Accessible names that carry the person's name: the invitation frames of sites/words (INVITE_NAMED).
function namedIn(label) {
  const l = clean(label).replace(/[.!]$/, '');
  for (const re of INVITE_NAMED) {
    const m = re.exec(l);
    if (m) return m[1].trim();
  }
  return null;
}

// The note modal's words (NOTE_MODAL, NOTE_SEND, MODAL_NAMED) are sites/linkedin/words/<lang>.js.

/** noteModal returns the open note modal an element is in (or the element itself), else null. */
function noteModal(el) {
  const dlg = el && (el.matches(DIALOG_SELECTOR) ? el : closestDialog(el));
  if (!dlg || !isShown(dlg)) return null;
  if (NOTE_MODAL.test(fold(dialogTitle(dlg))) || dlg.querySelector('textarea#custom-message, textarea[name="message"]')) return dlg;
  const text = fold(textOf(dlg));
  return NOTE_MODAL.test(text) || EMAIL_GATE.test(text) ? dlg : null;
}

/**
 * emailGated tells a note modal that asks for the person's email before it sends ("To verify this
 * member knows you, please enter their email") and has no address typed yet: its "Send without a
 * note" sends nothing, so it is counted and recorded as nothing.
 */
function emailGated(dlg) {
  const field = dlg.querySelector('input[type="email" i], input[name="email" i], input[autocomplete="email" i]');
  if (!field && !EMAIL_GATE.test(fold(textOf(dlg)))) return false;
  return !(field && field.value && field.checkValidity() && EMAIL.test(field.value));
}

/** noteSend returns the note modal's send button the target is in, or null. */
function noteSend(target) {
  const b = closestButton(target);
  if (!b || isCheckLike(b)) return null;
  const dlg = closestDialog(b);
  if (!dlg) return null;
  const name = fold(accName(b)).replace(/[.!]$/, '');
  if (!NOTE_SEND.test(name) && !NOTE_SEND.test(fold(textOf(b)))) return null;
  return noteModal(dlg) && !emailGated(dlg) ? b : null;
}

/** nameInModal reads the person's name from the note modal: "Invite Jane Doe to connect", "… invitation to Jane Doe". */
function nameInModal(dlg) {
  const texts = [dialogTitle(dlg), ...chunks(dlg).map((c) => c.text), ...[...dlg.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))];
  for (const t of texts) {
    const n = namedIn(t);
    if (n && looksLikeName(n)) return n;
  }
  for (const t of texts) {
    const l = clean(t);
    for (const re of MODAL_NAMED) {
      const m = re.exec(l);
      if (m && looksLikeName(m[1].trim())) return m[1].trim();
    }
  }
  return '';
}

const CARD_STOP = 'main,[role="main"],body,[role="dialog"],dialog,form[method="post"]';

/** cardOf returns the card around a Connect button: the largest ancestor holding no other Connect button. */
function cardOf(action) {
  let card = action;
  for (let a = action.parentElement, depth = 0; a && depth < 12; a = a.parentElement, depth++) {
    if (a.matches(CARD_STOP)) break;
    const others = [...a.querySelectorAll('button,[role="button"],a')].some((b) => b !== action && !action.contains(b) && isConnect(b));
    if (others) break;
    card = a;
  }
  return card;
}

function isConnect(el) {
  if (isCheckLike(el)) return false;
  const name = accName(el);
  if (namedIn(name) !== null) return true;
  return CONNECT_BARE.test(fold(name)) || CONNECT_BARE.test(fold(textOf(el)));
}

/** closestConnect returns the Connect control the target is in: a button, or a link acting as one. */
function closestConnect(target) {
  const b = closestButton(target);
  if (b) return isConnect(b) ? b : null;
  const a = target && target.closest && target.closest('a[href]');
  return a && isConnect(a) ? a : null;
}

/** vanityKey returns the profile key of a ".../custom-invite/?vanityName=<slug>" URL (the page or a link), else ''. */
function vanityKey(href, base) {
  try {
    const vanity = new URL(href, base).searchParams.get('vanityName');
    return vanity ? linkedInProfileKey('/in/' + encodeURIComponent(vanity) + '/', base) : '';
  } catch {
    return ''; // not a URL
  }
}

/** keyOf returns the profile key a card or its Connect control points to ("/in/…" or "?vanityName=…"). */
function keyOf(action, card, doc) {
  const base = doc.baseURI;
  const own = action.getAttribute('href');
  const vanity = own ? vanityKey(own, base) : '';
  if (vanity) return { key: vanity, link: null };
  const onProfile = /^\/in\/[^/]+\/?$/.test(pathOf(doc));
  if (onProfile && !action.closest('li,[role="listitem"],aside')) return { key: linkedInProfileKey(doc.URL), link: null };
  const link = [...card.querySelectorAll('a[href]')].find((a) => linkedInProfileKey(a.getAttribute('href'), base));
  return { key: link ? linkedInProfileKey(link.getAttribute('href'), base) : '', link };
}

/** The module (contract: extension/content/SITE-MODULES.md). */
export default {
  id: 'linkedin.connect',
  network: 'linkedin',
  surface: 'connect',
  kind: 'velocity',
  hosts: HOSTS,

  detect(target, doc) {
    // The note modal's send button: the action that really sends after a Connect click opened the modal.
    const send = noteSend(target);
    if (send) return { action: send, scope: closestDialog(send), surface: 'connect', step: 'note' };
    const action = closestConnect(target);
    if (!action) return null;
    // "Se connecter" is also French for "Sign in": a login form is not an invitation.
    const form = action.closest('form');
    if (form && form.querySelector('input[type="password"]')) return null;
    if (insideOurs(action)) return null;
    const label = accName(action);
    if (namedIn(label)) return { action, scope: cardOf(action), surface: 'connect' };
    const card = cardOf(action);
    if (keyOf(action, card, doc).key || closestDialog(action)) return { action, scope: card, surface: 'connect' };
    return null;
  },

  // nextStep(hit, doc): after content/hold let a click through, the open step that click opened and
  // that still has to send (the note modal), else null. A modal's own send opens nothing further.
  nextStep(hit, doc) {
    if (hit.step) return null;
    for (const dlg of doc.querySelectorAll(DIALOG_SELECTOR)) {
      const m = noteModal(dlg);
      if (m && !m.contains(hit.action)) return m;
    }
    return null;
  },

  // read(action, doc, hit): for the modal's send, hit.opener is the recipient of the Connect click that
  // opened the modal (content/hold keeps it); without it the name comes from the modal's text.
  read(action, doc, hit) {
    if (hit && hit.step) {
      if (hit.opener && hit.opener.key)
        return { recipients: [{ key: hit.opener.key, name: hit.opener.name || '', member: true, selected: true, optedOut: false }] };
      const name = nameInModal(hit.scope || closestDialog(action));
      const key = vanityKey(doc.URL, doc.baseURI) || nameKey(name);
      if (!key) throw new Error('Invite Guard could not tell who this invitation goes to');
      return { recipients: [{ key, name, member: true, selected: true, optedOut: false }] };
    }
    const card = hit?.scope ?? cardOf(action); // detect() found the card already
    let { key, link } = keyOf(action, card, doc);
    let name = namedIn(accName(action)) || '';
    if (!name && link) name = nameInTexts([...chunks(link).map((x) => x.text), link.getAttribute('aria-label') || '']);
    if (!name) {
      const img = card.querySelector('img[alt]');
      if (img) name = nameFromLabel(img.alt);
    }
    if (!name) {
      const c = chunks(card).find((x) => looksLikeName(x.text) && !isUiWord(x.text));
      if (c) name = c.text;
    }
    if (!name && !link) {
      const h = doc.querySelector('main h1, h1');
      if (h) name = textOf(h);
    }
    key = key || nameKey(name);
    if (!key) throw new Error('Invite Guard could not tell who this Connect button invites');
    return { recipients: [{ key, name, member: true, selected: true, optedOut: false }] };
  },
};
