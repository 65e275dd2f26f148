// The matchers of XING's contact requests, compiled once from XING's words in every language
// (sites/xing/words/<lang>.js). Matched on folded text unless said otherwise.

import { WORDS } from './words/index.js';
import { anyOf, every, loosePattern, patternAlt } from '../common/vocab.js';

/** compileXing builds XING's matchers from languages ({ en: {...}, de: {...} }). */
export function compileXing(langs) {
  const p = (concept) => patternAlt(every(langs, concept));
  return {
    /** REQUEST: words that make a dialog or button about a contact request. */
    REQUEST: new RegExp(`\\b${anyOf(p('request'))}\\b`),
    /** SENDS: a button that sends: "Senden", "Kontaktanfrage senden", "Send", "Send request", "Envoyer". */
    SENDS: new RegExp(`^${anyOf(p('sends'))}$`),
    /** TITLE_NAME: titles that name the recipient, on the page's own text. */
    TITLE_NAME: every(langs, 'titleName').map((re) => new RegExp(loosePattern(re), 'i')),
  };
}

export const { REQUEST, SENDS, TITLE_NAME } = compileXing(WORDS);
