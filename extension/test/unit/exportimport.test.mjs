// Export and import (background/exportimport.js), issue 10 item 5: CSV cells are defused by the server's
// one rule (core/testdata/csv_cells.json), a CSV export reads back exactly, and a withdrawal plan from the
// server keeps only the user's selection.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvSafe, parseCSV } from '../../background/exportimport.js';
import { withinSelection } from '../../background/jobs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(fs.readFileSync(path.resolve(here, '../../../core/testdata/csv_cells.json'), 'utf8'));

test('csvSafe follows the shared table (the server’s csvSafe runs the same cases)', () => {
  assert.ok(table.cases.length > 5);
  for (const c of table.cases) assert.equal(csvSafe(c.in), c.out, JSON.stringify(c.in));
});

test('withinSelection drops (and lists) server items outside the local selection', () => {
  const local = {
    items: [
      { id: 'a', key: 'li:ana' },
      { id: 'b', key: 'li:bo' },
    ],
    skipped: [],
  };
  const server = {
    items: [
      { id: 'a', key: 'li:ana', at: '2026-03-01T10:00:00Z', day: 0 },
      { id: 'c', key: 'li:chen', at: '2026-03-01T10:01:00Z', day: 0 },
      { id: '', key: 'li:stranger', at: '2026-03-01T10:02:00Z', day: 0 },
      { id: 'b', key: 'li:bo', at: '2026-03-01T10:03:00Z', day: 0 },
    ],
    skipped: [{ key: 'li:dora', reason: 'accepted' }],
    days: 1,
  };
  const got = withinSelection(server, local);
  assert.deepEqual(
    got.items.map((it) => it.key),
    ['li:ana', 'li:bo'],
  );
  assert.deepEqual(got.skipped, [
    { key: 'li:dora', reason: 'accepted' },
    { id: 'c', key: 'li:chen', reason: 'outside_selection' },
    { key: 'li:stranger', reason: 'outside_selection' },
  ]);
  assert.equal(got.days, 1);
});

test('parseCSV reads defused cells with TAB and CR back as text', () => {
  const rows = parseCSV(`name,note\r\n"'\r=1+1",'\t=cmd\r\n`);
  assert.deepEqual(rows, [
    ['name', 'note'],
    ["'\r=1+1", "'\t=cmd"],
  ]);
});
