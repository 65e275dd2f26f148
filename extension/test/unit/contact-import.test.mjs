// Detector tests of linkedin/contact-import on saved fixture HTML in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apply, detect, launch, negativeTest, read, release, reread, selectedKeys, withPage } from './harness.mjs';

const MEMBER = 'https://www.linkedin.com/mynetwork/import-contacts/results/member/';
const GUEST = 'https://www.linkedin.com/mynetwork/import-contacts/results/guest/';
const li = (slug) => `https://www.linkedin.com/in/${slug}/`;
const r = (key, name, selected, member) => ({ key, name, selected, member, optedOut: false });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Each case: the fixture, where it is served, the action, what detect and read must say,
// and a kept selection that apply must make the page send.
const cases = [
  {
    name: 'en, newer markup: "Add N connections" over pre-selected checkboxes, one unchecked',
    file: 'linkedin/contact-import/en-new.html',
    url: MEMBER,
    action: '#add',
    want: { surface: 'contact_import', expected: 4 },
    recipients: [
      r(li('jane-doe-4a1b2c'), 'Jane Doe', true, true),
      r(li('omar-haddad'), 'Omar Haddad', true, true),
      r(li('mei-lin'), 'Mei Lin', true, true),
      r(li('käthe-müller'), 'Käthe Müller', true, true),
      r(li('pat-obrien'), 'Pat O’Brien', false, true),
    ],
    keep: [li('omar-haddad'), li('pat-obrien')],
  },
  {
    name: 'de, role="checkbox" rows and a role="button" action, no profile links',
    file: 'linkedin/contact-import/de-role.html',
    url: MEMBER,
    action: '#add',
    want: { surface: 'contact_import', expected: null },
    recipients: [
      r('name:lena schröder', 'Lena Schröder', true, true),
      r('name:thomas meier', 'Thomas Meier', true, true),
      r('name:ayşe yılmaz', 'Ayşe Yılmaz', true, true),
      r('name:jean-luc von der heide', 'Jean-Luc von der Heide', true, true),
    ],
    keep: ['name:thomas meier'],
  },
  {
    name: 'de, toggle buttons (aria-pressed) in article cards, "Alle 3 hinzufügen"',
    file: 'linkedin/contact-import/de-toggle.html',
    url: MEMBER,
    action: '#add',
    want: { surface: 'contact_import', expected: 3 },
    recipients: [
      r(li('jonas-weber'), 'Jonas Weber', true, true),
      r(li('emma-schulz'), 'Emma Schulz', true, true),
      r(li('leon-fischer'), 'Leon Fischer', true, true),
    ],
    keep: [li('jonas-weber'), li('leon-fischer')],
  },
  {
    name: 'fr, older markup: artdeco form, plain checkboxes in labels, submit button',
    file: 'linkedin/contact-import/fr-old.html',
    url: 'https://www.linkedin.com/mynetwork/import-contacts/saved-contacts/',
    action: '#add',
    want: { surface: 'contact_import', expected: null },
    recipients: [
      r(li('jean-dupont-75'), 'Jean Dupont', true, true),
      r(li('éloïse-martin'), 'Éloïse Martin', true, true),
      r(li('luc-bernard'), 'Luc Bernard', true, true),
    ],
    keep: [li('jean-dupont-75'), li('luc-bernard')],
  },
  {
    name: 'en, oldest markup: a table, an unlabelled header checkbox, input type=submit, /pub/ profile URLs',
    file: 'linkedin/contact-import/en-table.html',
    url: 'https://www.linkedin.com/fetch/manage/all/?trk=abook',
    action: '#add',
    want: { surface: 'contact_import', expected: null },
    recipients: [
      r(li('grace-hopper'), 'Grace Hopper', true, true),
      r(li('alan-turing'), 'Alan Turing', true, true),
      r('https://www.linkedin.com/pub/ada-lovelace/1/2a/3bc/', 'Ada Lovelace', true, true),
    ],
    keep: [li('alan-turing')],
  },
  {
    name: 'en, email step: role="switch" toggles, "Send invitations"',
    file: 'linkedin/contact-import/en-email.html',
    url: GUEST,
    action: '#send',
    want: { surface: 'email_invite', expected: null },
    recipients: [
      r('anna.berg@example.org', 'Anna Berg', true, false),
      r('tom.k@mail.example', 'tom.k@mail.example', true, false),
      r('r.singh@example.com', 'Ravi Singh', true, false),
      r('mum@example.net', 'Mum', true, false),
    ],
    keep: ['anna.berg@example.org', 'mum@example.net'],
  },
  {
    name: 'de, email step off the import path: checkboxes in labels, "Einladungen senden"',
    file: 'linkedin/contact-import/de-email.html',
    url: 'https://www.linkedin.com/mynetwork/invite-contacts/',
    action: '#send',
    want: { surface: 'email_invite', expected: null },
    recipients: [
      r('p.wagner@example.de', 'Petra Wagner', true, false),
      r('info@baeckerei-huber.example', 'info@baeckerei-huber.example', true, false),
      r('j.nguyen@example.com', 'Jan Nguyen', false, false),
    ],
    keep: ['j.nguyen@example.com'],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    await withPage(browser, c.file, c.url, async (page) => {
      const got = await detect(page, c.action);
      assert.ok(got, 'detected');
      assert.deepEqual(
        { id: got.id, surface: got.surface, unreadable: got.unreadable, expected: got.expected, actionIsTarget: got.actionIsTarget },
        { id: 'linkedin.contact-import', surface: c.want.surface, unreadable: false, expected: c.want.expected, actionIsTarget: true },
      );
      const before = await read(page);
      assert.deepEqual(before.recipients, c.recipients);
      // The detector's count of the selection (the dialog's first frame) is what the read finds selected.
      assert.equal(got.selected, c.recipients.filter((x) => x.selected).length, 'selected at the press');
      assert.equal(before.unreadable, undefined);
      const res = await apply(page, c.keep);
      assert.deepEqual(res.failed, []);
      assert.deepEqual(selectedKeys(await reread(page)), c.keep);
      assert.deepEqual(await release(page), [c.keep]);
      assert.deepEqual(page.errors, []);
    });
  });
}

test('fail safe: a bulk "Add all 120 connections" whose rows cannot be read is still detected', async () => {
  await withPage(browser, 'linkedin/contact-import/en-unreadable.html', MEMBER, async (page) => {
    const got = await detect(page, '#add');
    assert.deepEqual(got && { id: got.id, surface: got.surface, unreadable: got.unreadable, expected: got.expected }, {
      id: 'linkedin.contact-import',
      surface: 'contact_import',
      unreadable: true,
      expected: 120,
    });
    const got2 = await read(page);
    assert.deepEqual(got2, { recipients: [], expected: 120, unreadable: true });
  });
});

test('a virtualised list: "Add 120 connections" over 3 rows in the document makes read throw', async () => {
  await withPage(browser, 'linkedin/contact-import/en-virtual.html', MEMBER, async (page) => {
    const got = await detect(page, '#add');
    assert.deepEqual(got && [got.id, got.surface, got.expected], ['linkedin.contact-import', 'contact_import', 120]);
    await assert.rejects(read(page), /the page says 120 people are selected, but only 3 of them could be read/);
  });
});

test('a feed of posts with Like toggles is no list: its Connect stays single, Invite and Add are nothing', () =>
  withPage(browser, 'linkedin/negative/en-feed.html', 'https://www.linkedin.com/company/acme-corp/', async (page) => {
    const got = await detect(page, '#connect-feed');
    assert.deepEqual(got && [got.id, got.kind], ['linkedin.connect', 'velocity']);
    for (const sel of ['#invite-side', '#add-feed', '#like-1', '#like-2', '#save-1']) assert.equal(await detect(page, sel), null, sel);
  }));

// Pages with add/invite buttons that send no invitation: no module may take them.
const negatives = [
  [
    'en profile: Add profile section, Add skill, Add a note, a lone checkbox',
    'linkedin/negative/en-profile.html',
    'https://www.linkedin.com/in/jane-doe/',
    ['#add-section', '#add-skill', '#add-note', '#add', '#open-to', '#notify'],
  ],
  [
    'en messaging: Invite to a meeting, Add people to a conversation',
    'linkedin/negative/en-messaging.html',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    ['#invite-meeting', '#add-people', '#invite-all', '#send-msg'],
  ],
  [
    'de settings: one checkbox, Hinzufügen an address, import, save',
    'linkedin/negative/de-settings.html',
    'https://www.linkedin.com/mynetwork/settings/manage-syncing/',
    ['#add-address', '#import', '#save', '#remove-all', '#sync'],
  ],
  [
    'en import start: Continue, Invite by email, a bare Invite, a sync checkbox — on the import path',
    'linkedin/negative/en-import-start.html',
    'https://www.linkedin.com/mynetwork/import-contacts/',
    ['#continue', '#invite-email', '#upload', '#invite', '#manage', '#sync', 'form'],
  ],
  [
    'fr company page: the button that opens the invite modal, settings checkboxes',
    'linkedin/negative/fr-company.html',
    'https://www.linkedin.com/company/acme/admin/',
    ['#invite-open', '#follow', '#add-admin', '#invite-plain'],
  ],
];
for (const n of negatives) negativeTest(test, assert, () => browser, n);

test('warmReaders reads its own list, built in memory, and leaves the page as it was', async () => {
  await withPage(browser, 'linkedin/contact-import/en-new.html', MEMBER, async (page) => {
    const out = await page.evaluate(async () => {
      const { warmReaders } = await import('/__ig/sites/index.js');
      const nodes = document.getElementsByTagName('*').length;
      const html = document.documentElement.outerHTML;
      const recipients = warmReaders(document);
      return { recipients, same: nodes === document.getElementsByTagName('*').length && html === document.documentElement.outerHTML };
    });
    assert.equal(out.same, true, 'nothing added to the page');
    assert.equal(out.recipients.length, 24);
    assert.deepEqual(out.recipients[0], {
      key: 'https://www.linkedin.com/in/warm-0/',
      name: 'Zoë Müller-Lüdenscheidt',
      selected: false,
      member: true,
      inTarget: false,
      optedOut: false,
    });
    assert.equal(out.recipients[3].name, '李小龙');
    // The page's own screen reads as before.
    const got = await detect(page, '#add');
    assert.equal(got?.id, 'linkedin.contact-import');
    assert.deepEqual((await read(page)).recipients, cases[0].recipients);
  });
});
