import assert from 'node:assert/strict';
import test from 'node:test';
import { jobTitleKey } from '../../shared/job-title.js';

test('a job’s title on the overlay and in the popup follows its state and whether it is a dry run', () => {
  const cases = {
    done: ['done', false, 'runner_title_done'],
    'done, dry run': ['done', true, 'runner_title_dry_done'],
    stopped: ['stopped', false, 'runner_title_stopped'],
    'stopped, dry run': ['stopped', true, 'runner_title_stopped'],
    running: ['running', false, 'runner_title_withdraw'],
    'running, dry run': ['running', true, 'runner_title_dry'],
    paused: ['paused', false, 'runner_title_withdraw'],
  };
  for (const [name, [state, dryRun, want]] of Object.entries(cases)) {
    assert.equal(jobTitleKey(state, dryRun), want, name);
  }
});
