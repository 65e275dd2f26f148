// "Undo this batch" from the popup: the plan (how many, how long, what is skipped and why), then the
// runner on the Sent list withdraws exactly that batch's pending invitations — none of the others on the
// list, not even those sent the same day from the phone app — switching back when the page jumps to
// Received. Also the dry run, which only highlights. Screenshots of the popup, the plan, the progress
// and the overlay.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shot } from './harness.mjs';
import { invitations, jobSettled, ok, person, poll, record, scanDone, sentPage, startSite } from './undo-helpers.mjs';
import { ours } from './locator.mjs';

const today = (i) => person(i, ['today', 0]);

async function openPopup(h) {
  const popup = await h.ctx.newPage();
  await popup.setViewportSize({ width: 380, height: 620 });
  await popup.goto(`chrome-extension://${h.extId}/ui/popup.html`);
  return popup;
}

test('"Undo this batch" withdraws exactly the batch’s pending invitations and none of the others on the list', async (t) => {
  const list = Array.from({ length: 14 }, (_, i) => today(i)); // all sent today
  const { h, site } = await startSite({ people: list, jumpAfterLoadMore: 1, jumps: 1 });
  try {
    const accepted = today(30); // in batch A, accepted meanwhile: no longer on the list
    const batchA = await record(h.sw, [list[0], list[1], list[12], accepted]);
    await record(h.sw, [list[2], list[3]], 'connect');
    const scan = await scanDone(h.sw); // the page jumps to Received once during the scan
    assert.equal(scan.seen, 14);
    assert.equal(scan.imported, 9, 'the phone app’s invitations of the same day are imported');
    assert.equal(site.state.jumps, 1);
    site.state.maxJumps = 2; // the next page load jumps once more, when the runner loads more
    await (await sentPage(h)).reload();

    const popup = await openPopup(h);
    const row = popup.locator(`li[data-batch="${batchA}"]`);
    await row.getByText('Partly accepted · 3 of 4 pending').waitFor();
    await shot(popup, 'undo-popup-batches');
    await row.getByRole('button', { name: /^Undo this batch: 4 invitations/ }).click();
    await popup.getByRole('heading', { name: 'Withdraw 3 invitations' }).waitFor();
    await popup.getByText('1 skipped: 1 no longer pending (accepted, declined or withdrawn elsewhere)').waitFor();
    await popup.getByText(/about \d+ s today, one every 0\.5–0\.6 s/).waitFor();
    assert.deepEqual((await popup.locator('ul.people li').allTextContents()).sort(), [list[0].name, list[1].name, list[12].name].sort());
    await shot(popup, 'undo-plan');
    await popup.getByRole('button', { name: 'Withdraw 3 invitations' }).click();

    const job = await poll(
      () => ok(h.sw, { op: 'job.active' }),
      (r) => r.job,
      { what: 'the started job' },
    ).then((r) => r.job);
    const page = await sentPage(h);
    await poll(
      () => site.state.withdrawn.length,
      (n) => n >= 1,
      { what: 'the first withdrawal' },
    );
    await ours(page).getByRole('region', { name: 'Invite Guard' }).waitFor();
    await shot(page, 'undo-overlay');
    await popup.getByRole('progressbar', { name: 'Withdrawal progress' }).waitFor();
    await shot(popup, 'undo-popup-progress');
    const done = await jobSettled(h.sw, job.id);
    assert.equal(done.state, 'done', JSON.stringify(done.stop));
    // The runner's own cost per card beyond the pace: the item's time minus LinkedIn's reactions
    // (dialog shown, card removed), which includes finding the card and both persisted messages.
    const own = done.items.map((i) => i.ms - i.pageMs).sort((a, b) => a - b);
    t.diagnostic(`runner own cost per card (ms): ${own.map((x) => x.toFixed(1)).join(', ')} (incl. Load more waits when the card is on a later page)`);

    assert.deepEqual([...site.state.withdrawn].sort(), [list[0].key, list[1].key, list[12].key].sort(), 'exactly batch A’s pending invitations');
    assert.equal(site.state.jumps, 2, 'the runner met the jump to Received too, and switched back');
    const invs = new Map((await invitations(h.sw)).map((i) => [i.key, i]));
    for (const p of [list[0], list[1], list[12]]) assert.equal(invs.get(p.key).state, 'withdrawn');
    assert.equal(invs.get(accepted.key).state, 'gone');
    for (const p of list.filter((_, i) => ![0, 1, 12].includes(i))) assert.equal(invs.get(p.key).state, 'sent', `${p.name} untouched`);
    assert.equal(site.state.people.length, 11);

    await ours(page).getByText('Done: 3 withdrawn, 0 not found, 0 failed.').waitFor();
    await popup.reload();
    await row.getByText('Withdrawn', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: /Undo this batch/ }).count(), 0);
    await shot(popup, 'undo-popup-done');
    await popup.close();
  } finally {
    await h.close();
  }
});

test('the dry run only highlights: nothing is withdrawn and the history is unchanged', async () => {
  const list = Array.from({ length: 6 }, (_, i) => today(i));
  const { h, site } = await startSite({ people: list });
  try {
    const batch = await record(h.sw, list.slice(0, 3));
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: batch }, dryRun: true })).job;
    assert.equal(planned.items.length, 3);
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const done = await jobSettled(h.sw, planned.id);
    assert.equal(done.state, 'done');
    assert.equal(done.counts.highlighted, 3);
    assert.deepEqual(site.state.withdrawn, []);
    const page = await sentPage(h);
    assert.equal(await page.locator('[data-inviteguard-highlight]').count(), 3);
    await ours(page).getByText('Dry run done: 3 cards highlighted, nothing withdrawn.').waitFor();
    await shot(page, 'undo-dry-run');
    assert.ok(
      (await invitations(h.sw)).every((i) => i.state === 'sent'),
      'the history is unchanged',
    );
  } finally {
    await h.close();
  }
});

test('other selections from the popup: older than N days, not members, hand-picked — each plans only what it names', async () => {
  const list = [person(0, ['today', 0]), person(1, ['weeks', 1]), person(2, ['months', 2]), person(3, ['months', 5]), person(4, ['weeks', 3])];
  const { h } = await startSite({ people: list });
  try {
    await scanDone(h.sw);
    // An email invitation recorded after the scan (a complete scan would have marked it gone: not on the list).
    await ok(h.sw, {
      op: 'record',
      network: 'linkedin',
      surface: 'email_invite',
      recipients: [{ key: 'ann@example.com', name: 'Ann Mail', member: false }],
      decision: { verdict: 'confirm', friction: 'click', count: 1 },
    });
    const popup = await openPopup(h);
    const planOf = async () => {
      await popup.locator('#plan h2').waitFor();
      const names = (await popup.locator('ul.people li').allTextContents()).sort();
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await popup.locator('#home').waitFor();
      return names;
    };
    await popup.getByRole('button', { name: 'Other selections…' }).click();
    await popup.getByLabel('Days').fill('40');
    await popup.getByRole('button', { name: 'Show the plan' }).click();
    assert.deepEqual(await planOf(), [list[2].name, list[3].name].sort(), 'older than 40 days: the two sent months ago');

    await popup.getByRole('button', { name: 'Other selections…' }).click();
    await popup.getByLabel('Invitations to people who are not members (email)').check();
    await popup.getByRole('button', { name: 'Show the plan' }).click();
    assert.deepEqual(await planOf(), ['Ann Mail']);

    await popup.getByRole('button', { name: 'Other selections…' }).click();
    await popup.getByLabel('Hand-picked').check();
    await popup.getByLabel(new RegExp(`^${list[1].name} · `)).check();
    await popup.getByLabel(new RegExp(`^${list[4].name} · `)).check();
    await shot(popup, 'undo-popup-selections');
    await popup.getByRole('button', { name: 'Show the plan' }).click();
    assert.deepEqual(await planOf(), [list[1].name, list[4].name].sort());
    const open = await ok(h.sw, { op: 'job.list' });
    assert.equal(open.jobs.length, 0, 'plans that were not started leave no job behind');
    assert.ok((await invitations(h.sw)).every((i) => i.state === 'sent'));
  } finally {
    await h.close();
  }
});

test('in German: the popup, the plan and the overlay speak German, and the batch is withdrawn', async () => {
  const list = Array.from({ length: 4 }, (_, i) => person(i, ['days', 2]));
  const { h, site } = await startSite({ lang: 'de', people: list });
  try {
    const batch = await record(h.sw, list.slice(0, 2));
    const popup = await openPopup(h);
    const row = popup.locator(`li[data-batch="${batch}"]`);
    await row.getByText('Offen').waitFor();
    await shot(popup, 'undo-popup-batches-de');
    await row.getByRole('button', { name: /^Diesen Stapel zurücknehmen: 2 Einladungen/ }).click();
    await popup.getByRole('heading', { name: '2 Einladungen zurückziehen' }).waitFor();
    await popup.getByText(/älteste zuerst/).waitFor();
    await shot(popup, 'undo-plan-de');
    await popup.getByRole('button', { name: '2 Einladungen zurückziehen' }).click();
    const page = await sentPage(h);
    await ours(page).getByText('Fertig: 2 zurückgezogen, 0 nicht gefunden, 0 fehlgeschlagen.').waitFor();
    await shot(page, 'undo-overlay-de');
    assert.deepEqual(
      [...site.state.withdrawn].sort(),
      list
        .slice(0, 2)
        .map((p) => p.key)
        .sort(),
    );
  } finally {
    await h.close();
  }
});
