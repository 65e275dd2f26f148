// Site words as data. Each language is one file of concepts written in normal spelling (ä, é, ß,
// typographic apostrophes); this loader folds them once, at load, into the matchers the modules use,
// and tells which concept a language lacks. A concept has a kind:
//   words     — literal words or phrases, matched on folded text (sites/common/fold.js)
//   patterns  — regex sources, matched on folded text: folded here like the text (accents dropped)
//   raw       — regex sources matched on the page's own text (case-insensitive), where a name is cut
//               out as shown: a letter with an accent also matches it without ("à" → "[àa]")
//   frames    — { re, not? }: patterns of labels that carry a name (see sites/words/concepts.js)
//   templates — texts with "{name}" where the person's name stands (optional where the concept says nameOptional)

import { fold } from './fold.js';

/** escape makes a literal usable inside a regex. */
export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** foldPattern folds a regex source as fold() folds text — accents dropped, apostrophes plain — leaving the regex syntax as is. */
export function foldPattern(src) {
  return src
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'");
}

/** loosePattern lets a regex source in normal spelling match text with or without its accents ("réseau" → "r[ée]seau"). */
export function loosePattern(src) {
  let out = '';
  for (const ch of src) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base !== ch && base.length === 1 ? `[${ch}${base}]` : ch;
  }
  return out;
}

/** wordAlt joins words (folded, escaped) into the body of an alternation. */
export function wordAlt(list) {
  return list.map((w) => escape(fold(w))).join('|');
}

/** patternAlt joins regex sources (folded) into the body of an alternation. */
export function patternAlt(list) {
  return list.map(foldPattern).join('|');
}

/** anyOf builds the body of an alternation, or a pattern that never matches when the list is empty. */
export function anyOf(body) {
  return body === '' ? '(?!)' : `(?:${body})`;
}

/** every lists one concept of every language, in the languages' order. */
export function every(langs, concept) {
  return Object.values(langs).flatMap((words) => words[concept]);
}

const KIND_CHECK = {
  words: (v) => typeof v === 'string' && v.trim() !== '',
  patterns: (v) => typeof v === 'string' && v !== '',
  raw: (v) => typeof v === 'string' && v !== '',
  frames: (v) => v && typeof v.re === 'string' && (v.not === undefined || typeof v.not === 'string'),
  templates: (v) => typeof v === 'string' && v.trim() !== '',
};

/**
 * problems checks languages against their concepts ({ concept: { kind, about } }): every concept in
 * every language, as a list of its kind (empty only where the concept says `may: 'empty'`), each
 * pattern a valid regex once folded; no concept the schema does not know. Returns readable problems.
 */
export function problems(langs, concepts) {
  const out = [];
  for (const [lang, words] of Object.entries(langs)) {
    for (const [name, c] of Object.entries(concepts)) {
      const v = words[name];
      if (!Array.isArray(v)) {
        out.push(`${lang}: concept ${name} is missing (${c.about})`);
        continue;
      }
      if (!v.length && !c.empty) out.push(`${lang}: concept ${name} is empty`);
      for (const item of v) {
        if (!KIND_CHECK[c.kind](item)) {
          out.push(`${lang}.${name}: ${JSON.stringify(item)} is not of kind ${c.kind}`);
          continue;
        }
        if (c.kind === 'templates' && !c.nameOptional && !item.includes('{name}')) out.push(`${lang}.${name}: ${item} lacks {name}`);
        const src = c.kind === 'frames' ? item.re : item;
        try {
          if (c.kind === 'patterns' || c.kind === 'frames') new RegExp(foldPattern(src));
          if (c.kind === 'raw') new RegExp(loosePattern(src), 'i');
          if (c.kind !== 'raw' && c.kind !== 'templates' && foldPattern(src) !== foldPattern(src).toLowerCase() && !/\\[A-Za-z]/.test(src)) {
            out.push(`${lang}.${name}: ${src} is not lower-case (it is matched on folded text)`);
          }
        } catch (e) {
          out.push(`${lang}.${name}: ${src}: ${e.message}`);
        }
      }
    }
    for (const name of Object.keys(words)) if (!concepts[name]) out.push(`${lang}: concept ${name} is not in the concepts`);
  }
  return out;
}
