// End to end (issue 9), in German: a button taught on a German screen is held in German, and the
// shape keeps the button's own words ("{name} um Beitritt bitten") while no person's name is kept;
// Nachricht, folgen and Zurückziehen are never held; the report and the options speak German.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, setPolicy, sentBy } from './harness.mjs';
import { ok } from './undo-helpers.mjs';
import { MEMBERS, unknownScreen } from './pages/unknown-screen.js';
import { ours } from './locator.mjs';

const URL = 'https://www.linkedin.com/groups/5151/members/';
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

test('German: teach, hold, Abbrechen sends nothing; other actions pass; report and options in German', async () => {
  const h = await launch({ lang: 'de', pages: { [URL]: () => unknownScreen({ lang: 'de' }) } });
  try {
    assert.ok((await setPolicy(h.sw, { undoSeconds: 1 })).ok);
    const page = await h.page(URL);
    const menu = async (selector, item) => {
      await page.click(selector, { button: 'right' });
      const done = await h.sw.evaluate(
        async ({ url, item }) => {
          const [tab] = await chrome.tabs.query({ url });
          return globalThis.inviteGuard.menuClicked({ menuItemId: item, frameId: 0 }, tab);
        },
        { url: URL, item },
      );
      assert.equal(done, true);
    };
    // A right-click next to the buttons (the heading) teaches nothing, and says what to do.
    await menu('h1', 'inviteguard-teach');
    await ours(page).getByText('Klicken Sie mit der rechten Maustaste auf die Schaltfläche selbst', { exact: false }).waitFor();
    assert.equal((await ok(h.sw, { op: 'rules.list' })).rules.length, 0);

    await menu('.m-row[data-i="0"] .ask', 'inviteguard-teach');
    await ours(page).getByText('Invite Guard hält „{name} um Beitritt bitten“ auf /groups/*/members/ jetzt zurück', { exact: false }).waitFor();
    const { rules } = await ok(h.sw, { op: 'rules.list' });
    assert.deepEqual(
      rules.map((r) => r.name),
      ['{name} um Beitritt bitten'],
    );

    await page.click('.m-row[data-i="3"] .ask');
    const d = dialog(page);
    await d.waitFor();
    await d.getByText('Sie haben Invite Guard gebeten, diese Schaltfläche zurückzuhalten', { exact: false }).waitFor();
    await d.getByText('Gezeigte Schaltfläche auf LinkedIn').waitFor();
    await d.getByRole('button', { name: 'Abbrechen' }).click();
    await d.waitFor({ state: 'detached' });
    for (const sel of ['.msg', '.follow', '.withdraw']) {
      await page.click(`.m-row[data-i="1"] ${sel}`);
      await wait(300);
      assert.equal(await d.count(), 0, `${sel} is not held`);
    }
    assert.deepEqual(
      (await sentBy(page)).map((s) => s.kind),
      ['message', 'follow', 'withdraw'],
    );

    await menu('.m-row[data-i="2"] .ask', 'inviteguard-report');
    const area = ours(page).getByRole('textbox', { name: 'Seitenbericht' });
    await area.waitFor();
    await ours(page).getByText('Invite Guard hat diese Seite nicht erkannt').waitFor();
    const text = await area.inputValue();
    assert.match(text, /^- button “\{name\} um Beitritt bitten” → taught ×6$/m);
    assert.match(text, /^- link “Einladung an \{name\} zurückziehen” ×6$/m);
    for (const m of MEMBERS) assert.ok(!text.includes(m.name) && !text.includes(m.email), `${m.name} left out`);
    await ours(page).getByRole('button', { name: 'Schließen' }).click();

    const opts = await h.ctx.newPage();
    await opts.goto(`chrome-extension://${h.extId}/ui/options.html`);
    await opts.getByRole('heading', { name: 'Schaltflächen, die Sie Invite Guard gezeigt haben' }).waitFor();
    await opts.getByRole('button', { name: '„{name} um Beitritt bitten“ auf www.linkedin.com/groups/*/members/ entfernen' }).click();
    await opts.getByText('Noch keine Schaltflächen gezeigt.').waitFor();
  } finally {
    await h.close();
  }
});
