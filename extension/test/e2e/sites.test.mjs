// End to end on the site modules' saved fixtures: rapid Connect clicks and the invite modal are held.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, fixture, setPolicy, sentBy, shot } from './harness.mjs';
import { ours } from './locator.mjs';

const PYMK = 'https://www.linkedin.com/mynetwork/grow/';
const PAGE_ADMIN = 'https://www.linkedin.com/company/acme-corp/admin/';
const IMPORT = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
const SEARCH = 'https://www.linkedin.com/search/results/people/';
let h;

before(async () => {
  h = await launch({
    pages: {
      [PYMK]: fixture('linkedin/connect/en-pymk.html'),
      [PAGE_ADMIN]: fixture('linkedin/invite-modal/en-page.html'),
      [IMPORT]: fixture('linkedin/contact-import/en-unreadable.html'),
      [SEARCH]: fixture('linkedin/connect/en-note-modal.html'),
    },
  });
  assert.ok((await setPolicy(h.sw, { undoSeconds: 1 })).ok);
});
after(async () => {
  await h?.close();
});

test('10 single Connect clicks go through; the 11th is held as one bulk action', async () => {
  const page = await h.page(PYMK);
  const buttons = page.locator('button[aria-label$="to connect"]');
  assert.ok((await buttons.count()) >= 11);
  for (let i = 0; i < 10; i++) await buttons.first().click(); // a sent one turns into "Pending"
  assert.equal((await sentBy(page)).length, 10, 'ten single clicks are single invitations');
  await page.locator('button[aria-label$="to connect"]').first().click(); // the 11th (the sent ones now read "Pending")
  const d = dialog(page);
  await d.waitFor();
  await d.getByText(/You clicked Connect 11 times within 120 s/).waitFor();
  assert.equal((await sentBy(page)).length, 10, 'the 11th is not sent');
  await shot(page, 'dialog-en-velocity');
  await d.getByRole('button', { name: 'Send 1 invitation' }).click();
  await page.waitForFunction(() => window.__sent.length === 11, null, { timeout: 5000 });
  // Still inside the window: the 12th is held too.
  await page.locator('button[aria-label$="to connect"]').first().click();
  await d.waitFor();
  await d.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await sentBy(page)).length, 11);
  // A reload does not reset the count: the clicks are recorded, and the next one is held at once.
  await page.reload();
  await new Promise((r) => setTimeout(r, 1000)); // the content script reads the recorded clicks
  await page.locator('button[aria-label$="to connect"]').first().click();
  await d.getByText(/You clicked Connect 12 times within 120 s/).waitFor();
  await d.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('the invite-to-page modal is held: two people pass no dialog but still wait out the undo window', async () => {
  const page = await h.page(PAGE_ADMIN);
  const selected = await page.evaluate(() =>
    [...document.querySelectorAll('[data-fixture-key]')]
      .filter((r) => r.querySelector('input').checked && !r.querySelector('input').disabled)
      .map((r) => r.dataset.fixtureKey),
  );
  assert.equal(selected.length, 2);
  await page.click('#invite');
  // Two invitations are below the click threshold: no dialog, but the undo window holds them.
  await ours(page).getByText('Sending 2 invitations in 1 s').waitFor();
  assert.equal(await dialog(page).count(), 0);
  await ours(page).getByRole('button', { name: 'Undo' }).click();
  await ours(page).getByText('Undone. Nothing was sent.').waitFor();
  assert.deepEqual(await sentBy(page), []);
  await page.click('#invite');
  await page.waitForFunction(() => window.__sent.length === 1, null, { timeout: 5000 });
  assert.deepEqual((await sentBy(page))[0].sort(), selected.sort());
  await page.close();
});

test('the invite modal with more people asks first', async () => {
  const page = await h.page(PAGE_ADMIN);
  await page.check('#select-all');
  const n = await page.evaluate(() => [...document.querySelectorAll('[data-fixture-key] input')].filter((b) => b.checked && !b.disabled).length);
  await page.click('#invite');
  const d = dialog(page);
  await d.getByText('Invitations to follow a page on LinkedIn').waitFor();
  assert.deepEqual(await sentBy(page), []);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await sentBy(page), [], `nothing of the ${n} is sent`);
  await page.close();
});

test('"Add all 120 connections" over rows that cannot be read stays held and says so', async () => {
  const page = await h.page(IMPORT);
  await page.click('#add');
  const d = dialog(page);
  await d.getByText('Invite Guard could not check this').waitFor();
  await d.getByText(/could not read the list of recipients/).waitFor();
  assert.equal(await d.getByRole('button', { name: 'Nothing to send' }).isDisabled(), true);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test("a Connect that opens the note modal is counted and recorded at the modal's send: ✕ records nothing", async () => {
  const dispatch = (msg) => h.sw.evaluate((m) => globalThis.inviteGuard.dispatch(m), msg);
  assert.ok((await dispatch({ op: 'history.clear' })).ok); // the rapid clicks above are not this test's
  const before = (await dispatch({ op: 'policy.get' })).ok.policy;
  assert.ok((await setPolicy(h.sw, { rapidConnectCount: 1 })).ok); // the second counted click is held
  const batches = async () => (await dispatch({ op: 'history.batches' })).ok.batches.filter((b) => b.pageUrl?.startsWith(SEARCH));
  const counted = async () => (await dispatch({ op: 'velocity.recent', network: 'linkedin', surface: 'connect', windowSeconds: 120 })).ok.times.length;
  const settled = () => new Promise((r) => setTimeout(r, 2500)); // past the wait for a next step
  const page = await h.page(`${SEARCH}?keywords=product%20manager`);
  try {
    await page.click('#connect-1');
    await page.getByRole('dialog', { name: 'Add a note to your invitation?' }).waitFor();
    await page.click('#dismiss');
    await settled();
    assert.deepEqual(await sentBy(page), []);
    assert.equal((await batches()).length, 0, 'Connect then ✕: nothing recorded');
    assert.equal(await counted(), 0);
    // Connect → "Send without a note": one invitation, recorded once under the Connect click's profile key.
    await page.click('#connect-1');
    await page.click('#send-without');
    assert.deepEqual(await sentBy(page), [['https://www.linkedin.com/in/jane-doe-4a1b2c/']]);
    await settled();
    const one = await batches();
    assert.equal(one.length, 1);
    assert.deepEqual(
      (await dispatch({ op: 'history.invitations', batchId: one[0].id })).ok.invitations.map((i) => i.key),
      ['https://www.linkedin.com/in/jane-doe-4a1b2c/'],
    );
    assert.equal(await counted(), 1, 'counted once, not at Connect and again at the send');
    assert.equal(await dialog(page).count(), 0);
    // The next Connect is one too many: held at the Connect click; once confirmed, the modal's send is
    // not asked again and is recorded once.
    await page.click('#connect-2');
    const d = dialog(page);
    await d.getByText(/You clicked Connect 2 times within 120 s/).waitFor();
    await d.getByRole('button', { name: 'Send 1 invitation' }).click();
    await page.getByRole('dialog', { name: 'Add a note to your invitation?' }).waitFor();
    assert.equal((await sentBy(page)).length, 1, 'the Connect click opened the modal only');
    await page.click('#send-without');
    assert.deepEqual((await sentBy(page))[1], ['https://www.linkedin.com/in/omar-haddad/']);
    await settled();
    assert.equal(await dialog(page).count(), 0);
    assert.equal((await batches()).length, 2);
    assert.equal(await counted(), 2);
  } finally {
    await page.close();
    assert.ok((await setPolicy(h.sw, { rapidConnectCount: before.rapidConnectCount })).ok);
  }
});

test('no request left for another host', () => {
  assert.deepEqual(h.violations, []);
});
