// End to end (issue 9): the user teaches Invite Guard a button on a screen it does not know. A real
// right-click on the page (the content script remembers the element), then the context menu's handler
// in the service worker (Playwright cannot click a native menu: it calls what onClicked calls). From
// then on a click, Enter or Space on that button — for any person — is held by the fallback dialog;
// Cancel sends nothing; Message, Follow and Withdraw are never held. The rule shows in the options with
// Remove, travels in the JSON backup (a bad one is refused with its reason), and the screen report holds
// no names or e-mail addresses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, dialog, setPolicy, sentBy, shot, SHOTS } from './harness.mjs';
import { ok } from './undo-helpers.mjs';
import { MEMBERS, unknownScreen } from './pages/unknown-screen.js';
import { ours } from './locator.mjs';

const URL1 = 'https://www.linkedin.com/groups/4242/members/';
const URL2 = 'https://www.linkedin.com/groups/98765/members/';
let h;

before(async () => {
  h = await launch({ pages: { [URL1]: (u) => unknownScreen({ select: u.searchParams.has('select') }), [URL2]: () => unknownScreen() } });
  const res = await setPolicy(h.sw, { undoSeconds: 1 });
  assert.ok(res.ok, JSON.stringify(res));
});
after(async () => {
  await h?.close();
});

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const ask = (i) => `.m-row[data-i="${i}"] .ask`;
const posts = (kind) => h.sends.filter((s) => s.url.endsWith(`/groups/${kind}`));

/** menu right-clicks selector on the page, then runs the context menu entry's handler for that tab. */
async function menu(page, selector, item) {
  await page.click(selector, { button: 'right' });
  const url = page.url();
  const done = await h.sw.evaluate(
    async ({ url, item }) => {
      const [tab] = await chrome.tabs.query({ url });
      return globalThis.inviteGuard.menuClicked({ menuItemId: item, frameId: 0, pageUrl: url }, tab);
    },
    { url, item },
  );
  assert.equal(done, true, 'the content script answered the menu');
}

/** noDialog asserts that no Invite Guard dialog shows up for a moment. */
async function noDialog(page) {
  await wait(400);
  assert.equal(await dialog(page).count(), 0, 'nothing is held');
}

const leaks = (text) =>
  MEMBERS.flatMap((m) => [
    m.name,
    m.email,
    m.slug,
    ...m.name.split(/[\s,|()]+/).filter((w) => w.length > 2 && !/^(MBA|Dr\.|followers|he\/him)$/.test(w)),
  ]).filter((s) => text.includes(s));

test('before teaching, the unknown screen is not held', async () => {
  const page = await h.page(URL1);
  await page.click(ask(0));
  await wait(300);
  assert.deepEqual(
    (await sentBy(page)).map((s) => s.kind),
    ['ask'],
    'the page acted at once',
  );
  await page.close();
});

test('a taught button is held for every person, by click and by key; Cancel sends nothing; other actions pass', async () => {
  const page = await h.page(URL1);
  await menu(page, ask(1), 'inviteguard-teach');
  await ours(page).getByText('Invite Guard now holds “Ask {name} to join” on /groups/*/members/ and asks you first.', { exact: false }).waitFor();
  const { rules } = await ok(h.sw, { op: 'rules.list' });
  assert.equal(rules.length, 1);
  assert.deepEqual(
    { ...rules[0], id: '', createdAt: '' },
    { id: '', createdAt: '', host: 'www.linkedin.com', path: '/groups/*/members/', role: 'button', name: 'Ask {name} to join' },
  );
  assert.deepEqual(leaks(JSON.stringify(rules)), [], 'no name, slug or address is kept');
  assert.equal(posts('ask').length, 1, 'the right-click sent nothing');

  // Another person's button on another group's page: held by the fallback dialog. Cancel sends nothing.
  const other = await h.page(URL2);
  await other.click(ask(2));
  const d = dialog(other);
  await d.waitFor();
  await d.getByText('You asked Invite Guard to hold this button (“Ask {name} to join” on /groups/*/members/).').waitFor();
  await d.getByText('Ask 王小明 to join').waitFor(); // the one button, as the page names it
  await shot(other, 'taught-fallback-en');
  await d.getByRole('button', { name: 'Cancel' }).click();
  await d.waitFor({ state: 'detached' });
  await wait(1500);
  assert.deepEqual(await sentBy(other), []);
  assert.equal(posts('ask').length, 1, 'Cancel sent nothing');

  // Enter on a focused taught button is held too; Esc sends nothing.
  await other.focus(ask(3));
  await other.keyboard.press('Enter');
  await d.waitFor();
  await other.keyboard.press('Escape');
  await d.waitFor({ state: 'detached' });
  // Space as well.
  await other.focus(ask(5));
  await other.keyboard.press(' ');
  await d.waitFor();
  await d.getByRole('button', { name: 'Cancel' }).click();
  await wait(1200);
  assert.deepEqual(await sentBy(other), []);

  // Message, Follow and Withdraw on the same rows are never held.
  for (const sel of ['.msg', '.follow', '.withdraw']) {
    await other.click(`.m-row[data-i="4"] ${sel}`);
    await noDialog(other);
  }
  assert.deepEqual(
    (await sentBy(other)).map((s) => s.kind),
    ['message', 'follow', 'withdraw'],
  );

  // Confirming releases the page's own click once, after the undo window.
  await other.click(ask(4));
  await d.waitFor();
  await d.getByRole('button', { name: 'Send 1 invitation' }).click();
  await other.waitForFunction(() => window.sent.some((s) => s.kind === 'ask'), null, { timeout: 10000 });
  await wait(500);
  assert.deepEqual(
    (await sentBy(other)).filter((s) => s.kind === 'ask').map((s) => s.who),
    [[MEMBERS[4].slug]],
  );
  assert.equal(posts('ask').length, 2);
  await other.close();
  await page.close();
});

test('a taught bulk button shows the rows the page has selected, and sends only the ones kept', async () => {
  const page = await h.page(`${URL1}?select=1`);
  // Taught by mistake: Undo in the notice forgets it at once.
  await menu(page, '.m-row[data-i="0"] .follow', 'inviteguard-teach');
  await ours(page).getByText('Invite Guard now holds “Follow {name}”', { exact: false }).waitFor();
  await ours(page).getByRole('button', { name: 'Undo' }).click();
  await ours(page).getByText('Removed: Invite Guard no longer holds “Follow {name}”.').waitFor();
  assert.deepEqual(
    (await ok(h.sw, { op: 'rules.list' })).rules.map((r) => r.name),
    ['Ask {name} to join'],
  );
  await page.click('.m-row[data-i="1"] .follow');
  await noDialog(page);
  await menu(page, '#ask-selected', 'inviteguard-teach');
  await ours(page).getByText('Invite Guard now holds “Ask selected people to join”', { exact: false }).waitFor();
  await page.click('#ask-selected');
  const d = dialog(page);
  await d.waitFor();
  await d.getByText('3 of 6 selected').waitFor();
  const rows = d.getByRole('checkbox');
  assert.deepEqual(
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rows.nth(i).isChecked())),
    [true, true, true, false, false, false],
    'every row of the list, as the page selected them',
  );
  await rows.nth(1).uncheck();
  await d.getByRole('button', { name: 'Send 2 invitations' }).click();
  await page.waitForFunction(() => window.sent.some((s) => s.kind === 'ask'), null, { timeout: 10000 });
  assert.deepEqual(
    (await sentBy(page)).filter((s) => s.kind === 'ask').map((s) => s.who),
    [[MEMBERS[0].slug, MEMBERS[2].slug]],
  );
  assert.equal(await page.locator('#c1').isChecked(), false, 'the page’s own check box followed');
  await page.close();
});

test('the screen report lists roles, name shapes and lists, without names or addresses', async () => {
  const page = await h.page(URL1);
  await menu(page, ask(0), 'inviteguard-report');
  const area = ours(page).getByRole('textbox', { name: 'Screen report' });
  await area.waitFor();
  const text = await area.inputValue();
  assert.match(text, /^Path: \/groups\/\*\/members\/$/m);
  assert.match(text, /^- button “Ask \{name\} to join” → taught ×6$/m);
  assert.match(text, /^- button “Follow \{name\}” ×6$/m);
  assert.match(text, /^- link “Withdraw invitation sent to \{name\}” ×6$/m);
  assert.match(text, /^- ul · 6 items · 6 with a profile link · 6 with a picture · 0 with a check control$/m);
  assert.deepEqual(leaks(text), [], text);
  assert.ok(!/@/.test(text), 'no e-mail address');
  await shot(page, 'taught-report-en');
  await ours(page).getByRole('button', { name: 'Close' }).click();
  await area.waitFor({ state: 'detached' });
  // The popup's "This screen is not recognised…" opens it in the active tab the same way.
  await page.bringToFront();
  await ok(h.sw, { op: 'report.open' });
  await area.waitFor();
  assert.equal(await area.inputValue(), text);
  await page.keyboard.press('Escape');
  await area.waitFor({ state: 'detached' });
  await page.close();
});

test('the options list the taught buttons with Remove; the JSON backup carries them; a bad one is refused', async () => {
  const opts = await h.ctx.newPage();
  await opts.goto(`chrome-extension://${h.extId}/ui/options.html`);
  const section = opts.locator('#taught');
  await section.getByText('Ask {name} to join').waitFor();
  await section.getByText('Ask selected people to join').waitFor();
  await section.screenshot({ path: `${SHOTS}/options-taught.png` });

  const backup = await ok(h.sw, { op: 'history.export', format: 'json' });
  const doc = JSON.parse(backup.text);
  assert.deepEqual(doc.rules.map((r) => r.name).sort(), ['Ask selected people to join', 'Ask {name} to join']);

  // Remove: gone from the list, and the page no longer holds the button.
  await section.getByRole('button', { name: 'Remove “Ask {name} to join” on www.linkedin.com/groups/*/members/' }).click();
  await section.getByText('Removed: Invite Guard no longer holds “Ask {name} to join”.').waitFor();
  assert.equal(await section.getByText('Ask {name} to join', { exact: true }).count(), 0);
  const page = await h.page(URL2);
  await page.click(ask(0));
  await noDialog(page);
  assert.deepEqual(
    (await sentBy(page)).map((s) => s.kind),
    ['ask'],
  );

  // The backup brings it back (and adds nothing twice).
  const importFile = async (name, text) => {
    const file = `${fs.mkdtempSync('/tmp/ig-import-')}/${name}`;
    fs.writeFileSync(file, text);
    await opts.getByLabel('Import a JSON or CSV export').setInputFiles(file);
  };
  await importFile('backup.json', backup.text);
  await opts.getByText('Taught buttons added: 1.', { exact: false }).waitFor();
  await section.getByText('Ask {name} to join', { exact: true }).waitFor();
  await page.reload();
  await page.click(ask(0));
  await dialog(page).waitFor();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();

  // A bad rule: nothing imported, nothing stored lost.
  const bad = { ...doc, rules: [{ ...doc.rules[0], id: 'new-id', host: 'evil.example' }] };
  await importFile('bad.json', JSON.stringify(bad));
  await opts.getByText('Nothing imported: taught button 1: host "evil.example" is not a LinkedIn or XING host').waitFor();
  assert.equal((await ok(h.sw, { op: 'rules.list' })).rules.length, 2);
  await page.close();
  await opts.close();
});
