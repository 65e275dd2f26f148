// End to end, a representative subset of test/unit/names-never-counts.test.mjs with the built extension
// in Chromium: withdrawing people whose names carry digits and other marks, by hand on the 2026 Sent
// list (Withdraw link, native <dialog> without a role), is never held and withdraws exactly that
// person; Accept, Ignore, Follow and a quick reply go through; a contact-import batch above the click
// threshold made of the same names is always held, and its dialog lists them by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog } from './harness.mjs';
import { NAMES, SCREENS } from '../unit/screens2026.mjs';

// The page's own behaviour: Withdraw opens that row's dialog; its confirm removes the row; every other
// probed control records its click. No Invite Guard hold may come in between.
const BEHAVE = `<script>
window.__withdrawn = []; window.__clicked = [];
for (const d of document.querySelectorAll('dialog')) d.close();
const rows = [...document.querySelectorAll('[role=listitem]')];
document.querySelectorAll('[data-probe="neg:withdraw-link"]').forEach((a, i) => a.addEventListener('click', (e) => {
  e.preventDefault();
  document.querySelectorAll('dialog')[i].showModal();
}));
document.querySelectorAll('dialog').forEach((d, i) => d.querySelector('[data-probe="neg:withdraw-confirm"]')?.addEventListener('click', () => {
  window.__withdrawn.push(rows[i].querySelector('p').textContent); rows[i].remove(); d.close();
}));
document.addEventListener('click', (e) => { const p = e.target.closest('[data-probe]'); if (p && !p.closest('dialog') && p.dataset.probe !== 'neg:withdraw-link') { e.preventDefault(); window.__clicked.push(p.dataset.probe); } });
</script>`;
const withScript = (html) => html.replace('</body>', `${BEHAVE}</body>`);
const PICK = [0, 1, 3, 4, 5, 9, 11, 15, 36, 37]; // digits, (10k+ …), ", MBA", (she/her), ’, emoji, CJK, Arabic, "Pending …", "Accept …"
const names = PICK.map((i) => NAMES[i]);
let h;
const served = {};
before(async () => {
  const pages = {};
  for (const [screen, s] of Object.entries(SCREENS)) pages[s.url] = (url) => withScript(s.build(url.searchParams.get('lang') ?? 'en', served[screen] ?? names));
  h = await launch({ pages });
});
after(async () => {
  await h?.close();
});
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

for (const lang of ['en', 'de', 'fr']) {
  test(`${lang}: withdrawing by hand on the Sent list is never held, whatever the name`, async () => {
    const page = await h.page(`${SCREENS.sent.url}?lang=${lang}`);
    for (let k = 0; k < names.length; k++) {
      await page.locator('[data-probe="neg:withdraw-link"]').first().click();
      await page.locator('dialog[open] [data-probe="neg:withdraw-confirm"]').click();
      await page.waitForFunction((n) => window.__withdrawn.length === n, k + 1, { timeout: 5000 });
    }
    assert.deepEqual(await page.evaluate(() => window.__withdrawn), names);
    await wait(300);
    assert.equal(await dialog(page).count(), 0, 'no Invite Guard dialog');
    await page.close();
  });
}

test('en/de: Accept, Ignore, Follow, Like, Pending, More and quick replies go through to the page', async () => {
  for (const lang of ['en', 'de']) {
    for (const screen of ['received', 'feed', 'profile', 'messaging']) {
      const page = await h.page(`${SCREENS[screen].url}?lang=${lang}`);
      const probes = await page.evaluate(() =>
        [...document.querySelectorAll('[data-probe]:not(dialog [data-probe])')].slice(0, 12).map((el, i) => (el.dataset.i = String(i))),
      );
      for (const i of probes) await page.locator(`[data-i="${i}"]`).click();
      assert.equal((await page.evaluate(() => window.__clicked)).length, probes.length, `${lang} ${screen}`);
      assert.equal(await dialog(page).count(), 0, `${lang} ${screen}: no Invite Guard dialog`);
      await page.close();
    }
  }
});

test('a contact import of the same names above the click threshold is held, its rows listed by name', async () => {
  const page = await h.page(`${SCREENS['contact-import'].url}?lang=en`);
  await page.locator('[data-probe="bulk:add"]').click();
  const d = dialog(page);
  await d.getByText(`You are about to send ${names.length} invitations`).waitFor({ timeout: 10000 });
  for (const n of [names[0], names[1], names[6]]) assert.equal(await d.getByRole('checkbox', { name: n, exact: false }).count(), 1, n);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.close();
});
