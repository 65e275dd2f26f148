// Site words as data (sites/words/<lang>.js): every concept in every language, each pattern valid once
// folded, and a made-up fourth language compiles into the same matchers — adding a language is adding a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONCEPTS, WORDS } from '../../sites/words/index.js';
import { compileWords, LANGS } from '../../sites/common/words.js';
import { foldPattern, loosePattern, problems } from '../../sites/common/vocab.js';

test('every shared concept exists in every language, of its kind, and nothing else', () => {
  assert.deepEqual(LANGS, ['en', 'de', 'fr']);
  assert.deepEqual(problems(WORDS, CONCEPTS), []);
});

test('a language lacking a concept, or with an unknown one, is named', () => {
  const { otherObject, ...de } = WORDS.de;
  assert.ok(otherObject);
  const got = problems({ en: WORDS.en, de: { ...de, typo: ['x'] } }, CONCEPTS);
  assert.deepEqual(got.map((p) => p.split(' (')[0]), ['de: concept otherObject is missing', 'de: concept typo is not in the concepts']);
});

test('words are written in normal spelling and folded at load', () => {
  assert.equal(foldPattern('zurückziehen'), 'zuruckziehen');
  assert.equal(foldPattern('envoyée à (.+)$'), 'envoyee a (.+)$');
  assert.equal(foldPattern("l’invitation"), "l'invitation");
  assert.equal(loosePattern('réseau'), 'r[ée]seau');
  assert.ok(WORDS.de.notInvite.includes('zurückziehen'));
  const m = compileWords(WORDS);
  assert.ok(m.NOT_INVITE.test('einladung zuruckziehen'));
  assert.ok(m.ADD.test('kontakte hinzufugen'));
  assert.ok(m.INVITE_NAMED.some((re) => re.test('Inviter Chloé à rejoindre votre réseau')));
  assert.ok(m.INVITE_NAMED.some((re) => re.test('Inviter Chloé a rejoindre votre reseau')));
});
