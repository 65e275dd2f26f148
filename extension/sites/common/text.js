// Text helpers shared by the site modules: folding for comparison and the
// vocabulary (English, German, French) that tells what a control means.

/** clean collapses white space and trims; the result is for display. */
export function clean(s) {
  const str = String(s ?? '');
  // Most texts need no collapsing: test before building a new string.
  if (!/[\t\n\r\f\v\u00a0\u202f\u200b]| {2}|^ | $/.test(str)) return str;
  return str.replace(/[\s\u00a0\u202f\u200b]+/g, ' ').trim();
}

/**
 * fold makes text comparable: lower-case, diacritics removed, typographic
 * apostrophes made plain, white space collapsed ("Hinzufügen" → "hinzufugen").
 */
export function fold(s) {
  const str = String(s ?? '');
  // ASCII needs no decomposition (the common case, and reading 5,000 rows folds every text).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(str)) return clean(str).replace(/`/g, "'").toLowerCase();
  return clean(str.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .toLowerCase();
}

/** parseCount returns the first number in s ("Add 1,204 connections" → 1204), or null. */
export function parseCount(s) {
  const m = /(\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+|\d+)/.exec(String(s ?? ''));
  if (!m) return null;
  return Number(m[1].replace(/\D/g, ''));
}

// Verbs and objects, matched on folded text.
const ADD = /\b(add|hinzufugen|ajouter|aufnehmen|ajoutez)\b/;
const CONNECT = /\b(connect|vernetzen|se connecter|entrer en relation|verbinden)\b/;
const INVITE = /\b(invite|invites|invitations?|einladen|einladungen?|inviter|invitez)\b/;
const SEND = /\b(send|senden|absenden|versenden|verschicken|schicken|envoyer|envoyez)\b/;
const ALL = /\b(all|alle|allen|alles|everyone|tous|toutes|tout)\b/;
const PLURAL = /\b(connections|contacts|kontakte|relations|invitations|einladungen|people|personen|personnes|network|netzwerk|reseau)\b/;
// Objects that make an "add" or "invite" button about something else than people.
const OTHER_OBJECT = /\b(note|notiz|remarque|section|abschnitt|skills?|kenntnisse?|photo|foto|comments?|kommentar|commentaire|calendar|kalender|calendrier|account|konto|compte|address|adresse|e-mail address|position|experience|erfahrung|education|ausbildung|post|beitrag|publication|language|sprache|langue|cover|titelbild|link|media|medien|feature|project|projekt|projet|admin|collaborators?|reaction|emoji|gif|attachment|anhang|piece jointe|filter|filtre|list|lists|liste|listen|pipeline|folder|ordner|dossier|campaign|kampagne|campagne|tag|tags|label|favorites|favoriten|favoris|cart|warenkorb|panier)\b/;

/**
 * meaning classifies the accessible name of an action control.
 * verb: 'add' | 'connect' | 'invite' | 'send' | null; count: a number in the
 * name or null; all: the name says "all"; plural: it names people in plural;
 * other: it names a non-person object ("Add a note").
 */
export function meaning(name) {
  const f = fold(name);
  const words = f ? f.split(' ').length : 0;
  const r = { text: f, verb: null, count: parseCount(f), all: ALL.test(f), plural: PLURAL.test(f), other: OTHER_OBJECT.test(f) };
  if (!f || f.length > 80 || words > 10) return r;
  if (INVITE.test(f)) r.verb = 'invite';
  else if (ADD.test(f)) r.verb = 'add';
  else if (CONNECT.test(f)) r.verb = 'connect';
  else if (SEND.test(f)) r.verb = 'send';
  if (r.verb === 'invite' && CONNECT.test(f)) r.verb = 'connect'; // "Invite Jane to connect"
  return r;
}

/** isSelectAllName tells a "Select all" control's name (en/de/fr). */
export function isSelectAllName(name) {
  const f = fold(name);
  return /^(?:(?:un|de)?select all\b|(?:alle|alles) (?:aus|ab)wahlen\b|alle markieren\b|(?:tout )?(?:de)?selectionner tout\b|tout (?:de)?selectionner\b|tout cocher\b|tout\b|tous\b|all\b|alle\b)/.test(f)
    || /\b(select all|alle auswahlen|alles auswahlen|tout selectionner|selectionner tout)\b/.test(f);
}

// Status texts of a row whose person is already in (or invited to) the group, page or event.
// Matched on a whole short text, never inside a headline ("Board Member at Acme").
const IN_TARGET = /^(?:already (?:a )?)?(?:invited|member|a member|joined|following|attending|going|admin|bereits (?:mitglied|eingeladen)|eingeladen|mitglied|folgt(?: bereits)?|nimmt teil|teilnehmer(?:in)?|invite(?:\(e\)|e)?|deja (?:invite(?:\(e\)|e)?|membre|abonne(?:\(e\)|e)?)|membre|abonne(?:\(e\)|e)?|participe|participant(?:\(e\)|e)?)[.!]?$/;

/** meansInTarget tells whether a row's status text says the person is already in (or invited to) the target. */
export function meansInTarget(text) {
  return meansInTargetFolded(fold(text));
}

/** meansInTargetFolded is meansInTarget on already folded text. */
export function meansInTargetFolded(f) {
  return IN_TARGET.test(f.replace(/^[•·\-–✓✔]\s*/, ''));
}

// Words a row shows that are interface, never a person's name.
const UI_WORD = /^(select|selected|ausgewahlt|selectionne|selectionnee|deselect|auswahlen|selectionner|invited|eingeladen|invite|invitee|member|mitglied|membre|pending|ausstehend|en attente|connect|vernetzen|se connecter|message|nachricht|follow|folgen|suivre|remove|entfernen|supprimer|more|mehr|plus|you|sie|vous|\d+(st|nd|rd|th)?|1st|2nd|3rd\+?|1\.|2\.|3\.)$/;

/** isUiWord tells a short interface text ("Invited", "Mitglied", "2nd") from a name. */
export function isUiWord(text) {
  return isUiWordFolded(fold(text));
}

/** isUiWordFolded is isUiWord on already folded text. */
export function isUiWordFolded(folded) {
  const f = folded.replace(/^[•·\-–]\s*/, '');
  return UI_WORD.test(f) || /^(?:select|deselect|unselect|(?:de)?selectionner) /.test(f) || / (?:auswahlen|abwahlen)$/.test(f);
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
  return words.every((w) => PARTICLE.test(w) || /^[\p{Lu}\p{Lt}]/u.test(w) || /^[(„"'][\p{Lu}]/u.test(w))
    && words.some((w) => /^[\p{Lu}\p{Lt}]/u.test(w));
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
  const patterns = [
    /^(?:select|deselect|unselect|choose|check|invite|add)\s+(.+)$/id,
    /^(.+?)\s+(?:auswählen|abwählen|markieren|einladen|hinzufügen)$/id,
    /^(?:sélectionner|désélectionner|inviter|ajouter)\s+(.+)$/id,
    /^view\s+(.+?)'s?\s+profile$/id,
    /^(.+?)'s\s+(?:profile\s+)?(?:picture|photo|image|avatar)$/id,
    /^(.+?)'\s+(?:profile\s+)?(?:picture|photo|image|avatar)$/id,
    /^(?:profile\s+(?:picture|photo)\s+of|photo\s+of)\s+(.+)$/id,
    /^profilbild\s+von\s+(.+)$/id,
    /^(.+?)'s?\s*profilbild$/id,
    /^(.+?)s\s*profilbild$/id, // German genitive: "Josef Seibolds Profilbild"
    /^profil\s+von\s+(.+?)\s+(?:anzeigen|ansehen)$/id,
    /^photo\s+de\s+profil\s+de\s+(.+)$/id,
    /^voir\s+le\s+profil\s+de\s+(.+)$/id,
  ];
  let name = orig;
  for (const p of patterns) {
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
