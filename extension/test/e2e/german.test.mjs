// A German browser: the dialog, the undo window and a keyboard-triggered role="button" in German.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, fixture, setPolicy, sentBy, shot } from './harness.mjs';
import { contactImportPage } from './pages/contact-import.js';
import { ours } from './locator.mjs';

const GEN = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
const ROLE = 'https://www.linkedin.com/mynetwork/import-contacts/saved-contacts/';
let h;

before(async () => {
  h = await launch({
    lang: 'de',
    pages: {
      [GEN]: (url) => contactImportPage({ n: Number(url.searchParams.get('n') ?? 30), lang: 'de', offset: 5000 }),
      [ROLE]: fixture('linkedin/contact-import/de-role.html'),
    },
  });
  assert.ok((await setPolicy(h.sw, { undoSeconds: 2 })).ok);
});
after(async () => {
  await h?.close();
});

test('the dialog speaks German: Abbrechen, "N Einladungen senden", "Zum Bestätigen N eingeben"', async () => {
  const page = await h.page(`${GEN}?n=30`);
  assert.equal(await page.evaluate(() => navigator.language), 'de-DE');
  await page.getByRole('button', { name: 'Als Kontakte hinzufügen' }).click();
  const d = dialog(page);
  await d.waitFor();
  await d.getByText('Sie sind dabei, 30 Einladungen zu senden').waitFor();
  await d.getByText('30 Einladungen auf einmal sind mehr als 25.').waitFor();
  await d.getByText('Kontaktimport auf LinkedIn').waitFor();
  const confirm = d.getByRole('button', { name: '30 Einladungen senden' });
  assert.equal(await confirm.isDisabled(), true);
  await d.getByLabel('Zum Bestätigen 30 eingeben').fill('30');
  await shot(page, 'dialog-de-small');
  await d.getByRole('button', { name: 'Abbrechen' }).click();
  assert.deepEqual(await sentBy(page), []);
  await page.close();
});

test('1.000 Empfänger in German, and the undo window in German', async () => {
  const page = await h.page(`${GEN}?n=1000`);
  await page.getByRole('button', { name: 'Als Kontakte hinzufügen' }).click();
  const d = dialog(page);
  // 900 are over the weekly budget and start unchecked; the dialog asks the core again for the 100 kept,
  // and its reasons then describe those 100 (the first answer's "1.000 Einladungen auf einmal überschreiten
  // Ihr Limit von 100." is on screen only until that second answer: not something to wait for).
  await d.getByText('900 würden Ihr Wochenbudget überschreiten (100 von 100 übrig).').waitFor();
  await d.getByText('100 Einladungen auf einmal sind mehr als 25.').waitFor();
  await d.getByLabel('Zum Bestätigen 100 eingeben').waitFor();
  await d.getByText('100 von 1.000 ausgewählt').waitFor();
  await shot(page, 'dialog-de-1000');
  await d.getByRole('button', { name: 'Abbrechen' }).click();
  await page.close();
});

test('Enter on a role="button" is held and released as the same key, in German', async () => {
  const page = await h.page(ROLE);
  await page.focus('#add');
  await page.keyboard.press('Enter');
  await ours(page)
    .getByText(/4 Einladungen werden in \d s gesendet/)
    .waitFor();
  await shot(page, 'countdown-de');
  assert.deepEqual(await sentBy(page), []);
  await page.waitForFunction(() => window.__sent.length > 0, null, { timeout: 6000 });
  await new Promise((r) => setTimeout(r, 500));
  const sent = await sentBy(page);
  assert.equal(sent.length, 1, 'released once');
  assert.equal(sent[0].length, 4);
  await page.close();
});

test('the options page in German', async () => {
  const page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
  await page.getByLabel('Sperren ab mehr als').waitFor();
  assert.equal(await page.getByLabel('Sperren ab mehr als').inputValue(), '100');
  await page.getByText('Standard: 100').first().waitFor();
  await shot(page, 'options-de');
  await page.close();
});

test('no request left for another host', () => {
  assert.deepEqual(h.violations, []);
});
