// Site words as data (sites/words/<lang>.js): every concept in every language, each pattern valid once
// folded, and a made-up fourth language compiles into the same matchers — adding a language is adding a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as common from '../../sites/words/index.js';
import * as linkedin from '../../sites/linkedin/words/index.js';
import * as xing from '../../sites/xing/words/index.js';
import { compileWords, LANGS } from '../../sites/common/words.js';
import { foldPattern, loosePattern, problems } from '../../sites/common/vocab.js';
import { fold } from '../../sites/common/fold.js';
import { compileLinkedIn } from '../../sites/linkedin/matchers.js';
import { compileXing } from '../../sites/xing/matchers.js';

const { CONCEPTS, WORDS } = common;
const SETS = { 'sites/words': common, 'sites/linkedin/words': linkedin, 'sites/xing/words': xing };

test('every concept exists in every language, of its kind, and nothing else', async (t) => {
  assert.deepEqual(LANGS, ['en', 'de', 'fr']);
  for (const [dir, set] of Object.entries(SETS)) {
    await t.test(dir, () => {
      assert.deepEqual(Object.keys(set.WORDS), ['en', 'de', 'fr']);
      assert.deepEqual(problems(set.WORDS, set.CONCEPTS), []);
    });
  }
});

test('a language lacking a concept, or with an unknown one, is named', () => {
  const { otherObject, ...de } = WORDS.de;
  assert.ok(otherObject);
  const got = problems({ en: WORDS.en, de: { ...de, typo: ['x'] } }, CONCEPTS);
  assert.deepEqual(
    got.map((p) => p.split(' (')[0]),
    ['de: concept otherObject is missing', 'de: concept typo is not in the concepts'],
  );
});

test('words are written in normal spelling and folded at load', () => {
  assert.equal(foldPattern('zurückziehen'), 'zuruckziehen');
  assert.equal(foldPattern('envoyée à (.+)$'), 'envoyee a (.+)$');
  assert.equal(foldPattern('l’invitation'), "l'invitation");
  assert.equal(loosePattern('réseau'), 'r[ée]seau');
  assert.ok(WORDS.de.notInvite.includes('zurückziehen'));
  const m = compileWords(WORDS);
  assert.ok(m.NOT_INVITE.test('einladung zuruckziehen'));
  assert.ok(m.ADD.test('kontakte hinzufugen'));
  assert.ok(m.INVITE_NAMED.some((re) => re.test('Inviter Chloé à rejoindre votre réseau')));
  assert.ok(m.INVITE_NAMED.some((re) => re.test('Inviter Chloé a rejoindre votre reseau')));
});

test('a fourth language is one file per set of words: checked, then compiled into the same matchers', async () => {
  const it = {
    common: (await import('./words-it/common.js')).default,
    linkedin: (await import('./words-it/linkedin.js')).default,
    xing: (await import('./words-it/xing.js')).default,
  };
  assert.deepEqual(problems({ ...common.WORDS, it: it.common }, common.CONCEPTS), []);
  assert.deepEqual(problems({ ...linkedin.WORDS, it: it.linkedin }, linkedin.CONCEPTS), []);
  assert.deepEqual(problems({ ...xing.WORDS, it: it.xing }, xing.CONCEPTS), []);

  const m = compileWords({ ...common.WORDS, it: it.common });
  assert.ok(m.INVITE.test(fold('Invita')) && m.ADD.test(fold('Aggiungi 12 collegamenti')));
  assert.ok(m.INVITE_NAMED.some((re) => re.exec('Invita Mario Rossi a collegarsi')?.[1] === 'Mario Rossi'));
  assert.ok(m.NOT_INVITE.test(fold('Ritira l’invito')));
  assert.equal(m.COUNT_PHRASES[0].exec(fold('Aggiungi 1.204 collegamenti'))[1], '1.204');
  assert.ok(m.IN_TARGET.test(fold('Già membro')));
  assert.ok(m.COUNTER[0].test('3 di 40 selezionati'));
  assert.ok(m.TEACH_UI.has('collegati'));
  // The shipped matchers do not know it: the fourth language is only where it was added.
  assert.ok(!compileWords(common.WORDS).INVITE.test('invita'));

  const li = compileLinkedIn({ ...linkedin.WORDS, it: it.linkedin });
  assert.equal(
    li.TEMPLATES.withdrawLabel.map((re) => re.exec(fold('Ritira l’invito inviato a Giulia Bianchi | 2x Fondatrice'))?.[1]).find(Boolean),
    'giulia bianchi | 2x fondatrice',
  );
  assert.ok(li.AGE.test(fold('Inviato 3 settimane fa')) && li.RATE_LIMIT.test(fold('Riprova più tardi')));
  const xi = compileXing({ ...xing.WORDS, it: it.xing });
  assert.ok(xi.SENDS.test('invia la richiesta') && xi.TITLE_NAME.some((re) => re.test('Richiesta di contatto a Mario Rossi')));

  const { otherObject, ...lacking } = it.common;
  assert.ok(otherObject);
  assert.deepEqual(
    problems({ it: lacking }, common.CONCEPTS).map((p) => p.split(' (')[0]),
    ['it: concept otherObject is missing'],
  );
});
