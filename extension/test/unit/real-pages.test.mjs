// The real LinkedIn captures (fixtures/linkedin/real/, provenance in each file's first line and in
// /work/shared/real-pages/README.md) and the email-gated note modal made from one, read by the
// site modules in real Chromium: what they take, what they read, and what they must leave alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { detect, launch, read, withPage } from './harness.mjs';

const PROFILE = 'https://www.linkedin.com/in/sebastian-ortega-3150/';
const PRELOAD = 'https://www.linkedin.com/preload/custom-invite/?vanityName=sebastian-ortega-3150';
const one = (key, name) => ({ recipients: [{ key, name, member: true, selected: true, optedOut: false }] });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** nextStep asks linkedin.connect which step a Connect click outside the modal would have opened. */
function nextStep(page) {
  return page.evaluate(() => {
    const m = window.__ig.modules.find((x) => x.id === 'linkedin.connect');
    const s = m.nextStep({ action: document.body }, document);
    return s ? s.getAttribute('aria-labelledby') || s.id || s.tagName : null;
  });
}

test('real profile top card: each Connect link is one velocity action with the profile key; Message, More and photos are not', async () => {
  await withPage(browser, 'linkedin/real/en-profile-topcard.html', PROFILE, async (page) => {
    const links = await page.locator('a[href*="/preload/custom-invite/"]').count();
    assert.equal(links, 2, 'top card and sticky header');
    for (let i = 0; i < links; i++) {
      await page.evaluate((i) => document.querySelectorAll('a[href*="/preload/custom-invite/"]')[i].setAttribute('data-probe', String(i)), i);
      const got = await detect(page, `[data-probe="${i}"]`);
      assert.deepEqual(
        got && { id: got.id, kind: got.kind, surface: got.surface, actionIsTarget: got.actionIsTarget },
        { id: 'linkedin.connect', kind: 'velocity', surface: 'connect', actionIsTarget: true },
        `Connect ${i}`,
      );
      assert.deepEqual(await read(page), one(PROFILE, 'Sebastián Ortega'));
    }
    for (const sel of [
      'a[href^="/messaging/compose/"]',
      'button[aria-label="More"]',
      'a[href$="/overlay/background-photo/"]',
      'a[href*="connectionOf"]',
      '[aria-label="Profile photo"]',
    ]) {
      const n = await page.locator(sel).count();
      assert.ok(n > 0, sel);
      assert.equal(await detect(page, sel), null, sel);
    }
    assert.deepEqual(page.errors, []);
  });
});

test('real note modal, stage 1: "Send without a note" is the note step (key from the preload URL); Add a note and Dismiss are not', async () => {
  await withPage(browser, 'linkedin/real/en-note-modal-stage1.html', PRELOAD, async (page) => {
    assert.equal(await nextStep(page), 'send-invite-modal', 'a Connect click that opened it is a step, not a send');
    const got = await detect(page, 'button[aria-label="Send without a note"]');
    assert.deepEqual(got && { id: got.id, kind: got.kind, actionIsTarget: got.actionIsTarget }, {
      id: 'linkedin.connect',
      kind: 'velocity',
      actionIsTarget: true,
    });
    assert.equal(await page.evaluate(() => window.__ig.last.d.step), 'note');
    assert.deepEqual(await read(page), one(PROFILE, 'Sebastián Ortega'));
    for (const sel of ['button[aria-label="Add a note"]', 'button[aria-label="Dismiss"]']) assert.equal(await detect(page, sel), null, sel);
  });
});

test('real note modal, note step: "Send invitation" is the note step; "Cancel adding a note", the counter and the Premium link are not', async () => {
  await withPage(browser, 'linkedin/real/en-note-modal-note.html', PRELOAD, async (page) => {
    const got = await detect(page, 'button[aria-label="Send invitation"]');
    assert.equal(got?.id, 'linkedin.connect');
    assert.equal(await page.evaluate(() => window.__ig.last.d.step), 'note');
    // This step does not name the person (content/hold passes the opener's name); the key is the preload URL's.
    assert.deepEqual(await read(page), one(PROFILE, ''));
    for (const sel of ['button[aria-label="Cancel adding a note"]', 'button[aria-label="Dismiss"]', 'a[href*="/premium/"]', '#custom-message'])
      assert.equal(await detect(page, sel), null, sel);
  });
});

for (const [lang, send] of [
  ['en', 'Send without a note'],
  ['de', 'Ohne Nachricht senden'],
  ['fr', 'Envoyer sans note'],
]) {
  test(`${lang} email-gated note modal: "${send}" counts nothing until an email is typed, then it is the send`, async () => {
    await withPage(browser, `linkedin/real/${lang}-note-modal-email.html`, PRELOAD, async (page) => {
      assert.equal(await nextStep(page), 'send-invite-modal', 'the Connect click that opened it is not a send either');
      assert.equal(await detect(page, '#send-without'), null, 'empty email: nothing is sent, nothing counted');
      await page.fill('#email', 'not an address');
      assert.equal(await detect(page, '#send-without'), null, 'no address');
      for (const sel of ['#add-note', '#dismiss', '#email']) assert.equal(await detect(page, sel), null, sel);
      await page.fill('#email', 'sebastian.ortega@example.org');
      assert.equal((await detect(page, '#send-without'))?.id, 'linkedin.connect', 'with the address it sends');
      assert.deepEqual(await read(page), one(PROFILE, 'Sebastián Ortega'));
    });
  });
}
