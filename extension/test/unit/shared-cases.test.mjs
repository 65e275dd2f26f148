// The case tables the extension shares with the core (core/testdata/*.json; the Go tests run the same
// tables): what the Sent-list reader takes as an age or a total is what the core reads, and names the
// core tells apart (or alike) the extension tells apart (or alike). Keys: keys-text.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AGE, TOTAL } from '../../sites/linkedin/matchers.js';
import { clean, fold } from '../../sites/common/fold.js';
import { sizeFriction } from '../../content/size-friction.js';

const table = (name) => JSON.parse(fs.readFileSync(new URL(`../../../core/testdata/${name}`, import.meta.url), 'utf8')).cases;

test('ages (core/testdata/ages.json): the reader takes exactly the texts the core reads as ages', () => {
  const cases = table('ages.json');
  assert.ok(cases.length >= 25);
  for (const c of cases) assert.equal(AGE.test(fold(c.text)), c.age !== false, c.text);
});

test("totals (core/testdata/counts.json): the reader takes the tab's total, the core reads its number", () => {
  const cases = table('counts.json');
  assert.ok(cases.length >= 10);
  for (const c of cases) assert.equal(TOTAL.test(clean(c.text)), c.total !== false, c.text);
});

test('names (core/testdata/fold.json): the same name to the core is the same name to the extension', () => {
  const cases = table('fold.json');
  assert.ok(cases.length >= 15);
  for (const c of cases) assert.equal(fold(c.a) === fold(c.b), c.same, `${c.a} / ${c.b}`);
});

test("size friction (core/testdata/size_friction.json): the hold expects the core's friction for a batch's size", () => {
  const cases = table('size_friction.json');
  assert.ok(cases.length >= 10);
  const defaults = JSON.parse(fs.readFileSync(new URL('../../../core/testdata/default_policy/default.out.json', import.meta.url), 'utf8')).ok;
  for (const c of cases) {
    const policy = { ...defaults, ...Object.fromEntries(['clickAbove', 'typeAbove', 'blockAbove'].filter((k) => k in c).map((k) => [k, c[k]])) };
    assert.equal(sizeFriction(c.selected, policy), c.friction, JSON.stringify(c));
  }
  assert.equal(sizeFriction(30, { clickAbove: 5 }), null, 'a policy without every threshold');
});
