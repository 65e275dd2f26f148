// The extension's reading of the withdrawal job's lifecycle (shared/job-lifecycle.js over the table
// generated from core/joblifecycle.go) answers every case of core/testdata/job_moves.json as the core does:
// the same state, or the same error code and message, and the same repeat.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobRepeat, jobTransition, OPEN_JOB_STATES, RESULT_EVENTS } from '../../shared/job-lifecycle.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(fs.readFileSync(path.resolve(here, '../../../core/testdata/job_moves.json'), 'utf8'));

test('every case of core/testdata/job_moves.json is answered as the core answers it', () => {
  assert.ok(table.cases.length >= 64, `${table.cases.length} cases`);
  for (const c of table.cases) {
    const got = jobTransition(c.from, c.event);
    const want = c.error ? { error: c.error } : { to: c.to };
    assert.deepEqual(got, want, `${c.from} + ${c.event}`);
    assert.equal(jobRepeat(c.from, c.event), c.repeat, `${c.from} + ${c.event}: repeat`);
  }
});

test('the open states and the result events are the core’s', () => {
  assert.deepEqual([...OPEN_JOB_STATES], ['running', 'paused', 'waiting', 'stopped']);
  assert.deepEqual(RESULT_EVENTS, { withdrawn: 'withdrawn', not_found: 'withdraw_missing', failed: 'withdraw_failed' });
});
