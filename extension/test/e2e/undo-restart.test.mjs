// A browser restart in the middle of a withdrawal: the whole browser closes after some of the batch is
// withdrawn, Chromium starts again on the same profile, and the job goes on with no user action: the
// worker's startup handler opens the Sent list, whose runner asks for the next item (an item caught
// mid-click is checked on the fresh list, never clicked twice). The Sent list's "server" state lives in
// this Node process, so it survives the restart like LinkedIn's would.
// Chromium reports an extension loaded with --load-extension as freshly installed at every launch
// (runtime.onInstalled "install", never runtime.onStartup), so the test fires the worker's onStartup
// handler itself, as the browser does for an installed extension — after the fixture routes are in place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, setPolicy } from './harness.mjs';
import { createSentSite } from './pages/sent-list.js';
import { FAST, invitations, jobSettled, ok, person, poll, record, sentPage, withdrawnKeys } from './undo-helpers.mjs';

test('a browser restart mid-withdrawal resumes when the worker starts: every planned invitation withdrawn once, nothing else touched', async (t) => {
  const list = Array.from({ length: 9 }, (_, i) => person(i, ['days', 2]));
  const batchPeople = [list[0], list[2], list[3], list[5], list[6], list[8]];
  const outside = list.filter((p) => !batchPeople.includes(p));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-e2e-restart-'));
  // The click's request is slow, so the close can catch an item mid-click.
  const site = createSentSite({ people: list, withdrawDelayMs: 400 });
  let h;
  try {
    h = await launch({ userDataDir: profile });
    await site.install(h.ctx);
    const pol = await setPolicy(h.sw, FAST);
    assert.ok(!pol.error, pol.error?.message);
    const batch = await record(h.sw, batchPeople);
    // Another batch that stays untouched: its invitations must still be sent afterwards.
    const other = await record(h.sw, outside.slice(0, 2));
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: batch } })).job;
    assert.equal(planned.items.length, batchPeople.length);
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    await sentPage(h);
    // Close while an item is between "begin" (persisted) and its result, after two are withdrawn.
    const before = await poll(
      () => ok(h.sw, { op: 'job.get', jobId: planned.id, items: true }).then((r) => r.job),
      (j) => j.counts.withdrawn >= 2 && j.items.some((i) => i.status === 'clicking'),
      { interval: 20, what: 'two withdrawals and an item mid-click' },
    );
    assert.equal(before.state, 'running');
    await h.close(); // the whole browser, mid-run
    h = null;
    const atClose = site.state.withdrawn.length;
    assert.ok(atClose >= 2 && atClose < batchPeople.length, `closed mid-run (${atClose} of ${batchPeople.length} withdrawn)`);
    const midClick = before.items.filter((i) => i.status === 'clicking').length;

    // Chromium again, same profile: nobody touches the job; the extension resumes it.
    h = await launch({ userDataDir: profile });
    await site.install(h.ctx);
    assert.equal((await ok(h.sw, { op: 'job.get', jobId: planned.id })).job.state, 'running', 'the job survived the restart as running');
    await h.sw.evaluate(() => globalThis.inviteGuard.worker.onStartup());
    await sentPage(h);
    const done = await jobSettled(h.sw, planned.id, ['done', 'stopped', 'cancelled']);
    assert.equal(done.state, 'done', JSON.stringify(done.stop));

    const keys = batchPeople.map((p) => p.key);
    for (const k of keys) assert.equal(site.withdrawnCount(k), 1, `${k} withdrawn exactly once`);
    assert.equal(site.state.withdrawn.length, keys.length, 'the withdraw log has the batch and nothing else');
    assert.equal(new Set(site.state.withdrawn).size, site.state.withdrawn.length, 'no duplicate in the withdraw log');
    assert.deepEqual(
      site.state.people.map((p) => p.key),
      outside.map((p) => p.key),
      'the invitations outside the batch are still on the list',
    );
    assert.equal(done.counts.withdrawn, keys.length);
    const invs = await invitations(h.sw);
    assert.deepEqual(withdrawnKeys(invs), [...keys].sort());
    const rest = invs.filter((i) => !keys.includes(i.key));
    assert.equal(rest.length, 2);
    assert.ok(
      rest.every((i) => i.state === 'sent' && i.batchId === other),
      JSON.stringify(rest.map((i) => [i.key, i.state, i.batchId])),
    );
    const caught = before.items.find((i) => i.status === 'clicking');
    const after = done.items.find((i) => i.seq === caught?.seq);
    t.diagnostic(`the item caught mid-click ended ${after?.status} (${after?.detail || 'clicked again'})`);
    t.diagnostic(`withdrawn at close: ${atClose}; mid-click at the close: ${midClick}; page loads: ${site.state.pageLoads}`);
  } finally {
    await h?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
