// The held rows' way to the worker (shared/rows-wire.js) and the compact request built from them
// (background/compact.js compactFromRows): the same request as from the recipient objects, and every
// malformed list refused naming the list and the row.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packRows, unpackRows, ROW } from '../../shared/rows-wire.js';
import { compactFromRows, compactRequest } from '../../background/compact.js';

// Names as people write them: a name is data, never a count.
const recipients = [
  { key: 'https://www.linkedin.com/in/jane-doe-1/', name: 'Jane Doe', selected: true, member: true },
  { key: 'https://www.linkedin.com/in/jane-doe-12/', name: "Sven O'Brien, MBA", selected: false, member: true },
  { key: 'https://www.linkedin.com/in/李娜/', name: '李娜 (she/her) 🌸', selected: true },
  { key: 'kai.berg@example.org', name: 'Dr. Kai Berg', selected: true, member: false, optedOut: true },
  { key: 'name:100 acres', name: '100 Acres', selected: true, inTarget: true },
  { key: 'https://www.linkedin.com/in/jane-doe-1/', name: 'Jane Doe', selected: true, member: true },
];
const where = { network: 'linkedin', surface: 'contact_import', now: '2026-12-04T10:00:00.000Z', policy: { cooldownDays: 30 } };
const history = [
  { key: 'https://www.linkedin.com/in/jane-doe-12/', network: 'linkedin', surface: 'contact_import', kind: 'invited', at: '2026-11-30T09:00:00.000Z' },
  { key: 'https://www.linkedin.com/in/someone-else/', network: 'linkedin', surface: 'connect', kind: 'invited', at: '2026-12-01T09:00:00.000Z' },
];

test('rows travel as front-coded keys, bits and (with a message) names, and come back as they were', () => {
  const packed = packRows(recipients);
  assert.deepEqual(
    packed.front.slice(0, 2),
    [0, 'https://www.linkedin.com/in/jane-doe-1'.length],
    'the second key shares "https://www.linkedin.com/in/jane-doe-1" with the first',
  );
  assert.equal(packed.names, undefined, 'no names without a message');
  const back = unpackRows(JSON.parse(JSON.stringify(packed)), 100);
  assert.deepEqual(
    back.keys,
    recipients.map((r) => r.key),
  );
  assert.deepEqual(back.bits, [
    ROW.selected | ROW.member,
    ROW.member,
    ROW.selected,
    ROW.selected | ROW.notMember | ROW.optedOut,
    ROW.selected | ROW.inTarget,
    ROW.selected | ROW.member,
  ]);
  assert.equal(back.names, null);
  assert.deepEqual(
    unpackRows(packRows(recipients, true), 100).names,
    recipients.map((r) => r.name),
  );
});

test('the compact request from the lists is the one from the recipient objects', () => {
  for (const message of [undefined, 'Hi {name}, great to meet you']) {
    const w = message ? { ...where, message } : where;
    const fromObjects = compactRequest({ ...w, recipients, history });
    const fromRows = compactFromRows(w, unpackRows(packRows(recipients, !!message), 100), history);
    assert.deepEqual(fromRows, fromObjects);
  }
});

test('a malformed list is refused naming the list and the row', () => {
  const ok = packRows(recipients);
  const cases = [
    [{ ...ok, front: 'x' }, /front, tails and bits/],
    [{ ...ok, tails: ok.tails.slice(1) }, /tails 5, bits 6/],
    [{ ...ok, front: [0, 99, ...ok.front.slice(2)] }, /front\[1\] is 99/],
    [{ ...ok, tails: ['', ...ok.tails.slice(1)] }, /recipient 0 has no key/],
    [{ ...ok, bits: [ROW.member | ROW.notMember, ...ok.bits.slice(1)] }, /bits\[0\]/],
    [{ ...ok, bits: [32, ...ok.bits.slice(1)] }, /bits\[0\] is 32/],
    [{ ...ok, names: ['Jane Doe'] }, /names must have one entry per row/],
    [{ ...ok, names: [null, ...recipients.slice(1).map((r) => r.name)] }, /names\[0\] is not a string/],
  ];
  for (const [rows, want] of cases) assert.throws(() => unpackRows(rows, 100), want);
  assert.throws(() => unpackRows(ok, 5), /at most 5 recipients, got 6/);
});
