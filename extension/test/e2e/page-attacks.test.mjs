// A page script against Invite Guard's UI (issue 10, items 3 and 4). The page runs its scripts in the
// main world with everything a page has: the DOM, untrusted events, execCommand, styles, its own top-layer
// elements, attributes anywhere. It must not read the dialog, press or relabel its buttons, type the
// number for the user, make an undo window the user cannot see run out, or switch the guard off with
// data-inviteguard-ui; every attack below releases nothing. Where the test itself needs the closed roots
// (to see what the user sees), it reaches them over CDP (closed-roots.mjs), which a page cannot.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dialog, setPolicy, sentBy } from './harness.mjs';
import { contactImportPage, person } from './pages/contact-import.js';
import { ours } from './locator.mjs';
import { inRoots } from './closed-roots.mjs';

const BASE = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
let h;

before(async () => {
  h = await launch({
    pages: { [BASE]: (url) => contactImportPage({ n: Number(url.searchParams.get('n') ?? 30), offset: Number(url.searchParams.get('offset') ?? 0) }) },
  });
  const res = await setPolicy(h.sw, { undoSeconds: 2, weeklyBudgetLinkedIn: 5000 });
  assert.ok(res.ok, JSON.stringify(res));
});
after(() => h?.close());

const open = (n, offset) => h.page(`${BASE}?n=${n}&offset=${offset}`);
const postsFrom = (offset, n) =>
  h.sends.filter(
    (s) =>
      Array.isArray(s.body) &&
      s.body.some((k) => {
        for (let i = offset; i < offset + n; i++) if (k === person(i).key) return true;
        return false;
      }),
  );
// Words only Invite Guard's dialog shows (the names are the page's own: it has them anyway).
const DIALOG_WORDS = ['Invite Guard', 'You are about to send', 'Type 30 to confirm', 'Send 30 invitations', 'selected'];

/** pageReads is what a page script can get of the dialog: every text and handle it can reach. */
function pageReads() {
  const hosts = [...document.querySelectorAll('body > *, html > *')].filter((e) => e.hasAttribute('data-inviteguard-ui'));
  const texts = [document.documentElement.textContent, document.body.innerText, document.documentElement.outerHTML];
  for (const host of hosts) {
    texts.push(host.innerHTML, host.textContent);
    if (host.getHTML) texts.push(host.getHTML({ serializableShadowRoots: true }));
  }
  if (document.body.getHTML) texts.push(document.body.getHTML({ serializableShadowRoots: true }));
  document.execCommand('selectAll');
  texts.push(String(getSelection()));
  getSelection().removeAllRanges();
  let reattach = 'no error';
  try {
    hosts[0]?.attachShadow({ mode: 'open' });
  } catch (err) {
    reattach = err.name;
  }
  return {
    hosts: hosts.length,
    roots: hosts.filter((x) => x.shadowRoot).length,
    texts: texts.join('\n'),
    reattach,
    active: document.activeElement === hosts[0],
  };
}

test('a page script can neither read the dialog nor reach its buttons or its input', async () => {
  const page = await open(30, 40000);
  await page.click('#add');
  const d = dialog(page);
  await d.getByText('You are about to send 30 invitations').waitFor();
  const got = await page.evaluate(pageReads);
  assert.equal(got.hosts, 1, 'the page sees our host element');
  assert.equal(got.roots, 0, 'but not its shadow root (closed)');
  assert.equal(got.reattach, 'NotSupportedError', 'and cannot attach another one');
  for (const w of DIALOG_WORDS) assert.ok(!got.texts.includes(w), `the page read “${w}” of the dialog`);
  // Untrusted keys and clicks, on the host and everywhere: nothing happens.
  await page.evaluate(() => {
    const host = document.querySelector('[data-inviteguard-ui]');
    for (const t of [host, document.activeElement, document.body, window]) {
      for (const key of ['3', '0', 'Enter'])
        for (const type of ['keydown', 'keypress', 'keyup']) t.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }));
      t.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    host.click();
  });
  // The user puts the cursor into the field; the page then types "30" with execCommand (its input event
  // is trusted, but no trusted beforeinput announced it): undone, Confirm stays disabled.
  await d.getByLabel('Type 30 to confirm').click();
  const inserted = await page.evaluate(() => document.execCommand('insertText', false, '30'));
  await wait(300);
  assert.equal(await d.getByLabel('Type 30 to confirm').inputValue(), '', `execCommand (${inserted}) typed nothing`);
  assert.equal(await d.getByRole('button', { name: 'Send 30 invitations' }).isDisabled(), true);
  await page.keyboard.press('Enter');
  await wait(2800);
  assert.equal(await d.isVisible(), true, 'the dialog is still open');
  assert.deepEqual(await sentBy(page), []);
  // The labels are still ours, in their places.
  assert.equal((await d.getByRole('button', { name: 'Cancel', exact: true }).textContent()).trim(), 'Cancel');
  await d.getByRole('button', { name: 'Cancel', exact: true }).click();
  await d.waitFor({ state: 'detached' });
  await wait(300);
  assert.deepEqual(await sentBy(page), []);
  assert.equal(postsFrom(40000, 30).length, 0);
  await page.close();
});

test('a number pre-filled by a script holding the root is not the user’s: Backspace and Enter send nothing', async () => {
  const page = await open(30, 40100);
  await page.click('#add');
  const d = dialog(page);
  const input = d.getByLabel('Type 30 to confirm');
  await input.click();
  // As if the page had the closed root (the test hands it over): it pre-fills "30x" and relabels.
  await inRoots(page, (_, ...roots) => {
    const root = roots.find((r) => r.querySelector('#ig-type'));
    root.querySelector('#ig-type').value = '30x';
    root.querySelector('.confirm').textContent = 'Cancel';
  });
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await wait(2800);
  assert.equal(await d.isVisible(), true, 'the dialog is still open');
  assert.deepEqual(await sentBy(page), [], 'one Backspace and Enter sent nothing');
  assert.notEqual(await input.inputValue(), '30', 'the script’s text is not taken as typed');
  await d.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.close();
});

test('a page that patches attachShadow in its own world does not open our roots', async () => {
  const page = await h.ctx.newPage();
  await page.addInitScript(() => {
    const orig = Element.prototype.attachShadow;
    window.__stolen = [];
    Element.prototype.attachShadow = function (init) {
      const root = orig.call(this, { ...init, mode: 'open' });
      window.__stolen.push(root);
      return root;
    };
  });
  await page.goto(`${BASE}?n=8&offset=40200`);
  await page.click('#add');
  await dialog(page).waitFor();
  assert.deepEqual(await page.evaluate(() => ({ stolen: window.__stolen.length, open: !!document.querySelector('[data-inviteguard-ui]').shadowRoot })), {
    stolen: 0,
    open: false,
  });
  await dialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.close();
});

// Each attack runs in the page's main world once the undo window shows; none may let the window run out.
// cover: a page popover over the whole window, shown after ours (the top of the top layer).
const COVER = `function cover(pointerEvents) {
  const c = document.createElement('div');
  c.popover = 'manual';
  c.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#f4f2ee;pointer-events:' + pointerEvents;
  document.body.append(c);
  c.showPopover();
}`;
const ATTACKS = {
  removed: (host) => host.remove(),
  'removed and put back': (host) => {
    const p = host.parentNode;
    host.remove();
    p.append(host);
  },
  'display none': (host) => host.style.setProperty('display', 'none', 'important'),
  'visibility hidden': (host) => host.style.setProperty('visibility', 'hidden', 'important'),
  'opacity 0.01': (host) => host.style.setProperty('opacity', '0.01', 'important'),
  'scaled to nothing': (host) => host.style.setProperty('transform', 'scale(0.01)', 'important'),
  'hidden attribute': (host) => (host.hidden = true),
  'popover hidden': (host) => host.hidePopover(),
  'moved into a hidden box': (host) => {
    const box = document.createElement('div');
    box.style.display = 'none';
    document.body.append(box);
    box.append(host);
  },
  'body display none': () => document.body.style.setProperty('display', 'none', 'important'),
  'covered by a popover of the page': `cover('auto')`,
  'covered by a popover that lets clicks through': `cover('none')`,
  'covered by a modal dialog of the page': () => {
    const c = document.createElement('dialog');
    c.style.cssText = 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;border:0;background:#f4f2ee';
    document.body.append(c);
    c.showModal();
  },
};

let offset = 41000;
for (const [name, attack] of Object.entries(ATTACKS)) {
  test(`an undo window ${name} counts as Undo: nothing is released`, async () => {
    const at = (offset += 10);
    const page = await open(3, at); // three: no dialog (below the click threshold), only the undo window
    await page.click('#add');
    await ours(page)
      .getByText(/Sending 3 invitations in \d s/)
      .waitFor();
    const run = typeof attack === 'string' ? `(() => { ${COVER}; ${attack}; })()` : `(${attack})(document.querySelector('[data-inviteguard-ui="countdown"]'))`;
    await page.evaluate(run);
    await wait(3500); // longer than the 2 s window
    assert.deepEqual(await sentBy(page), [], `the page's handler ran: the window ${name} ran out`);
    assert.equal(postsFrom(at, 3).length, 0);
    await ours(page).getByText('The undo notice was hidden or covered, so nothing was sent.').waitFor({ state: 'attached' });
    await page.close();
  });
}

test('the same undo window, left alone, still releases (the checks do not fire on their own)', async () => {
  const page = await open(3, 42000);
  await page.click('#add');
  await ours(page)
    .getByText(/Sending 3 invitations in \d s/)
    .waitFor();
  await page.waitForFunction(() => window.sent.length === 1, null, { timeout: 8000 });
  assert.equal((await sentBy(page))[0].keys.length, 3);
  await page.close();
});

for (const where of ['body', 'html', 'main', '#contacts']) {
  test(`data-inviteguard-ui on ${where} does not switch the guard off, and the rows inside are still read`, async () => {
    const at = 43000 + where.length * 100;
    const page = await open(40, at);
    await page.evaluate((sel) => document.querySelector(sel).setAttribute('data-inviteguard-ui', 'dialog'), where);
    await page.click('#add');
    const d = dialog(page);
    await d.getByText('You are about to send 40 invitations').waitFor();
    await d.getByText('40 of 40 selected').waitFor();
    assert.deepEqual(await sentBy(page), [], 'the click was held');
    await d.getByRole('button', { name: 'Cancel', exact: true }).click();
    await wait(2500);
    assert.deepEqual(await sentBy(page), []);
    assert.equal(postsFrom(at, 40).length, 0);
    await page.close();
  });
}

test('the extension sends no request to any host but the page’s own', () => {
  assert.deepEqual(h.violations, []);
});
