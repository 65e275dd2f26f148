// Detector tests of xing/contact-request on saved fixture HTML in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apply, detect, launch, negativeTest, read, release, withPage } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const cases = [
  {
    name: 'de dialog: "Kontaktanfrage an …", textarea, submit "Kontaktanfrage senden"',
    file: 'xing/contact-request/de-dialog.html',
    url: 'https://www.xing.com/profile/Jane_Doe2/cv',
    action: '#send',
    key: 'https://www.xing.com/profile/Jane_Doe2/',
    person: 'Jane Doe',
    message: 'Hallo Frau Doe, wir haben uns gestern auf dem Produkt-Meetup in Hamburg unterhalten. Ich würde mich freuen, in Kontakt zu bleiben.',
  },
  {
    name: 'en inline panel: contenteditable message, role="button" "Send", recipient from the URL',
    file: 'xing/contact-request/en-inline.html',
    url: 'https://www.xing.com/profile/Omar_Haddad?sc_o=as_c',
    action: '#send',
    key: 'https://www.xing.com/profile/Omar_Haddad/',
    person: 'Omar Haddad',
    message: 'Hi Omar, great talk at the Berlin Go meetup. Let’s stay in touch!',
  },
  {
    name: 'fr <dialog>: "Demande de contact à …", empty message, "Envoyer"',
    file: 'xing/contact-request/fr-dialog.html',
    url: 'https://www.xing.com/network/suggestions',
    action: '#send',
    key: 'https://www.xing.com/profile/Jean_Dupont3/',
    person: 'Jean Dupont',
    message: '',
  },
];

for (const c of cases) {
  test(c.name, async () => {
    await withPage(browser, c.file, c.url, async (page) => {
      const got = await detect(page, c.action);
      assert.deepEqual(got && { id: got.id, surface: got.surface, kind: got.kind }, { id: 'xing.contact-request', surface: 'contact_request', kind: 'bulk' });
      assert.deepEqual(await read(page), {
        recipients: [{ key: c.key, name: c.person, member: true, selected: true, optedOut: false }],
        message: c.message,
      });
      assert.deepEqual(await apply(page, [c.key]), { changed: 0, failed: [] });
      assert.deepEqual(await apply(page, []), { changed: 0, failed: [c.key] });
      assert.deepEqual(await release(page), [[c.key]]);
      assert.deepEqual(await page.evaluate(() => window.__sentMessages), [c.message]);
    });
  });
}

test('a submit without submitter (Enter in a field) lands on the form: its submit button is the action', () =>
  withPage(browser, 'xing/contact-request/de-dialog.html', 'https://www.xing.com/profile/Jane_Doe2', async (page) => {
    const got = await detect(page, 'form');
    assert.deepEqual(got && [got.id, got.surface], ['xing.contact-request', 'contact_request']);
    assert.equal(await page.evaluate(() => window.__ig.last.d.action.id), 'send');
  }));

const negatives = [
  ['de chat: "Senden" under a message field', 'xing/negative/de-chat.html', 'https://www.xing.com/chats/abc123', ['#send']],
  [
    'de chat markup on a profile URL: the content alone says it is no contact request',
    'xing/negative/de-chat.html',
    'https://www.xing.com/profile/Jane_Doe2',
    ['#send'],
  ],
  [
    'de profile: a direct message dialog and a newsletter form',
    'xing/negative/de-profile-message.html',
    'https://www.xing.com/profile/Jane_Doe2',
    ['#send', '#subscribe'],
  ],
  [
    'de profile: the button that only opens the contact request dialog',
    'xing/contact-request/de-dialog.html',
    'https://www.xing.com/profile/Jane_Doe2',
    ['button[aria-haspopup]', '#message', '#cancel'],
  ],
];
for (const n of negatives) negativeTest(test, assert, () => browser, n);
