// An extension update in the middle of a withdrawal: the extension is reloaded twice while its runner
// works through a batch (chrome.runtime.reload(), what an update does: the worker stops, the Sent-list
// tab's script is cut off from the extension, a new worker starts on the same database). Nobody touches
// the job: the new worker finds it running and wakes its tab (reloading it), so the job goes on with
// exactly one runner — every planned person withdrawn exactly once, counted in the withdraw requests the
// served page received, and nothing else touched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { developerMode, reloadExtension } from './harness.mjs';
import { invitations, jobSettled, ok, person, poll, record, sentPage, startSite, withdrawnKeys } from './undo-helpers.mjs';

test('two extension reloads mid-withdrawal: the job resumes by itself, one runner, everyone withdrawn exactly once', async (t) => {
  const list = Array.from({ length: 9 }, (_, i) => person(i, ['days', 3]));
  const batchPeople = list.filter((_, i) => i !== 1 && i !== 4 && i !== 7);
  const outside = list.filter((p) => !batchPeople.includes(p));
  // The click's request is slow, so a reload can catch an item between its "begin" and its result.
  const { h, site } = await startSite({ people: list, withdrawDelayMs: 400 });
  try {
    await developerMode(h); // as a developer has it: Chromium disables a reloaded unpacked extension otherwise
    const batch = await record(h.sw, batchPeople);
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: batch } })).job;
    assert.equal(planned.items.length, batchPeople.length);
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    await sentPage(h);
    const job = () => ok(h.sw, { op: 'job.get', jobId: planned.id, items: true }).then((r) => r.job);

    // The first reload catches an item between its "begin" (persisted) and its result; the second comes
    // after the runner went on by itself and withdrew at least one more.
    const marks = [];
    const reload = async () => {
      const before = await job();
      assert.equal(before.state, 'running');
      const at = site.state.withdrawn.length;
      await reloadExtension(h);
      marks.push({ requests: at, recorded: before.counts.withdrawn, midClick: before.items.filter((i) => i.status === 'clicking').map((i) => i.seq) });
      assert.ok(at < batchPeople.length, `reloaded mid-run (${at} of ${batchPeople.length} withdrawn)`);
      return before;
    };
    await poll(job, (j) => j.finished >= 1 && j.items.some((i) => i.status === 'clicking'), { interval: 20, timeout: 60000, what: 'an item mid-click' });
    const first = await reload();
    // Going on: the item caught mid-click settled, and one more withdrawn by the new worker's runner.
    await poll(job, (j) => j.counts.withdrawn >= first.counts.withdrawn + 2, { timeout: 60000, what: 'the job going on after the first reload' });
    await reload();

    const done = await jobSettled(h.sw, planned.id, ['done', 'stopped', 'cancelled', 'paused'], 90000);
    assert.equal(done.state, 'done', JSON.stringify(done.stop));
    const keys = batchPeople.map((p) => p.key);
    for (const k of keys) assert.equal(site.withdrawnCount(k), 1, `${k} withdrawn exactly once`);
    assert.equal(site.state.withdrawn.length, keys.length, 'one withdraw request per person, nothing else');
    assert.deepEqual(
      site.state.people.map((p) => p.key),
      outside.map((p) => p.key),
      'the invitations outside the batch are still on the list',
    );
    assert.equal(done.counts.withdrawn, keys.length);
    const tabs = h.ctx.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/mynetwork/invitation-manager/'));
    assert.equal(tabs.length, 1, 'one Sent-list tab: the runner went on where it ran');
    const invs = await invitations(h.sw);
    assert.deepEqual(withdrawnKeys(invs), [...keys].sort());
    assert.ok(invs.filter((i) => !keys.includes(i.key)).length === 0, 'only the batch was recorded');
    t.diagnostic(
      `at the reloads: ${JSON.stringify(marks)}; page loads: ${site.state.pageLoads}; items confirmed after a reload: ${done.items.filter((i) => /reload/.test(i.detail ?? '')).length}`,
    );
  } finally {
    await h.close();
  }
});
