// The scenarios that matter, as one list that drives both browsers: Debian's Chromium (harness.mjs,
// Playwright) and Debian's firefox-esr (firefox.mjs, puppeteer-core over WebDriver BiDi). Only what
// both drivers share is used: page.click/evaluate/close, mouse and keyboard (trusted input), the
// harness's background evaluate, sends, violations and ctx.route. Invite Guard's own UI lives in open
// shadow roots; ui.mjs finds its controls there by role and accessible name and clicks them with the
// mouse, as a user would (the extension ignores untrusted events).
//
// scenarios-chromium.test.mjs and scenarios-firefox.test.mjs run this list. What differs between the
// browsers is written down in README.md (Firefox) and in firefox.mjs.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { EXT, fixture, goldenCases, setPolicy, sentBy, shot } from './harness.mjs';
import { contactImportPage, person } from './pages/contact-import.js';
import { createSentSite, person as sentPerson, SENT_URL } from './pages/sent-list.js';
import { MEMBERS, unknownScreen } from './pages/unknown-screen.js';
import { createServer } from './server.mjs';
import { ui, until, wait } from './ui.mjs';

const IMPORT = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
const PYMK = 'https://www.linkedin.com/mynetwork/grow/';
const GROUP1 = 'https://www.linkedin.com/groups/4242/members/';
const GROUP2 = 'https://www.linkedin.com/groups/98765/members/';
const ask = (i) => `.m-row[data-i="${i}"] .ask`;
const CANARY = 'https://canary.invalid/inviteguard-harness-check';

const importPages = (lang = 'en') => ({
  [IMPORT]: (url) => contactImportPage({ n: Number(url.searchParams.get('n') ?? 30), offset: Number(url.searchParams.get('offset') ?? 0), lang }),
});

/** noOtherHost asserts that nothing left for another host, then that the net would have caught it. */
async function noOtherHost(h) {
  assert.deepEqual(h.violations, [], 'requests to hosts other than the page’s own');
  // The check cannot pass by being blind: a request from the background is caught and recorded.
  await h.bg.evaluate(async (url) => {
    const bg = globalThis.browser?.runtime?.getBackgroundPage ? await globalThis.browser.runtime.getBackgroundPage() : globalThis;
    await bg.fetch(url).catch(() => {});
  }, CANARY);
  await until(async () => h.violations.some((v) => v.includes('canary.invalid')), { what: 'the canary request to be recorded' });
  h.violations.length = 0;
}

/** extensionPage opens one of the extension's pages in a tab of the browser under test. */
async function extensionPage(h, rel) {
  if (h.extensionPage) return h.extensionPage(rel);
  const p = await h.ctx.newPage();
  await p.goto(`chrome-extension://${h.extId}/${rel}`);
  return p;
}

/**
 * defineScenarios registers the scenario list for one browser: launch is harness.mjs's launch or
 * firefox.mjs's launchFirefox; name prefixes the screenshots.
 */
export function defineScenarios({ name, launch }) {
  describe(`${name}: English, contact import and Connect`, () => {
    let h;
    before(async () => {
      h = await launch({
        pages: { ...importPages(), [PYMK]: fixture('linkedin/connect/en-pymk.html'), [GROUP1]: () => unknownScreen(), [GROUP2]: () => unknownScreen() },
      });
      h.bg ??= h.sw;
      const res = await setPolicy(h.bg, { undoSeconds: 2, weeklyBudgetLinkedIn: 5000 });
      assert.ok(res.ok, JSON.stringify(res));
    });
    after(() => h?.close());
    const open = (n, offset) => h.page(`${IMPORT}?n=${n}&offset=${offset}`);

    test('a bulk import is held, and Cancel sends nothing', async () => {
      const page = await open(30, 21000);
      await page.click('#add');
      const d = ui(page);
      await d.waitText('You are about to send 30 invitations');
      await wait(300);
      assert.deepEqual(await sentBy(page), [], 'nothing reached the page’s handler');
      await shot(page, `${name}-dialog-en`);
      await d.click('button', 'Cancel');
      await d.waitGone('dialog', 'Invite Guard');
      await wait(2500);
      assert.deepEqual(await sentBy(page), []);
      assert.equal(h.sends.length, 0);
      await page.close();
    });

    test('typed confirmation releases exactly the kept selection, once, after the undo window', async () => {
      const page = await open(30, 22000);
      await page.click('#add');
      const d = ui(page);
      await d.wait('button', 'Send 30 invitations');
      assert.equal((await d.state('button', 'Send 30 invitations')).disabled, true, 'confirm waits for the typed number');
      await d.click('checkbox', new RegExp(person(22001).name));
      await d.click('checkbox', new RegExp(person(22003).name));
      assert.equal((await d.state('checkbox', new RegExp(person(22001).name))).checked, false);
      await d.wait('button', 'Send 28 invitations');
      await d.type('textbox', 'Type 28 to confirm', '28');
      await until(async () => (await d.state('button', 'Send 28 invitations')).disabled === false, { what: 'confirm enabled' });
      await d.click('button', 'Send 28 invitations');
      await d.waitText(/Sending 28 invitations in \d s/);
      assert.deepEqual(await sentBy(page), [], 'nothing is released during the undo window');
      await until(async () => (await sentBy(page)).length > 0, { timeout: 8000, what: 'the release' });
      await wait(800);
      const sent = await sentBy(page);
      assert.equal(sent.length, 1, 'released exactly once');
      const want = [];
      for (let i = 22000; i < 22030; i++) if (i !== 22001 && i !== 22003) want.push(person(i).key);
      assert.deepEqual(sent[0].keys, want);
      assert.equal(h.sends.filter((s) => s.body?.includes?.(person(22000).key)).length, 1, 'one POST left the page');
      await page.close();
    });

    test('Undo in the window sends nothing', async () => {
      const page = await open(8, 23000);
      await page.click('#add');
      const d = ui(page);
      await d.click('button', 'Send 8 invitations');
      await d.click('button', 'Undo');
      await d.waitText('Undone. Nothing was sent.');
      await wait(2500);
      assert.deepEqual(await sentBy(page), []);
      await page.close();
    });

    test('11 rapid Connects: ten go through, the 11th is held', async () => {
      const page = await h.page(PYMK);
      for (let i = 0; i < 10; i++) await page.click('button[aria-label$="to connect"]'); // a sent one reads "Pending"
      assert.equal((await sentBy(page)).length, 10, 'ten single clicks are single invitations');
      await page.click('button[aria-label$="to connect"]');
      const d = ui(page);
      await d.waitText(/You clicked Connect 11 times within 120 s/);
      assert.equal((await sentBy(page)).length, 10, 'the 11th is not sent');
      await d.click('button', 'Send 1 invitation');
      await until(async () => (await sentBy(page)).length === 11, { timeout: 6000, what: 'the 11th, released' });
      await page.close();
    });

    test('a button taught from the context menu is held for another person; Cancel sends nothing', async () => {
      const page = await h.page(GROUP1);
      await page.click(ask(1), { button: 'right' }); // the content script remembers the element
      // A native menu cannot be clicked over either protocol: run what menus.onClicked runs, for this tab.
      const done = await h.bg.evaluate(async (url) => {
        const api = globalThis.browser ?? globalThis.chrome;
        const [tab] = await api.tabs.query({ url });
        return globalThis.inviteGuard.menuClicked({ menuItemId: 'inviteguard-teach', frameId: 0, pageUrl: url }, tab);
      }, GROUP1);
      assert.equal(done, true, 'the content script answered the menu');
      await ui(page).waitText('Invite Guard now holds “Ask {name} to join” on /groups/*/members/');
      const other = await h.page(GROUP2);
      await other.click(ask(2));
      const d = ui(other);
      await d.waitText('You asked Invite Guard to hold this button');
      await d.waitText(`Ask ${MEMBERS[2].name} to join`);
      await d.click('button', 'Cancel');
      await wait(1500);
      assert.deepEqual(await sentBy(other), []);
      await other.close();
      await page.close();
    });

    test('the engine answers every golden case byte for byte, with the build’s engine id', async () => {
      const info = await h.bg.evaluate(() => globalThis.inviteGuard.dispatch({ op: 'engine.info' }));
      const want = createHash('sha256')
        .update(fs.readFileSync(path.join(EXT, 'core.wasm')))
        .digest('hex');
      assert.equal(info.ok.engineId, want);
      const all = goldenCases();
      assert.ok(all.length >= 10, `found ${all.length} golden cases`);
      const got = await h.bg.evaluate(
        async (inputs) => {
          const out = [];
          for (const [op, text] of inputs) out.push(await globalThis.inviteGuard.engine.call(op, text));
          return out;
        },
        all.map((c) => [c.op, fs.readFileSync(c.in, 'utf8')]),
      );
      const failures = all.filter((c, i) => got[i] + '\n' !== fs.readFileSync(c.out, 'utf8')).map((c) => `${c.op}/${c.name}`);
      assert.deepEqual(failures, [], `${failures.length} of ${all.length} cases differ`);
    });

    test('no request to any host but the page’s own', () => noOtherHost(h));
  });

  describe(`${name}: a German browser`, () => {
    let h;
    before(async () => {
      h = await launch({ lang: 'de', pages: importPages('de') });
      h.bg ??= h.sw;
      assert.ok((await setPolicy(h.bg, { undoSeconds: 2 })).ok);
    });
    after(() => h?.close());

    test('the dialog and the undo window speak German', async () => {
      const page = await h.page(`${IMPORT}?n=30&offset=24000`);
      assert.equal(await page.evaluate(() => navigator.language), 'de-DE');
      await page.click('#add');
      const d = ui(page);
      await d.waitText('Sie sind dabei, 30 Einladungen zu senden');
      await d.waitText('30 Einladungen auf einmal sind mehr als 25.');
      await d.type('textbox', 'Zum Bestätigen 30 eingeben', '30');
      await shot(page, `${name}-dialog-de`);
      await until(async () => (await d.state('button', '30 Einladungen senden')).disabled === false, { what: 'confirm enabled' });
      await d.click('button', '30 Einladungen senden');
      await d.waitText(/30 Einladungen werden in \d s gesendet/);
      await d.click('button', 'Rückgängig');
      await wait(2500);
      assert.deepEqual(await sentBy(page), []);
      await page.close();
    });

    test('no request to any host but the page’s own', () => noOtherHost(h));
  });

  describe(`${name}: a batch undone on the Sent list`, () => {
    let h;
    let site;
    const list = Array.from({ length: 12 }, (_, i) => sentPerson(i, ['today', 0]));
    before(async () => {
      h = await launch();
      h.bg ??= h.sw;
      site = createSentSite({ people: list });
      await site.install(h.ctx);
      assert.ok((await setPolicy(h.bg, { withdrawPaceMinMs: 500, withdrawPaceMaxMs: 600 })).ok);
    });
    after(() => h?.close());

    test('"Undo this batch" in the popup withdraws exactly the batch’s pending invitations', async () => {
      const call = (msg) => h.bg.evaluate((m) => globalThis.inviteGuard.dispatch(m), msg);
      const batch = [list[0], list[3], list[9]];
      const rec = await call({
        op: 'record',
        network: 'linkedin',
        surface: 'contact_import',
        recipients: batch.map((p) => ({ key: p.key, name: p.name, member: true })),
        decision: { verdict: 'confirm', friction: 'click', count: batch.length, reasons: [] },
        pageUrl: IMPORT,
      });
      assert.ok(rec.ok, JSON.stringify(rec));
      const before = (await call({ op: 'scan.list' })).ok.scans.length;
      assert.ok((await call({ op: 'scan.start' })).ok);
      await until(async () => (await call({ op: 'scan.list' })).ok.scans.length > before, { timeout: 60000, what: 'the scan' });

      const popup = await extensionPage(h, 'ui/popup.html');
      const p = ui(popup, { root: 'document' });
      await p.click('button', /^Undo this batch: 3 invitations/);
      await p.wait('button', 'Withdraw 3 invitations');
      await p.click('button', 'Withdraw 3 invitations');
      const job = await until(async () => (await call({ op: 'job.active' })).ok.job, { what: 'the started job' });
      const done = await until(
        async () => {
          const j = (await call({ op: 'job.get', jobId: job.id })).ok.job;
          return ['done', 'stopped'].includes(j.state) && j;
        },
        { timeout: 60000, what: 'the job to finish' },
      );
      assert.equal(done.state, 'done', JSON.stringify(done.stop));
      assert.deepEqual([...site.state.withdrawn].sort(), batch.map((x) => x.key).sort(), 'exactly the batch, each once');
      assert.equal(site.state.people.length, list.length - batch.length);
      const sent = (await h.ctx.pages()).find((pg) => pg.url().startsWith(SENT_URL));
      if (sent) await ui(sent).waitText('Done: 3 withdrawn, 0 not found, 0 failed.');
      await popup.close();
    });

    test('no request to any host but the page’s own', () => noOtherHost(h));
  });

  describe(`${name}: sync with the user’s own server`, () => {
    let h;
    let srv;
    before(async () => {
      h = await launch();
      h.bg ??= h.sw;
      srv = await createServer({ origins: h.extOrigin ?? `chrome-extension://${h.extId}` });
      await h.ctx.route(`${srv.url}/**`, (route) => route.continue()); // the user's own server is allowed
      await srv.start();
    });
    after(async () => {
      await h?.close();
      await srv?.close();
    });

    test('the options page asks for the server’s origin and switches sync on; a batch arrives once', async () => {
      const page = await extensionPage(h, 'ui/options.html');
      const o = ui(page, { root: 'document' });
      await o.type('textbox', 'Server URL', srv.url);
      await o.type('textbox', 'Token', srv.token);
      await o.click('checkbox', 'Send my history to my server');
      await o.click('button', 'Apply sync settings');
      await o.waitText('Sync is on.');
      const granted = await h.bg.evaluate(
        (pattern) => (globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: [pattern] }),
        `http://127.0.0.1/*`,
      );
      // Firefox's prompt is granted by the harness's pref; Chromium's stays open (the sync works by CORS).
      if (h.browserName === 'firefox') assert.equal(granted, true, 'the optional host permission for the server was granted');
      const people = [sentPerson(40), sentPerson(41)];
      const recipients = people.map((p) => ({ key: p.key, name: p.name, member: true, selected: true }));
      const res = await h.bg.evaluate(async (recipients) => {
        const ig = globalThis.inviteGuard;
        const d = await ig.dispatch({ op: 'decide', network: 'linkedin', surface: 'contact_import', recipients });
        const { verdict, friction, reasons } = d.ok.decision;
        return ig.dispatch({
          op: 'record',
          network: 'linkedin',
          surface: 'contact_import',
          recipients,
          decision: { verdict, friction, count: recipients.length, reasons },
        });
      }, recipients);
      assert.ok(res.ok?.batchId, JSON.stringify(res));
      const items = await until(
        async () => {
          const all = (await srv.get('/v1/batches?limit=200')).items;
          return all.length > 0 && all;
        },
        { timeout: 30000, what: 'the batch on the server' },
      );
      await wait(1000);
      assert.equal((await srv.get('/v1/batches?limit=200')).items.length, 1, `exactly once: ${JSON.stringify(items).slice(0, 300)}`);
      await page.close();
    });

    test('no request to any host but the page’s own and the user’s server', () => noOtherHost(h));
  });
}
