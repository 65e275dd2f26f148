// The matchers of LinkedIn's screens, compiled once from LinkedIn's words in every language
// (sites/linkedin/words/<lang>.js). Matched on folded text unless said otherwise.

import { WORDS } from './words/index.js';
import { anyOf, escape, every, loosePattern, patternAlt, wordAlt } from '../common/vocab.js';
import { fold } from '../common/fold.js';

/** template turns a "{name}" template into a regex on folded text; the name is captured. */
function template(tpl) {
  const [before, after = ''] = fold(tpl).split('{name}');
  return new RegExp(`^${escape(before)}${tpl.includes('{name}') ? '(.+?)' : ''}${escape(after)}$`);
}

/** compileLinkedIn builds LinkedIn's matchers from languages ({ en: {...}, de: {...} }). */
export function compileLinkedIn(langs) {
  const w = (concept) => wordAlt(every(langs, concept));
  const p = (concept) => patternAlt(every(langs, concept));
  const raw = (concept) => every(langs, concept).map(loosePattern).join('|');
  const kinds = ['withdrawLabel', 'picture', 'confirm', 'withdrawn', 'failed'];
  return {
    /** TEMPLATES: for each kind of Sent-list text, its templates as regexes on folded text (the name captured). */
    TEMPLATES: Object.fromEntries(kinds.map((k) => [k, every(langs, k).map(template)])),
    /** WITHDRAW: a withdraw control's name: "Withdraw", "Withdraw invitation sent to …", "Zurückziehen", "Retirer". */
    WITHDRAW: new RegExp(`^${anyOf(p('withdraw'))}\\b|\\b${anyOf(p('withdrawEnd'))}$`),
    /** LOAD_MORE: "Load more", "Mehr anzeigen", "Afficher plus" and kin (whole name). */
    LOAD_MORE: new RegExp(`^${anyOf(p('loadMore'))}$`),
    /** AGE: the age a card shows: "Sent 3 months ago", "Vor 3 Wochen gesendet", "Envoyée il y a 2 semaines". */
    AGE: new RegExp(`^${anyOf(p('ageStart'))}|${anyOf(p('ageEnd'))}$`),
    SENT_TAB: new RegExp(`^${anyOf(p('sentTab'))}\\b`),
    RECEIVED_TAB: new RegExp(`^${anyOf(p('receivedTab'))}\\b`),
    /** TOTAL: "People (1,100)", "Personen (1.052)" on the page's own text. */
    TOTAL: new RegExp(`^${anyOf(raw('totalNouns'))}\\s*\\(\\s*\\d[\\d.,'\\s\\u00a0\\u202f]*\\)$`, 'i'),
    /** RATE_LIMIT: a rate-limit message, plus the raw 429 / CUSTOM_INVITE_LIMIT_REACHED texts. */
    RATE_LIMIT: new RegExp(`(${p('rateLimit')}|custom_invite_limit_reached|\\b429\\b)`),
    MUTUAL: new RegExp(raw('mutual'), 'i'),
    /** SENT_TO: a Withdraw label naming the person; the name is the group that matched. */
    SENT_TO: new RegExp(raw('sentTo'), 'i'),
    /** CONNECT_BARE: the visible text of a Connect button. */
    CONNECT_BARE: new RegExp(`^\\+?\\s*${anyOf(w('connectBare'))}$`),
    /** NOTE_MODAL: the note modal, told by its title or text. */
    NOTE_MODAL: new RegExp(`\\b${anyOf(p('noteModal'))}\\b`),
    /** NOTE_SEND: the modal's buttons that send. "Add a note", Cancel and ✕ do not. */
    NOTE_SEND: new RegExp(`^${anyOf(p('noteSend'))}$`),
    /** MODAL_NAMED: sentences of the modal that name the person ("Personalize your invitation to Jane Doe by adding a note."). */
    MODAL_NAMED: every(langs, 'modalNamed').map((re) => new RegExp(loosePattern(re), 'i')),
    /** TITLE_TARGET: what is left of an invite modal's title once the invite wording is cut away is the target's name. */
    TITLE_TARGET: every(langs, 'titleTarget').map((re) => new RegExp(loosePattern(re), 'i')),
    GENERIC_TARGET: new RegExp(`^(?:${raw('genericDeterminer')})?${anyOf(raw('genericTarget'))}$`, 'i'),
  };
}

export const {
  TEMPLATES,
  WITHDRAW,
  LOAD_MORE,
  AGE,
  SENT_TAB,
  RECEIVED_TAB,
  TOTAL,
  RATE_LIMIT,
  MUTUAL,
  SENT_TO,
  CONNECT_BARE,
  NOTE_MODAL,
  NOTE_SEND,
  MODAL_NAMED,
  TITLE_TARGET,
  GENERIC_TARGET,
} = compileLinkedIn(WORDS);
