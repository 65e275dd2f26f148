// The runner's safety: a reload in the middle of a withdrawal (even mid-click) resumes without
// withdrawing anything twice; a rate-limit message is a hard stop that says why; the daily cap defers
// the rest to the next day with an alarm; pause and cancel put the untouched invitations back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shot } from './harness.mjs';
import { call, invitations, jobSettled, ok, person, poll, record, sentPage, startSite, withdrawnKeys } from './undo-helpers.mjs';
import { ours } from './locator.mjs';
import { inRoots } from './closed-roots.mjs';

const people = (n, from = 0) => Array.from({ length: n }, (_, i) => person(from + i, ['days', 2]));

async function startBatch(h, batchId) {
  const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId } })).job;
  await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
  return planned;
}

test('a reload in the middle of a withdrawal, even mid-click, resumes with no double withdrawal', async (t) => {
  const list = people(8);
  const { h, site } = await startSite({ people: list, withdrawDelayMs: 400 }); // the click's request is slow: a reload can hit it
  try {
    const batch = await record(h.sw, list.slice(0, 6));
    const job = await startBatch(h, batch);
    const page = await sentPage(h);
    // Reload while an item is between "begin" (persisted) and its result.
    await poll(
      () => ok(h.sw, { op: 'job.get', jobId: job.id, items: true }),
      (r) => r.job.finished >= 1 && r.job.items.some((i) => i.status === 'clicking'),
      { interval: 20, what: 'an item mid-click' },
    );
    await page.reload();
    await poll(
      () => site.state.withdrawn.length,
      (n) => n >= 4,
      { what: 'four withdrawals' },
    );
    await page.reload(); // and once more between two items
    const done = await jobSettled(h.sw, job.id);
    assert.equal(done.state, 'done', JSON.stringify(done.stop));
    const keys = list.slice(0, 6).map((p) => p.key);
    for (const k of keys) assert.equal(site.withdrawnCount(k), 1, `${k} withdrawn exactly once`);
    assert.equal(site.state.withdrawn.length, 6);
    assert.equal(done.counts.withdrawn, 6);
    const invs = await invitations(h.sw);
    assert.deepEqual(withdrawnKeys(invs), [...keys].sort());
    const confirmed = done.items.filter((i) => /reload/.test(i.detail ?? ''));
    t.diagnostic(`items confirmed after a reload: ${confirmed.length}; page loads: ${site.state.pageLoads}`);
  } finally {
    await h.close();
  }
});

test('a rate-limit message stops the run and says so; nothing more is clicked', async () => {
  const list = people(6);
  const { h, site } = await startSite({ people: list, rateLimitAfter: 2 });
  try {
    const batch = await record(h.sw, list.slice(0, 5));
    const job = await startBatch(h, batch);
    const stopped = await jobSettled(h.sw, job.id);
    assert.equal(stopped.state, 'stopped');
    assert.equal(stopped.stop.reason, 'rate_limit');
    assert.match(stopped.stop.detail, /out of invitations/);
    assert.equal(site.state.withdrawn.length, 2);
    assert.equal(site.state.refused, 1, 'one refused click, then nothing more');
    assert.equal(stopped.counts.withdrawn, 2);
    assert.equal(stopped.counts.pending, 3, 'the refused card stays pending');
    const page = await sentPage(h);
    await ours(page)
      .getByText(/Stopped: LinkedIn says you made too many requests/)
      .waitFor();
    await shot(page, 'undo-overlay-rate-limit');
    const popup = await h.ctx.newPage();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(`chrome-extension://${h.extId}/ui/popup.html`);
    await popup.getByText(/Stopped: LinkedIn says you made too many requests/).waitFor();
    await popup.getByRole('button', { name: 'Resume' }).waitFor();
    await shot(popup, 'undo-popup-stopped');
    // Nothing moves while stopped.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(site.state.refused, 1);
    // Cancel: the untouched invitations go back to sent.
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await poll(
      () => ok(h.sw, { op: 'job.get', jobId: job.id }),
      (r) => r.job.state === 'cancelled',
      { what: 'cancelled' },
    );
    const invs = await invitations(h.sw);
    assert.equal(invs.filter((i) => i.state === 'withdrawn').length, 2);
    assert.equal(invs.filter((i) => i.state === 'sent').length, 3);
    assert.equal(invs.filter((i) => i.state === 'withdraw_requested').length, 0);
  } finally {
    await h.close();
  }
});

test('the daily cap withdraws the day’s share and defers the rest to the next day with an alarm', async () => {
  const list = people(5);
  const { h, site } = await startSite({ people: list, policy: { withdrawDailyCap: 2 } });
  try {
    const batch = await record(h.sw, list.slice(0, 4));
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: batch } })).job;
    assert.equal(planned.plan.days, 2);
    assert.deepEqual(
      planned.items.map((i) => i.day),
      [0, 0, 1, 1],
    );
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const waiting = await jobSettled(h.sw, planned.id);
    assert.equal(waiting.state, 'waiting');
    assert.equal(waiting.waitReason, 'daily_cap');
    assert.equal(site.state.withdrawn.length, 2);
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    assert.equal(Date.parse(waiting.resumeAt), midnight.getTime());
    const alarm = await h.sw.evaluate((name) => chrome.alarms.get(name), `job:${planned.id}`);
    assert.equal(alarm?.scheduledTime, midnight.getTime());
    // A browser restart may drop alarms: the worker's start puts the waiting job's alarm back.
    await h.sw.evaluate(async (name) => {
      await chrome.alarms.clear(name);
      await globalThis.inviteGuard.worker.restore();
    }, `job:${planned.id}`);
    assert.equal((await h.sw.evaluate((name) => chrome.alarms.get(name), `job:${planned.id}`))?.scheduledTime, midnight.getTime());
    const page = await sentPage(h);
    await ours(page)
      .getByText(/Daily limit reached\. The rest continues on/)
      .waitFor();
    // Another batch today is held back by the same cap.
    const b2 = await record(h.sw, [list[4]]);
    const p2 = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: b2 } })).job;
    assert.equal(p2.items[0].day, 1, 'today’s cap is used up');
    const second = await call(h.sw, { op: 'withdraw.start', jobId: p2.id });
    assert.equal(second.error?.code, 'conflict', 'one withdrawal at a time');
    await ok(h.sw, { op: 'job.cancel', jobId: p2.id });
  } finally {
    await h.close();
  }
});

test('pause and resume from the overlay on the page: nothing is clicked while paused', async () => {
  const list = people(5);
  const { h, site } = await startSite({ people: list, policy: { withdrawPaceMinMs: 900, withdrawPaceMaxMs: 1000 } });
  try {
    const batch = await record(h.sw, list.slice(0, 4));
    const job = await startBatch(h, batch);
    const page = await sentPage(h);
    await poll(
      () => site.state.withdrawn.length,
      (n) => n >= 1,
      { what: 'the first withdrawal' },
    );
    const overlay = ours(page).getByRole('region', { name: 'Invite Guard' });
    await overlay.getByRole('button', { name: 'Pause' }).click();
    await overlay.getByText('Paused. Nothing is withdrawn until you resume.').waitFor();
    const at = site.state.withdrawn.length;
    assert.equal((await ok(h.sw, { op: 'job.get', jobId: job.id })).job.state, 'paused');
    await new Promise((r) => setTimeout(r, 2500)); // longer than the pace: a running job would have clicked
    assert.equal(site.state.withdrawn.length, at, 'nothing withdrawn while paused');
    // A page script cannot press our buttons.
    // (Even one holding the overlay's closed root: the test hands it over, closed-roots.mjs.)
    await inRoots(page, (_, ...roots) =>
      roots
        .map((r) => r.querySelector('button.primary'))
        .find(Boolean)
        .click(),
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await ok(h.sw, { op: 'job.get', jobId: job.id })).job.state, 'paused', 'an untrusted click does nothing');
    await overlay.getByRole('button', { name: 'Resume' }).click();
    const done = await jobSettled(h.sw, job.id, ['done', 'stopped']);
    assert.equal(done.state, 'done');
    assert.deepEqual(
      [...site.state.withdrawn].sort(),
      list
        .slice(0, 4)
        .map((p) => p.key)
        .sort(),
    );
  } finally {
    await h.close();
  }
});

test('a redirect to the sign-in page stops the run with the reason shown', async () => {
  const list = people(4);
  const { h, site } = await startSite({ people: list, policy: { withdrawPaceMinMs: 1500, withdrawPaceMaxMs: 1600 } });
  try {
    const batch = await record(h.sw, list.slice(0, 3));
    const job = await startBatch(h, batch);
    const page = await sentPage(h);
    await poll(
      () => site.state.withdrawn.length,
      (n) => n >= 1,
      { what: 'the first withdrawal' },
    );
    await page.goto('https://www.linkedin.com/uas/login?session_redirect=%2Fmynetwork%2Finvitation-manager%2Fsent%2F');
    const stopped = await jobSettled(h.sw, job.id, ['stopped', 'done']);
    assert.equal(stopped.state, 'stopped');
    assert.equal(stopped.stop.reason, 'login');
    assert.equal(site.state.withdrawn.length, 1);
    const popup = await h.ctx.newPage();
    await popup.goto(`chrome-extension://${h.extId}/ui/popup.html`);
    await popup.getByText('Stopped: LinkedIn asks you to sign in. Sign in, then resume.').waitFor();
  } finally {
    await h.close();
  }
});

test('an invitation the history knows only by name is found on the list by that name, once it is unique', async () => {
  const list = people(4);
  const { h, site } = await startSite({ people: list });
  try {
    // Recorded from an address book: no profile URL, only the address and the name the card shows.
    const res = await ok(h.sw, {
      op: 'record',
      network: 'linkedin',
      surface: 'contact_import',
      recipients: [{ key: 'someone@example.com', name: list[2].name, member: true }],
      decision: { verdict: 'allow', friction: 'none', count: 1 },
    });
    const job = await startBatch(h, res.batchId);
    const done = await jobSettled(h.sw, job.id);
    assert.equal(done.state, 'done');
    assert.deepEqual(site.state.withdrawn, [list[2].key]);
    assert.equal(done.items[0].detail, 'found by name');
  } finally {
    await h.close();
  }
});
