// End to end: the built extension in Chromium holds a contact-import batch and releases exactly what
// the user confirmed, once, after the undo window — or nothing at all.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, shot, setPolicy, sentBy } from './harness.mjs';
import { contactImportPage, person } from './pages/contact-import.js';
import { ours } from './locator.mjs';
import { inRoots } from './closed-roots.mjs';

const BASE = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
let h;

before(async () => {
  h = await launch({
    pages: {
      [BASE]: (url) =>
        contactImportPage({
          n: Number(url.searchParams.get('n') ?? 40),
          offset: Number(url.searchParams.get('offset') ?? 0),
          modal: url.searchParams.has('modal'),
          on: url.searchParams.get('on') ?? 'click',
        }),
    },
  });
  const res = await setPolicy(h.sw, { undoSeconds: 2, weeklyBudgetLinkedIn: 5000 });
  assert.ok(res.ok, JSON.stringify(res));
});

after(async () => {
  await h?.close();
});

const open = (n, offset = 0) => h.page(`${BASE}?n=${n}&offset=${offset}`);
const postsTo = (offset) => h.sends.filter((s) => s.url.includes('Invitations') && s.body.some((k) => k === person(offset).key));
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

test('nothing is sent before confirmation, and Cancel sends nothing', async () => {
  const page = await open(30, 1000);
  await page.click('#add');
  const d = dialog(page);
  await d.waitFor();
  await assert.doesNotReject(d.getByText('You are about to send 30 invitations').waitFor());
  assert.deepEqual(await sentBy(page), []);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await d.waitFor({ state: 'detached' });
  await wait(2500);
  assert.deepEqual(await sentBy(page), []);
  assert.equal(postsTo(1000).length, 0);
  await page.close();
});

test('focus stays in the dialog, and Esc sends nothing', async () => {
  const page = await open(12, 1100);
  await page.click('#add');
  await dialog(page).waitFor();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-inviteguard-ui')),
      true,
      `focus left the dialog after ${i + 1} Tab presses`,
    );
  }
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  await wait(2500);
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('typed confirmation sends exactly the kept selection, once, after the undo window', async () => {
  const page = await open(30, 1200);
  await page.click('#add');
  const d = dialog(page);
  await d.waitFor();
  await shot(page, 'dialog-en-small');
  const confirm = d.getByRole('button', { name: 'Send 30 invitations' });
  assert.equal(await confirm.isDisabled(), true, 'confirm is disabled until the number is typed');
  const a = await confirm.boundingBox();
  const b = await page.locator('#add').boundingBox();
  const apart = a.x > b.x + b.width || b.x > a.x + a.width || a.y > b.y + b.height || b.y > a.y + a.height;
  assert.ok(apart, `the confirm button (${JSON.stringify(a)}) is not where the page's button was (${JSON.stringify(b)})`);
  // Drop two people; the core is asked again and the count and the number to type follow.
  await d.getByText(person(1201).name, { exact: true }).click(); // a click on the row's label
  assert.equal(await d.getByRole('checkbox', { name: new RegExp(person(1201).name) }).isChecked(), false);
  await d.getByRole('checkbox', { name: new RegExp(person(1203).name) }).uncheck();
  const confirm28 = d.getByRole('button', { name: 'Send 28 invitations' });
  await confirm28.waitFor();
  const input = d.getByLabel('Type 28 to confirm');
  await input.fill('30');
  assert.equal(await confirm28.isDisabled(), true, 'a wrong number does not confirm');
  await input.fill('28');
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await confirm28.isDisabled()); i++) await wait(20);
  });
  assert.equal(await confirm28.isDisabled(), false);
  await confirm28.click();
  const countdown = ours(page).getByText(/Sending 28 invitations in \d s/);
  await countdown.waitFor();
  await shot(page, 'countdown-en');
  assert.deepEqual(await sentBy(page), [], 'nothing is released during the undo window');
  await page.waitForFunction(() => window.sent.length > 0, null, { timeout: 6000 });
  await wait(800);
  const sent = await sentBy(page);
  assert.equal(sent.length, 1, 'released exactly once');
  const want = [];
  for (let i = 1200; i < 1230; i++) if (i !== 1201 && i !== 1203) want.push(person(i).key);
  assert.deepEqual(sent[0].keys, want);
  assert.equal(postsTo(1200).length, 1);
  await page.close();
});

test('Undo during the window sends nothing', async () => {
  const page = await open(8, 1300);
  await page.click('#add');
  const d = dialog(page);
  await d.getByRole('button', { name: 'Send 8 invitations' }).click();
  await ours(page).getByRole('button', { name: 'Undo' }).click();
  await ours(page).getByText('Undone. Nothing was sent.').waitFor();
  await wait(2500);
  assert.deepEqual(await sentBy(page), []);
  assert.equal(postsTo(1300).length, 0);
  await page.close();
});

test('a page script cannot click the confirm button or change the selection', async () => {
  const page = await open(8, 1400);
  await page.click('#add');
  const d = dialog(page);
  await d.getByText('You are about to send 8 invitations').waitFor(); // the decision's frame: the rows are in
  // Even a page script holding the closed root (the test hands it over: closed-roots.mjs) cannot.
  const result = await inRoots(page, (_, root) => {
    const box = root.querySelector('.row input');
    box.click(); // untrusted: reverted
    const confirm = root.querySelector('.confirm');
    confirm.click();
    confirm.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return { checked: box.checked, disabled: confirm.disabled };
  });
  assert.equal(result.checked, true, 'an untrusted checkbox click is reverted');
  await wait(2600);
  assert.equal(await d.isVisible(), true, 'the dialog is still open');
  assert.deepEqual(await sentBy(page), []);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.close();
});

test('a blocked batch explains why and cannot be sent until it is small enough', async () => {
  const page = await open(101, 1500);
  await page.click('#add');
  const d = dialog(page);
  await d.getByText('This batch is blocked').waitFor();
  await assert.doesNotReject(d.getByText(/raise the limit “Block above” in the options/).waitFor());
  await assert.doesNotReject(d.getByText('101 invitations at once is over your limit of 100.').waitFor());
  assert.equal(await d.getByRole('button', { name: 'Send 101 invitations' }).isDisabled(), true);
  await shot(page, 'dialog-en-blocked');
  const [options] = await Promise.all([h.ctx.waitForEvent('page'), d.getByRole('button', { name: 'Open options' }).click()]);
  await options.waitForLoadState();
  assert.match(options.url(), /^chrome-extension:\/\/[a-z]+\/ui\/options\.html/);
  await options.close();
  // One fewer and the core asks for the number instead.
  await d.getByRole('checkbox', { name: new RegExp(person(1500).name) }).uncheck();
  await d.getByLabel('Type 100 to confirm').waitFor();
  await d.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('a second batch to the same people is flagged', async () => {
  const first = await open(6, 1600);
  await first.click('#add');
  await dialog(first).getByRole('button', { name: 'Send 6 invitations' }).click();
  await first.waitForFunction(() => window.sent.length === 1, null, { timeout: 6000 });
  await first.close();
  await wait(500); // the record is written after the release
  const second = await open(8, 1600); // the same six and two new people
  await second.click('#add');
  const d = dialog(second);
  await d.waitFor();
  await d.getByText('6 were invited within the last 21 days.').waitFor();
  await assert.doesNotReject(d.getByText('2 of 8 selected').waitFor());
  const flaggedBox = d.getByRole('checkbox', { name: new RegExp(person(1600).name) });
  assert.equal(await flaggedBox.isChecked(), false, 'a recently invited person is unchecked');
  assert.equal(await d.getByRole('checkbox', { name: new RegExp(person(1606).name) }).isChecked(), true);
  await shot(second, 'dialog-en-flagged');
  // The dialog re-asks the core for the kept rows (the button is enabled once it answered); the
  // unchecked, flagged row still says why after that answer.
  const send2 = d.getByRole('button', { name: 'Send 2 invitations' });
  await send2.waitFor();
  for (let i = 0; i < 300 && (await send2.isDisabled()); i++) await wait(20);
  assert.match(await d.getByRole('checkbox', { name: new RegExp(person(1600).name) }).getAttribute('aria-label'), /Invited recently until /);
  // Select all, then back to the suggestion: the count, the button and the re-asked friction follow.
  await d.getByRole('button', { name: 'Select all' }).click();
  await d.getByRole('button', { name: 'Send 8 invitations' }).waitFor();
  await d.getByText('8 of 8 selected').waitFor();
  await d.getByRole('button', { name: 'Suggested only' }).click();
  await d.getByRole('button', { name: 'Send 2 invitations' }).waitFor();
  await d.getByRole('button', { name: 'Cancel' }).click();
  await second.close();
});

test('1,000 recipients: the dialog lists them all through a virtualised list', async () => {
  const page = await open(1000, 3000);
  await page.click('#add');
  const d = dialog(page);
  // The decision's frame, not the first one (which has no rows yet).
  await d.getByText(/1,000 invitations at once is over your limit/).waitFor();
  await shot(page, 'dialog-en-1000');
  const rendered = await inRoots(page, (_, root) => root.querySelectorAll('.row').length);
  assert.ok(rendered > 0 && rendered < 60, `only the visible rows are in the DOM (${rendered})`);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.close();
});

test('over a modal <dialog> of the page, the Invite Guard dialog is on top and works', async () => {
  const page = await h.page(`${BASE}?n=9&offset=1800&modal`);
  assert.equal(await page.evaluate(() => document.getElementById('page-modal').matches(':modal')), true);
  await page.click('#add');
  const d = dialog(page);
  await d.getByRole('checkbox', { name: new RegExp(person(1800).name) }).uncheck();
  await d.getByRole('button', { name: 'Send 8 invitations' }).click();
  await page.waitForFunction(() => window.sent.length === 1, null, { timeout: 6000 });
  assert.equal((await sentBy(page))[0].keys.length, 8);
  assert.equal((await sentBy(page))[0].keys.includes(person(1800).key), false);
  await page.close();
});

test('a page that sends on mousedown instead of click is held too, and its handler runs once on release', async () => {
  const page = await open(7, 1900);
  await page.goto(`${BASE}?n=7&offset=1900&on=mousedown`);
  await page.click('#add');
  const d = dialog(page);
  await d.waitFor();
  assert.deepEqual(await sentBy(page), [], 'the mousedown did not reach the page');
  await d.getByRole('button', { name: 'Send 7 invitations' }).click();
  await page.waitForFunction(() => window.sent.length > 0, null, { timeout: 6000 });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await sentBy(page)).length, 1);
  await page.close();
});

test('the engine failing holds the batch in a plain fallback dialog', async () => {
  await h.sw.evaluate(() => {
    // Every call reaches the guest through call (callJSON too): the engine answers decide with an error.
    const e = globalThis.inviteGuard.engine;
    e.__call = e.call;
    e.call = async (op, input) => (op === 'decide' ? JSON.stringify({ error: { code: 'engine', message: 'test: engine down' } }) : e.__call(op, input));
  });
  try {
    const page = await open(7, 1700);
    await page.click('#add');
    const d = dialog(page);
    await d.getByText('Invite Guard could not check this').waitFor();
    await assert.doesNotReject(d.getByText(/test: engine down/).waitFor());
    assert.deepEqual(await sentBy(page), []);
    await shot(page, 'dialog-en-fallback');
    await d.getByRole('button', { name: 'Send 7 invitations' }).click();
    await page.waitForFunction(() => window.sent.length === 1, null, { timeout: 6000 });
    assert.equal((await sentBy(page))[0].keys.length, 7);
    await page.close();
  } finally {
    await h.sw.evaluate(() => {
      const e = globalThis.inviteGuard.engine;
      e.call = e.__call;
    });
  }
});

/**
 * gateDecide makes the worker's engine wait before each decide until open() (restore() puts it back): the
 * dialog's first frame, shown before the decision, can then be seen for as long as a test needs.
 */
async function gateDecide() {
  await h.sw.evaluate(() => {
    const e = globalThis.inviteGuard.engine;
    e.__call ??= e.call;
    globalThis.__gate = new Promise((resolve) => (globalThis.__openGate = resolve));
    e.call = async (op, input) => {
      if (op === 'decide') await globalThis.__gate;
      return e.__call(op, input);
    };
  });
  return {
    open: () => h.sw.evaluate(() => globalThis.__openGate()),
    restore: () =>
      h.sw.evaluate(() => {
        const e = globalThis.inviteGuard.engine;
        e.call = e.__call;
        globalThis.__openGate?.();
      }),
  };
}

test('two frames: the dialog is on screen before the decision, and fills in when the engine answers', async () => {
  const gate = await gateDecide();
  try {
    const page = await open(40, 2100);
    await page.click('#add');
    const d = dialog(page);
    await d.getByText('Holding 40 invitations to check them first').waitFor();
    await assert.doesNotReject(d.getByText('Checking each person against your invitation history').waitFor());
    assert.equal(await d.getByRole('checkbox').count(), 0, 'no rows before the decision');
    assert.equal(await d.getByRole('button', { name: 'Send 40 invitations' }).isDisabled(), true, 'nothing to confirm yet');
    await shot(page, 'dialog-en-first-frame');
    await gate.open();
    await d.getByText('You are about to send 40 invitations').waitFor();
    assert.equal(await d.getByText('Holding 40 invitations').count(), 0);
    assert.ok((await d.getByRole('checkbox', { name: person(2100).name }).count()) === 1, 'the rows are listed');
    await d.getByRole('button', { name: 'Cancel' }).click();
    await d.waitFor({ state: 'detached' });
    await wait(2500);
    assert.deepEqual(await sentBy(page), []);
    await page.close();
  } finally {
    await gate.restore();
  }
});

test('two frames: Cancel or Esc in the first frame sends nothing, and the decision that comes later shows nothing', async () => {
  for (const how of ['Cancel', 'Escape']) {
    const gate = await gateDecide();
    try {
      const page = await open(30, how === 'Cancel' ? 2200 : 2300);
      await page.click('#add');
      const d = dialog(page);
      await d.getByText('Holding 30 invitations').waitFor();
      if (how === 'Cancel') await d.getByRole('button', { name: 'Cancel' }).click();
      else await page.keyboard.press('Escape');
      await d.waitFor({ state: 'detached' });
      await gate.open();
      await wait(2500);
      assert.equal(await d.count(), 0, `${how}: the decision does not bring the dialog back`);
      assert.deepEqual(await sentBy(page), [], `${how}: nothing sent`);
      // The hold is free again: the next click is held and asked afresh.
      await page.click('#add');
      await d.getByText('You are about to send 30 invitations').waitFor();
      await d.getByRole('button', { name: 'Cancel' }).click();
      await d.waitFor({ state: 'detached' });
      assert.deepEqual(await sentBy(page), []);
      await page.close();
    } finally {
      await gate.restore();
    }
  }
});

test('two frames: a dialog shown early still asks, even when the rows read would have passed quietly', async () => {
  // Six checked controls on the page, one of them no person: the page's selection (6) asks a click by
  // its size (clickAbove 5), so the first frame shows; the five people read would pass quietly.
  const url = `${BASE}?n=5&offset=2400&extra=1`;
  await h.ctx.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: contactImportPage({ n: 5, offset: 2400 }).replace(
        '</ul>',
        '<li class="ci-row"><input type="checkbox" checked aria-label="Also suggest 2nd-degree contacts"><div><p>Also suggest 2nd-degree contacts</p></div></li></ul>',
      ),
    }),
  );
  const page = await h.page(url);
  await page.click('#add');
  const d = dialog(page);
  await d.getByText('You are about to send 5 invitations').waitFor();
  await wait(1500);
  assert.equal(await d.count(), 1, 'the dialog stays until the user answers');
  assert.deepEqual(await sentBy(page), [], 'nothing went out by itself');
  assert.equal(await d.getByRole('button', { name: 'Send 5 invitations' }).isDisabled(), false, 'one click confirms');
  await d.getByRole('button', { name: 'Cancel' }).click();
  await d.waitFor({ state: 'detached' });
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('the extension sends no request to any host but the page’s own', () => {
  assert.deepEqual(h.violations, []);
});
