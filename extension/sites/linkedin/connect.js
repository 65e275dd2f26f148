// LinkedIn single "Connect" buttons (People you may know, search results, a
// profile's top card, the "More" menu). Each click is one invitation; content/hold
// counts them, so many quick clicks are held as one bulk action.

import { accName, chunks, closestButton, closestDialog, isCheckLike, textOf } from '../common/dom.js';
import { clean, fold, isUiWord, looksLikeName, nameFromLabel, nameInTexts } from '../common/text.js';
import { linkedInProfileKey, nameKey } from '../common/keys.js';
import { pathOf } from '../common/screens.js';

// Visible texts of a Connect button.
const BARE = /^\+?\s*(?:connect|vernetzen|se connecter|entrer en relation|als kontakt hinzufugen)$/;

// Accessible names that carry the person's name (matched on the cleaned label, case-insensitive).
const NAMED = [
  /^invite\s+(.+?)\s+to\s+connect$/i,
  /^connect\s+with\s+(.+)$/i,
  /^send\s+(?:an\s+)?invitation\s+to\s+(.+?)(?:\s+to\s+connect)?$/i,
  /^(.+?)\s+einladen,?\s+sich\s+(?:mit\s+(?:ihnen|dir)\s+)?zu\s+vernetzen$/i,
  /^(.+?)\s+zum\s+vernetzen\s+einladen$/i,
  /^laden\s+sie\s+(.+?)\s+ein,?\s+sich\s+(?:mit\s+ihnen\s+)?zu\s+vernetzen$/i,
  /^(.+?)\s+als\s+kontakt\s+einladen$/i,
  /^mit\s+(.+?)\s+vernetzen$/i,
  /^inviter\s+(.+?)\s+(?:à|a)\s+rejoindre\s+votre\s+r[ée]seau$/i,
  /^inviter\s+(.+?)\s+(?:à|a)\s+se\s+connecter$/i,
  /^se\s+connecter\s+avec\s+(.+)$/i,
];

function namedIn(label) {
  const l = clean(label).replace(/[.!]$/, '');
  for (const re of NAMED) {
    const m = re.exec(l);
    if (m) return m[1].trim();
  }
  return null;
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
  return BARE.test(fold(name)) || BARE.test(fold(textOf(el)));
}

/** closestConnect returns the Connect control the target is in: a button, or a link acting as one. */
function closestConnect(target) {
  const b = closestButton(target);
  if (b) return isConnect(b) ? b : null;
  const a = target && target.closest && target.closest('a[href]');
  return a && isConnect(a) ? a : null;
}

/** keyOf returns the profile key a card or its Connect control points to ("/in/…" or "?vanityName=…"). */
function keyOf(action, card, doc) {
  const base = doc.baseURI;
  const own = action.getAttribute('href');
  if (own) {
    try {
      const vanity = new URL(own, base).searchParams.get('vanityName');
      if (vanity) return { key: linkedInProfileKey('/in/' + encodeURIComponent(vanity) + '/', base), link: null };
    } catch { /* not a URL: fall through */ }
  }
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
  hosts: ['www.linkedin.com', 'linkedin.com'],
  paths: [/^\/mynetwork\//, /^\/search\/results\//, /^\/in\//, /^\/feed\//],

  detect(target, doc) {
    const action = closestConnect(target);
    if (!action) return null;
    // "Se connecter" is also French for "Sign in": a login form is not an invitation.
    const form = action.closest('form');
    if (form && form.querySelector('input[type="password"]')) return null;
    if (action.closest('[data-inviteguard-ui]')) return null;
    const label = accName(action);
    if (namedIn(label)) return { action, scope: cardOf(action), surface: 'connect' };
    const card = cardOf(action);
    if (keyOf(action, card, doc).key || closestDialog(action)) return { action, scope: card, surface: 'connect' };
    return null;
  },

  read(action, doc) {
    const card = cardOf(action);
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
