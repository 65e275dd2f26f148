// LinkedIn's words, per language. Adding a language is adding its file (test/unit/words.test.mjs names
// every concept it lacks) and its line here.

import en from './en.js';
import de from './de.js';
import fr from './fr.js';

export { CONCEPTS } from './concepts.js';

/** WORDS maps each language to LinkedIn's words in it, in the order the languages are tried. */
export const WORDS = { en, de, fr };
