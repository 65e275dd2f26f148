// Text helpers shared by the site modules: folding for comparison and the
// vocabulary (English, German, French) that tells what a control means.

import { clean, fold } from './fold.js';
import {
  ADD,
  ALL,
  CONNECT,
  COUNT_PHRASES,
  IN_TARGET,
  INVITE,
  LEADING,
  NAME_LABELS,
  NAMED,
  NOT_INVITE,
  OTHER_OBJECT,
  PLURAL,
  SELECT_ALL,
  SELECT_ALL_WORDS,
  SEND,
  TRAILING,
  UI_SELECT_PREFIX,
  UI_SELECT_SUFFIX,
  UI_WORD,
} from './words.js';

export { clean, fold };

/**
 * firstNumber returns the first number in s ("Add 1,204 connections" → 1204), or null. Not the Sent
 * list's total (the core's ParseCount, asked through the engine: background scan.parseCount), nor the
 * count an action's name states (statedCount), nor a selection counter (rows.js counterIn).
 */
export function firstNumber(s) {
  const m = /(\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+|\d+)/.exec(String(s ?? ''));
  if (!m) return null;
  return Number(m[1].replace(/\D/g, ''));
}

/**
 * statedCount returns the count an action's folded name states ("add 120 connections",
 * "invite 2", "alle 3 hinzufugen"), or null. A number that counts nothing — "3x founder",
 * "10k+ followers", a year — is no count.
 */
export function statedCount(folded) {
  for (const re of COUNT_PHRASES) {
    const m = re.exec(folded);
    if (m) return Number(m[1].replace(/\D/g, ''));
  }
  return null;
}

/**
 * actionTemplate cuts the person's name (or any other data a frame names) out of an action's
 * folded name: "withdraw invitation sent to li o'neill | 3x founder" → { text: "withdraw
 * invitation sent to …", not: 'withdraw', named: true }. Without a known frame the name is
 * returned whole, named: false.
 */
export function actionTemplate(folded) {
  for (const { re, not } of NAMED) {
    const m = re.exec(folded);
    if (!m) continue;
    let text = '';
    let at = 0;
    for (let g = 1; g < m.length; g++) {
      if (m[g] == null) continue;
      const from = folded.indexOf(m[g], at);
      text += folded.slice(at, from) + '…';
      at = from + m[g].length;
    }
    return { text: text + folded.slice(at), not: not ?? null, named: true };
  }
  return { text: folded, not: null, named: false };
}

/**
 * notInvite tells why an action's template (actionTemplate's text) is not sending an invitation:
 * a frame's own answer, a word such as withdraw / pending / accept / ignore / reply anywhere, or
 * another action's word first (follow, like, comment, save, more …) or, in German, last
 * ("Jane Doe folgen"). '' when nothing says so.
 */
function notInvite(t) {
  if (t.not) return t.not;
  const m = NOT_INVITE.exec(t.text);
  if (m) return m[0].replace(/^[^\p{L}]/u, '');
  const lead = LEADING.exec(t.text);
  if (lead) return lead[0];
  if (TRAILING.test(t.text) && !INVITE.test(t.text) && !ADD.test(t.text)) return t.text.split(' ').pop();
  return '';
}

/**
 * meaning classifies the accessible name of an action control.
 * verb: 'add' | 'connect' | 'invite' | 'send' | null; count: a number the name states as a
 * count ("Add 120 connections"), else null; all: the name says "all"; plural: it names people
 * in plural; other: it names a non-person object ("Add a note"); not: the action is something
 * else than sending an invitation (withdraw, pending, accept, ignore, reply, follow, like …;
 * verb is then null); named: the name carries a person's name, cut out before any of this.
 */
export function meaning(name) {
  const f = fold(name);
  const t = actionTemplate(f);
  const a = t.text;
  const words = a ? a.split(' ').length : 0;
  const r = {
    text: f,
    verb: null,
    count: statedCount(a),
    all: ALL.test(a),
    plural: PLURAL.test(a),
    other: OTHER_OBJECT.test(a),
    not: notInvite(t),
    named: t.named,
  };
  if (r.not) r.count = null;
  if (!a || r.not || a.length > 80 || words > 10) return r;
  if (INVITE.test(a)) r.verb = 'invite';
  else if (ADD.test(a)) r.verb = 'add';
  else if (CONNECT.test(a)) r.verb = 'connect';
  else if (SEND.test(a)) r.verb = 'send';
  if (r.verb === 'invite' && CONNECT.test(a)) r.verb = 'connect'; // "Invite Jane to connect"
  return r;
}

/** isSelectAllName tells a "Select all" control's name (en/de/fr). */
export function isSelectAllName(name) {
  const f = fold(name);
  // A bare "All" / "Alle" / "Tout" is the whole label ("Alle (25)"); "Alle Menschen" or "Tous
  // Ensemble" on a row's checkbox is a person's name.
  return SELECT_ALL.test(f) || SELECT_ALL_WORDS.test(f);
}

/** meansInTarget tells whether a row's status text says the person is already in (or invited to) the target. */
export function meansInTarget(text) {
  return meansInTargetFolded(fold(text));
}

/** meansInTargetFolded is meansInTarget on already folded text. */
export function meansInTargetFolded(f) {
  return IN_TARGET.test(f.replace(/^[•·\-–✓✔]\s*/, ''));
}

/** isUiWord tells a short interface text ("Invited", "Mitglied", "2nd") from a name. */
export function isUiWord(text) {
  return isUiWordFolded(fold(text));
}

/** isUiWordFolded is isUiWord on already folded text. */
export function isUiWordFolded(folded) {
  const f = folded.replace(/^[•·\-–]\s*/, '');
  return UI_WORD.test(f) || UI_SELECT_PREFIX.test(f) || UI_SELECT_SUFFIX.test(f);
}

/** EMAIL matches an email address anywhere in a text. */
export const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const EMAIL_ONLY = new RegExp(`^${EMAIL.source}$`);

const PARTICLE = /^(von|van|der|den|de|del|della|di|da|du|la|le|zu|bin|al|el|ter|ten|y|e|und|dos|das|st\.?)$/i;

/**
 * looksLikeName tells whether a short text reads as a person's name: one to six
 * words, each starting with a capital letter (or a name particle), no digits.
 */
export function looksLikeName(text) {
  const t = clean(text);
  if (!t || t.length > 70 || /[\d@:/|?!]/.test(t) || isUiWord(t)) return false;
  const words = t.split(' ');
  if (words.length > 6) return false;
  return words.every((w) => PARTICLE.test(w) || /^[\p{Lu}\p{Lt}]/u.test(w) || /^[(„"'][\p{Lu}]/u.test(w)) && words.some((w) => /^[\p{Lu}\p{Lt}]/u.test(w));
}

/**
 * nameFromLabel strips the decorations around a name in a control's label or a
 * picture's alt text: "Select Jane Doe", "Jane Doe auswählen", "Jane Doe's profile
 * picture", "Josef Seibolds Profilbild", "Photo de profil de Jane Doe", "View Jane
 * Doe's profile". Returns '' when nothing but decoration is left.
 */
export function nameFromLabel(label) {
  const orig = clean(label);
  // Matched with plain apostrophes, cut from the original (the replacement keeps every index).
  const s = orig.replace(/[\u2018\u2019\u02bc]/g, "'");
  let name = orig;
  for (const p of NAME_LABELS) {
    const m = p.exec(s);
    if (m) {
      name = orig.slice(m.indices[1][0], m.indices[1][1]).trim();
      break;
    }
  }
  return looksLikeName(name) || EMAIL_ONLY.test(name) ? name : '';
}

/** nameInTexts returns the first text that is a name, or that nameFromLabel turns into one ("Profil von X anzeigen"). */
export function nameInTexts(texts) {
  for (const t of texts) if (looksLikeName(t)) return clean(t);
  for (const t of texts) {
    const n = nameFromLabel(t);
    if (n) return n;
  }
  return '';
}
