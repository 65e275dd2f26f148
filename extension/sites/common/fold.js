// Folding text for comparison, in one small module that the vocabulary loader can use too
// (sites/common/vocab.js folds the words it loads by the same rules as the text it meets).

/** clean collapses white space and trims; the result is for display. */
export function clean(s) {
  const str = String(s ?? '');
  // Most texts need no collapsing: test before building a new string (any white space but a plain
  // space, a zero-width space, two spaces, or a space at either end; a thin space too — core/testdata/keys.json).
  if (!/[^\S ]|\u200b| {2}|^ | $/.test(str)) return str;
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
  // Apostrophes first: NFKD would make "´" a space and an accent (core/testdata/fold.json).
  return clean(
    str
      .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, ''),
  ).toLowerCase();
}
