// XING contact requests in a German browser: the core checks the personal message before anything is sent.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, fixture, setPolicy, sentBy, shot } from './harness.mjs';
import { ours } from './locator.mjs';

const PROFILE = 'https://www.xing.com/profile/Jane_Doe2/cv';
let h;

before(async () => {
  h = await launch({ lang: 'de', pages: { [PROFILE]: fixture('xing/contact-request/de-dialog.html') } });
  assert.ok((await setPolicy(h.sw, { undoSeconds: 2 })).ok);
});
after(async () => {
  await h?.close();
});

const messages = (page) => page.evaluate(() => window.__sentMessages);
// Each case starts with no history: a request already sent to Jane Doe would flag her as recently invited.
const clearHistory = () => h.sw.evaluate(() => globalThis.inviteGuard.dispatch({ op: 'history.clear' }));

test('a personal message passes: the core allows one request without a dialog and it goes out with its message', async () => {
  const page = await h.page(PROFILE);
  await page.click('#send');
  await ours(page).getByText('1 Einladung an XING übergeben.').waitFor();
  assert.equal(await dialog(page).count(), 0);
  await page.waitForFunction(() => window.__sent.length === 1, null, { timeout: 6000 });
  assert.deepEqual(await messages(page), [await page.inputValue('#msg')]);
  await page.close();
});

test('a spammy message is blocked with the reasons in German, and nothing is sent', async () => {
  await clearHistory();
  const page = await h.page(PROFILE);
  await page.fill('#msg', 'Jane Doe: BUY NOW!!! Make $$$ money fast http://spam.example http://x.example');
  await page.click('#send');
  const d = dialog(page);
  await d.getByText('Diese Sendung ist gesperrt').waitFor();
  await d.getByText(/Ihre Nachricht: sie hat Anzeichen von Spam \(mehrere Links/).waitFor();
  assert.equal(await d.getByRole('button', { name: '1 Einladung senden' }).isDisabled(), true);
  await shot(page, 'dialog-de-xing-blocked');
  await d.getByRole('button', { name: 'Abbrechen' }).click();
  await new Promise((r) => setTimeout(r, 2500));
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('a message that does not name the person asks for a click, then sends once', async () => {
  await clearHistory();
  const page = await h.page(PROFILE);
  await page.fill('#msg', 'Hallo, lass uns vernetzen.');
  await page.click('#send');
  const d = dialog(page);
  await d.getByText('Ihre Nachricht: sie spricht Jane Doe nicht mit Namen an.').waitFor();
  await d.getByRole('button', { name: '1 Einladung senden' }).click();
  await page.waitForFunction(() => window.__sent.length === 1, null, { timeout: 6000 });
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(await messages(page), ['Hallo, lass uns vernetzen.']);
  await page.close();
});

test('no request left for another host', () => {
  assert.deepEqual(h.violations, []);
});
