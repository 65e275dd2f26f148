// The options page edits the policy through the core: bad values are refused with the core's message
// and lose nothing stored; the defaults are shown and can be restored. Also the popup.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot } from './harness.mjs';

let h;
let page;
before(async () => {
  h = await launch();
  page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
});
after(async () => {
  await h?.close();
});

const policy = () => h.sw.evaluate(() => globalThis.inviteGuard.dispatch({ op: 'policy.get' }).then((r) => r.ok.policy));

test('the options page shows the policy with its defaults', async () => {
  await page.getByLabel('Ask to type the number above').waitFor();
  assert.equal(await page.getByLabel('Ask to type the number above').inputValue(), '25');
  assert.equal(await page.getByLabel('Block above').inputValue(), '100');
  await page.getByText('Default: 100').first().waitFor();
  await page.getByText(/^Engine 0\.\d+\.\d+ · id [0-9a-f]{64}$/).waitFor();
  await shot(page, 'options-en');
});

test('a value the core refuses is not saved, and the field is marked', async () => {
  await page.getByLabel('Ask for a click above').fill('30'); // more than typeAbove (25)
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Not saved: policy.clickAbove (30) must not exceed policy.typeAbove (25)').waitFor();
  assert.equal(await page.locator('[data-field="clickAbove"].invalid').count(), 1);
  assert.equal((await policy()).clickAbove, 5, 'the stored policy is unchanged');
  await page.getByLabel('Ask for a click above').fill('abc');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Not saved: “Ask for a click above” needs a whole number.').waitFor();
});

test('a valid change is saved, and reset brings the defaults back', async () => {
  await page.getByLabel('Ask for a click above').fill('3');
  await page.getByLabel('Block above').fill('250');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
  const p = await policy();
  assert.equal(p.clickAbove, 3);
  assert.equal(p.blockAbove, 250);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByText('The defaults are back.').waitFor();
  assert.equal((await policy()).blockAbove, 100);
  assert.equal(await page.getByLabel('Block above').inputValue(), '100');
});

test('the popup says protection is on and lists no batches yet', async () => {
  const popup = await h.ctx.newPage();
  await popup.setViewportSize({ width: 360, height: 320 });
  await popup.goto(`chrome-extension://${h.extId}/ui/popup.html`);
  await popup.getByText('Protection is on').waitFor();
  await popup.getByText('No batches recorded yet.').waitFor();
  await shot(popup, 'popup-en');
  await popup.close();
});
