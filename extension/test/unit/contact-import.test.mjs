// Detector tests of linkedin/contact-import on saved fixture HTML in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, detect, read, apply, release, selectedKeys } from './harness.mjs';

const IMPORT = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('en, newer markup: Add N connections over pre-selected checkboxes', async () => {
  const page = await open(browser, 'linkedin/contact-import/en-new.html', IMPORT);
  const got = await detect(page, '#add');
  assert.deepEqual(got && { id: got.id, surface: got.surface, unreadable: got.unreadable, expected: got.expected },
    { id: 'linkedin.contact-import', surface: 'contact_import', unreadable: false, expected: 4 });
  const r = await read(page);
  assert.deepEqual(r.recipients, [
    { key: 'https://www.linkedin.com/in/jane-doe-4a1b2c/', name: 'Jane Doe', selected: true, member: true, optedOut: false },
    { key: 'https://www.linkedin.com/in/omar-haddad/', name: 'Omar Haddad', selected: true, member: true, optedOut: false },
    { key: 'https://www.linkedin.com/in/mei-lin/', name: 'Mei Lin', selected: true, member: true, optedOut: false },
    { key: 'https://www.linkedin.com/in/käthe-müller/', name: 'Käthe Müller', selected: true, member: true, optedOut: false },
    { key: 'https://www.linkedin.com/in/pat-obrien/', name: 'Pat O’Brien', selected: false, member: true, optedOut: false },
  ]);
  assert.equal(r.unreadable, undefined);
  const keep = ['https://www.linkedin.com/in/omar-haddad/', 'https://www.linkedin.com/in/pat-obrien/'];
  const res = await apply(page, keep);
  assert.deepEqual(res.failed, []);
  assert.deepEqual(selectedKeys(await read(page)), keep);
  assert.deepEqual(await release(page), [keep]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
