// The matchers the site modules use, compiled once from the words of every language
// (sites/words/<lang>.js, concepts in sites/words/concepts.js). Matched on folded text
// (fold: lower-case, no diacritics, plain apostrophes, collapsed spaces) unless said otherwise.

import { WORDS } from '../words/index.js';
import { anyOf, every, loosePattern, patternAlt, wordAlt, foldPattern } from './vocab.js';
import { fold } from './fold.js';

const NUM = String.raw`(\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+|\d+)(?![\p{L}\d+%])`;
const COUNT_NUM = String.raw`(\d[\d.,\u00a0\u202f]*)`;

/** compileWords builds every matcher from languages ({ en: {...}, de: {...} }): tests compile a made-up language with it. */
export function compileWords(langs) {
  const w = (concept) => wordAlt(every(langs, concept));
  const p = (concept) => patternAlt(every(langs, concept));
  const raw = (concept) => every(langs, concept).map(loosePattern).join('|');
  const frames = Object.values(langs).flatMap((l) => [
    ...l.named.map(({ re, not }) => ({ re: new RegExp(foldPattern(re)), not })),
    ...l.inviteFrames.map((re) => ({ re: new RegExp(foldPattern(re)) })),
  ]);
  return {
    /** NAMED lists every language's named frames ({ re, not }) in order: other actions first, then invitations. */
    NAMED: frames,
    /** INVITE_NAMED matches an invitation's label that names the person, on the page's own text (case-insensitive). */
    INVITE_NAMED: every(langs, 'inviteFrames').map((re) => new RegExp(loosePattern(re), 'i')),
    /** NOT_INVITE matches a word that makes an action something other than sending an invitation. */
    NOT_INVITE: new RegExp(`(?:^|[^\\p{L}])${anyOf(w('notInvite'))}(?![\\p{L}])`, 'u'),
    /** LEADING matches another action's word at the start of a label. */
    LEADING: new RegExp(`^${anyOf(w('leading'))}(?![\\p{L}'])`, 'u'),
    /** TRAILING matches another action's word at the end of a label (German word order). */
    TRAILING: new RegExp(`[^\\p{L}]${anyOf(w('trailing'))}$`, 'u'),
    /** COUNT_PHRASES are the shapes of a stated count: "120 connections", "Invite 2", "alle 3". */
    COUNT_PHRASES: [
      new RegExp(`(?:^|[^\\p{L}\\d])${NUM}\\s+${anyOf(w('countNouns'))}(?![\\p{L}])`, 'u'),
      new RegExp(`(?:^|[^\\p{L}])${anyOf(w('countVerbs'))}\\s+${NUM}`, 'u'),
    ],
    /** EMAIL_GATE matches the text of a note modal that asks for the person's email first. */
    EMAIL_GATE: new RegExp(p('emailGate')),
    ADD: new RegExp(`\\b(${w('add')})\\b`),
    CONNECT: new RegExp(`\\b(${w('connect')})\\b`),
    INVITE: new RegExp(`\\b(${w('invite')})\\b`),
    SEND: new RegExp(`\\b(${w('send')})\\b`),
    ALL: new RegExp(`\\b(${w('all')})\\b`),
    PLURAL: new RegExp(`\\b(${w('plural')})\\b`),
    /** OTHER_OBJECT: objects that make an "add" or "invite" button about something else than people. */
    OTHER_OBJECT: new RegExp(`\\b(${w('otherObject')})\\b`),
    /** SELECT_ALL: a "Select all" control's whole name; SELECT_ALL_WORDS: "select all" anywhere. */
    SELECT_ALL: new RegExp(`^${anyOf(p('selectAll'))}`),
    SELECT_ALL_WORDS: new RegExp(`\\b${anyOf(w('selectAllWords'))}\\b`),
    /** IN_TARGET: a whole short status text, never inside a headline ("Board Member at Acme"). */
    IN_TARGET: new RegExp(`^(?:${p('inTargetPrefix')})?${anyOf(p('inTarget'))}[.!]?$`),
    /** UI_WORD, UI_SELECT: words a row shows that are interface, never a person's name. */
    UI_WORD: new RegExp(`^${anyOf(p('uiWords'))}$`),
    UI_SELECT_PREFIX: new RegExp(`^${anyOf(p('uiSelectPrefix'))} `),
    UI_SELECT_SUFFIX: new RegExp(` ${anyOf(p('uiSelectSuffix'))}$`),
    /** NAME_LABELS: decorations around a name, matched on the label as shown (plain apostrophes), with indices. */
    NAME_LABELS: every(langs, 'nameLabels').map((re) => new RegExp(loosePattern(re), 'id')),
    EVENT: new RegExp(`\\b(${p('event')})\\b`),
    GROUP: new RegExp(`\\b(${w('group')})\\b`),
    PAGE: new RegExp(`\\b(${w('page')})\\b`),
    MESSAGING: new RegExp(`\\b(${w('messaging')})\\b`),
    /** SELECTS: what a toggle button that selects a row says ("Select", "Ausgewählt", "Sélectionner" …). */
    SELECTS: new RegExp(`^${anyOf(p('selects'))}\\b|\\b${anyOf(p('selectsEnd'))}$`),
    NOT_MEMBER: new RegExp(`\\b(${p('notMember')})\\b`),
    /** COUNTER: "3 selected", "3 of 40 selected", "All 500 selected", "Selected: 3" — on the page's own text. */
    COUNTER: [
      new RegExp(
        `^(?:${anyOf(raw('counterAll'))}\\s+)?${COUNT_NUM}\\s+(?:${anyOf(raw('counterOf'))}\\s+\\d[\\d.,\\u00a0\\u202f]*\\s+)?(?:${anyOf(raw('counterPeople'))}\\s+)?${anyOf(raw('counterSelected'))}(?:\\s|$|[.!)])`,
        'i',
      ),
      new RegExp(`^${anyOf(raw('counterLabel'))}\\s*[:(]\\s*(\\d[\\d.,]*)\\)?$`, 'i'),
    ],
    /** TEACH_UI, TEACH_ACTION: folded words of the interface, and of actions, for taught rules' name shapes. */
    TEACH_UI: new Set(every(langs, 'teachUi').filter(Boolean).map(fold)),
    TEACH_ACTION: new Set(every(langs, 'teachAction').filter(Boolean).map(fold)),
  };
}

/** LANGS lists the languages whose words the matchers know. */
export const LANGS = Object.keys(WORDS);

const M = compileWords(WORDS);
export const {
  NAMED,
  INVITE_NAMED,
  NOT_INVITE,
  LEADING,
  TRAILING,
  COUNT_PHRASES,
  EMAIL_GATE,
  ADD,
  CONNECT,
  INVITE,
  SEND,
  ALL,
  PLURAL,
  OTHER_OBJECT,
  SELECT_ALL,
  SELECT_ALL_WORDS,
  IN_TARGET,
  UI_WORD,
  UI_SELECT_PREFIX,
  UI_SELECT_SUFFIX,
  NAME_LABELS,
  EVENT,
  GROUP,
  PAGE,
  MESSAGING,
  SELECTS,
  NOT_MEMBER,
  COUNTER,
  TEACH_UI,
  TEACH_ACTION,
} = M;
