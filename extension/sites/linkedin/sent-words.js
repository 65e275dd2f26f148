// LinkedIn's Sent-list templates (sites/linkedin/words/<lang>.js: withdrawLabel, picture, confirm,
// withdrawn, failed): the labels that carry a person's name, the confirm button of the withdraw dialog,
// and the toasts that follow a withdrawal. "{name}" stands for the person's name as the list shows it —
// any text, digits and punctuation included ("Li O'Neill | 3x Founder", "Marta Nguyen (10k+ followers)").

import { fold } from '../common/fold.js';
import { TEMPLATES as PATTERNS } from './matchers.js';

/**
 * nameIn returns the name a text carries by one of the templates of kind ('withdrawLabel', 'picture',
 * 'withdrawn', 'failed'), folded like fold() ("" when no template fits). Names are compared folded.
 */
export function nameIn(kind, text) {
  const f = fold(text);
  if (!f) return '';
  for (const re of PATTERNS[kind]) {
    const m = re.exec(f);
    if (m && m[1] && m[1].trim()) return m[1].trim();
  }
  return '';
}

/** shownName cuts the name out of the original text (case and accents kept) at the folded name's place. */
export function shownName(kind, text) {
  const f = nameIn(kind, text);
  if (!f) return '';
  // fold keeps the length of most texts; where it does not (decomposed letters), return the folded name.
  const t = String(text).replace(/\s+/g, ' ').trim();
  const at = fold(t).indexOf(f);
  const cut = at >= 0 ? t.slice(at, at + f.length) : '';
  return cut && fold(cut) === f ? cut : f;
}

/** matches tells whether a text is one of kind's templates (with any name, or without one). */
export function matches(kind, text) {
  const f = fold(text);
  return !!f && PATTERNS[kind].some((re) => re.test(f));
}
