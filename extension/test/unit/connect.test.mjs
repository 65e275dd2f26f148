// Detector tests of linkedin/connect (velocity) on saved fixture HTML in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { detect, launch, read, release, withPage } from './harness.mjs';

const li = (slug) => `https://www.linkedin.com/in/${slug}/`;
const one = (key, name) => ({ recipients: [{ key, name, member: true, selected: true, optedOut: false }] });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function expectConnect(page, sel, key, name) {
  const got = await detect(page, sel);
  assert.deepEqual(
    got && { id: got.id, kind: got.kind, surface: got.surface, actionIsTarget: got.actionIsTarget },
    { id: 'linkedin.connect', kind: 'velocity', surface: 'connect', actionIsTarget: true },
    sel,
  );
  assert.deepEqual(await read(page), one(key, name), sel);
}

test('en People you may know: 13 cards, aria-label "Invite … to connect", each click one recipient', async () => {
  await withPage(browser, 'linkedin/connect/en-pymk.html', 'https://www.linkedin.com/mynetwork/grow/', async (page) => {
    await expectConnect(page, '#connect-1', li('jane-doe-4a1b2c'), 'Jane Doe');
    await expectConnect(page, '#connect-4', li('käthe-müller'), 'Käthe Müller');
    await expectConnect(page, '#connect-5 svg', li('pat-obrien'), 'Pat O’Brien'); // a click on the icon
    await expectConnect(page, '#connect-13', li('sara-rossi'), 'Sara Rossi');
    // A click inside a component's open shadow root reaches the host acting as the button.
    const shadow = await page.evaluate(() => {
      const card = document.querySelector('#connect-2').closest('li');
      const host = document.createElement('ig-test-button');
      host.setAttribute('role', 'button');
      host.setAttribute('aria-label', 'Invite Omar Haddad to connect');
      host.attachShadow({ mode: 'open' }).innerHTML = '<span>Connect</span>';
      card.querySelector('#connect-2').replaceWith(host);
      const m = window.__ig.modules.find((x) => x.id === 'linkedin.connect');
      const d = m.detect(host.shadowRoot.querySelector('span'), document);
      return d && d.action === host ? m.read(d.action, document).recipients[0].key : null;
    });
    assert.equal(shadow, li('omar-haddad'));
    assert.deepEqual(await release(page), [[li('sara-rossi')]]);
    // Once sent the button reads "Pending": no longer a Connect button.
    assert.equal(await detect(page, '#connect-13'), null);
    assert.equal(await detect(page, '#see-all'), null);
    assert.equal(await detect(page, 'button[aria-label="Dismiss"]'), null);
  });
});

test('de search results: "… einladen, sich zu vernetzen", a bare "Vernetzen", filters and pending not taken', async () => {
  await withPage(browser, 'linkedin/connect/de-search.html', 'https://www.linkedin.com/search/results/people/?keywords=Produktmanager', async (page) => {
    await expectConnect(page, '#connect-1', li('lena-schroeder'), 'Lena Schröder');
    await expectConnect(page, '#connect-2', li('thomas-meier-pm'), 'Thomas Meier');
    await expectConnect(page, '#connect-3', li('jonas-weber'), 'Jonas Weber');
    for (const sel of ['#pending', '#message', '#follow', '#f1', '#show']) assert.equal(await detect(page, sel), null, sel);
  });
});

test('fr search results: a link and a role="button" "Se connecter", key from vanityName', async () => {
  await withPage(browser, 'linkedin/connect/fr-search.html', 'https://www.linkedin.com/search/results/people/?keywords=dupont', async (page) => {
    await expectConnect(page, '#connect-1', li('jean-dupont'), 'Jean Dupont');
    assert.deepEqual(await release(page), [[li('jean-dupont')]]);
    await expectConnect(page, '#connect-2', li('éloïse-martin'), 'Éloïse Martin');
    for (const sel of ['#follow', '#msg']) assert.equal(await detect(page, sel), null, sel);
  });
});

test('en profile: the top card uses the page URL, the sidebar its own links; calendar and sign-in are not Connect', async () => {
  await withPage(browser, 'linkedin/connect/en-profile.html', 'https://www.linkedin.com/in/Jane-Doe/?originalSubdomain=de', async (page) => {
    await expectConnect(page, '#connect', li('jane-doe'), 'Jane Doe');
    await expectConnect(page, '#connect-aside', li('mei-lin'), 'Mei Lin');
    for (const sel of ['#message', '#more', '#connect-calendar', '#signin']) assert.equal(await detect(page, sel), null, sel);
  });
});

// The note modal: a Connect click that opens "Add a note to your invitation?" sends nothing by itself;
// the modal's send button does. nextStep tells content/hold; Cancel, ✕ and "Add a note" are not taken.
function nextStep(page) {
  return page.evaluate(() => {
    const { m, d } = window.__ig.last;
    const s = m.nextStep(d, document);
    return s ? s.id : null;
  });
}

function readWithOpener(page, opener) {
  return page.evaluate((opener) => {
    const { m, d } = window.__ig.last;
    return JSON.parse(JSON.stringify(m.read(d.action, document, { ...d, opener })));
  }, opener);
}

test('en note modal: Connect opens it (nextStep), its send buttons are the action, Cancel and ✕ are not', async () => {
  await withPage(browser, 'linkedin/connect/en-note-modal.html', 'https://www.linkedin.com/search/results/people/?keywords=product%20manager', async (page) => {
    await expectConnect(page, '#connect-1', li('jane-doe-4a1b2c'), 'Jane Doe');
    assert.equal(await nextStep(page), null, 'no modal before the click');
    assert.deepEqual(await release(page), [], 'the Connect click sends nothing');
    assert.equal(await nextStep(page), 'note-modal');
    for (const sel of ['#dismiss', '#add-note']) assert.equal(await detect(page, sel), null, sel);
    const got = await detect(page, '#send-without');
    assert.deepEqual(got && { id: got.id, kind: got.kind, surface: got.surface, actionIsTarget: got.actionIsTarget }, {
      id: 'linkedin.connect',
      kind: 'velocity',
      surface: 'connect',
      actionIsTarget: true,
    });
    assert.equal(await nextStep(page), null, 'the send opens nothing further');
    // Without the opener the name comes from the modal's text; with it, the Connect click's profile key.
    assert.deepEqual(await read(page), one('name:jane doe', 'Jane Doe'));
    assert.deepEqual(await readWithOpener(page, { key: li('jane-doe-4a1b2c'), name: 'Jane Doe' }), one(li('jane-doe-4a1b2c'), 'Jane Doe'));
    // ✕ closes the modal and sends nothing.
    await page.click('#dismiss');
    assert.deepEqual(await page.evaluate(() => window.__sent), []);
    // "Add a note", then "Send": the send after the note is the action; Cancel is not.
    await detect(page, '#connect-2');
    await release(page);
    await page.click('#add-note');
    assert.equal(await detect(page, '#cancel'), null);
    assert.equal((await detect(page, '#send'))?.id, 'linkedin.connect');
    assert.deepEqual(await read(page), one('name:omar haddad', 'Omar Haddad'));
    assert.deepEqual(await release(page), [[li('omar-haddad')]]);
    assert.equal(await page.locator('#note-modal').count(), 0);
    // The modal once closed: no step left for a stale send.
    await detect(page, '#connect-3');
    await release(page);
    await page.click('#dismiss');
    assert.equal(await nextStep(page), null);
    assert.deepEqual(await page.evaluate(() => window.__sent), [[li('omar-haddad')]]);
  });
});

test('de note modal (<dialog>): "Ohne Nachricht senden" is the action, ✕ is not, a closed dialog is no step', async () => {
  await withPage(browser, 'linkedin/connect/de-note-modal.html', 'https://www.linkedin.com/search/results/people/?keywords=Produktmanager', async (page) => {
    assert.equal(await detect(page, '#send-without'), null, 'a closed dialog is not the modal');
    await expectConnect(page, '#connect-2', li('jonas-weber'), 'Jonas Weber');
    assert.equal(await nextStep(page), null);
    assert.deepEqual(await release(page), []);
    assert.equal(await nextStep(page), 'note-modal');
    for (const sel of ['#dismiss', '#add-note']) assert.equal(await detect(page, sel), null, sel);
    assert.equal((await detect(page, '#send-without'))?.id, 'linkedin.connect');
    assert.deepEqual(await read(page), one('name:jonas weber', 'Jonas Weber'));
    assert.deepEqual(await release(page), [[li('jonas-weber')]]);
    assert.equal(await nextStep(page), null, 'closed again');
    await expectConnect(page, '#connect-1', li('lena-schroeder'), 'Lena Schröder');
    await release(page);
    await page.click('#dismiss');
    assert.deepEqual(await page.evaluate(() => window.__sent), [[li('jonas-weber')]]);
  });
});
