// Detector tests of linkedin/invite-modal on saved fixture HTML in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apply, detect, launch, read, release, reread, selectedKeys, withPage } from './harness.mjs';

const li = (slug) => `https://www.linkedin.com/in/${slug}/`;
const r = (key, name, selected, inTarget) => ({ key, name, selected, member: true, inTarget, optedOut: false });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const cases = [
  {
    name: 'en page: artdeco modal, checkbox inputs with labels, an "Invited" row disabled',
    file: 'linkedin/invite-modal/en-page.html',
    url: 'https://www.linkedin.com/company/acme-corp/admin/',
    action: '#invite',
    surface: 'page_invite',
    target: 'Acme Corp',
    expected: 2,
    recipients: [
      r('name:maria garcía', 'Maria García', true, false),
      r('name:david cohen', 'David Cohen', false, false),
      r('name:sven olsen', 'Sven Olsen', false, true),
      r('name:priya nair', 'Priya Nair', true, false),
    ],
    keep: ['name:david cohen', 'name:priya nair'],
  },
  {
    name: 'de event: <dialog>, role="checkbox" rows, "Eingeladen" row aria-disabled, target from the page heading',
    file: 'linkedin/invite-modal/de-event.html',
    url: 'https://www.linkedin.com/events/7234567890123456789/',
    action: '#invite',
    surface: 'event_invite',
    target: 'KI-Stammtisch Hamburg',
    expected: 2,
    recipients: [
      r(li('felix-bauer'), 'Felix Bauer', true, false),
      r(li('sophie-klein-ml'), 'Sophie Klein', false, false),
      r(li('mehmet-demir'), 'Mehmet Demir', false, true),
      r(li('nina-vogel'), 'Nina Vogel', true, false),
    ],
    keep: [li('sophie-klein-ml')],
  },
  {
    name: 'fr group: listbox of role="option" rows, role="button" "Inviter", target from the dialog label',
    file: 'linkedin/invite-modal/fr-group.html',
    url: 'https://www.linkedin.com/groups/12345678/',
    action: '#invite',
    surface: 'group_invite',
    target: 'Designers Lyon',
    expected: 2,
    recipients: [
      r(li('camille-roux'), 'Camille Roux', true, false),
      r(li('hugo-lefevre'), 'Hugo Lefèvre', false, false),
      r(li('ines-moreau'), 'Inès Moreau', false, true),
      r(li('noah-petit'), 'Noah Petit', true, false),
    ],
    keep: [li('camille-roux'), li('hugo-lefevre'), li('noah-petit')],
  },
  {
    name: 'en event: role="grid" rows with aria-selected, no links, "Invite people to your event", "Invite 2"',
    file: 'linkedin/invite-modal/en-event-grid.html',
    url: 'https://www.linkedin.com/events/7111111111111111111/',
    action: '#invite',
    surface: 'event_invite',
    target: 'Rust Berlin: November meetup',
    expected: 2,
    detectExpected: 2,
    recipients: [r('name:ana souza', 'Ana Souza', true, false), r('name:mark hill', 'Mark Hill', false, false), r('name:li wei', 'Li Wei', true, false)],
    keep: ['name:mark hill'],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    await withPage(browser, c.file, c.url, async (page) => {
      const got = await detect(page, c.action);
      assert.ok(got, 'detected');
      assert.deepEqual(
        { id: got.id, surface: got.surface, unreadable: got.unreadable, expected: got.expected },
        { id: 'linkedin.invite-modal', surface: c.surface, unreadable: false, expected: c.detectExpected ?? null },
      );
      const before = await read(page);
      const want = { recipients: c.recipients, target: c.target };
      if (c.expected != null) want.expected = c.expected;
      assert.deepEqual(before, want);
      const res = await apply(page, c.keep);
      assert.deepEqual(res.failed, []);
      assert.deepEqual(selectedKeys(await reread(page)), c.keep);
      assert.deepEqual(await release(page), [c.keep]);
      assert.deepEqual(page.errors, []);
    });
  });
}

test('fail safe: an invite modal that counts 25 selected but shows no readable rows', async () => {
  await withPage(browser, 'linkedin/invite-modal/en-group-virtual.html', 'https://www.linkedin.com/groups/987654/', async (page) => {
    const got = await detect(page, '#invite');
    assert.deepEqual(got && { id: got.id, surface: got.surface, unreadable: got.unreadable, expected: got.expected }, {
      id: 'linkedin.invite-modal',
      surface: 'group_invite',
      unreadable: true,
      expected: 25,
    });
    assert.deepEqual(await read(page), { recipients: [], target: 'Berlin Product People', expected: 25, unreadable: true });
  });
});

test('a counter above the rows read (picked people hidden by a search) makes read throw, so the action stays held', async () => {
  await withPage(browser, 'linkedin/invite-modal/en-event-search.html', 'https://www.linkedin.com/events/7000000000000000001/', async (page) => {
    const got = await detect(page, '#invite');
    assert.equal(got && got.surface, 'event_invite');
    await assert.rejects(read(page), /the page says 5 people are selected, but only 1 of them could be read/);
  });
});

test('selection counters in English, German and French', () =>
  withPage(browser, 'linkedin/invite-modal/en-page.html', 'https://www.linkedin.com/company/acme-corp/admin/', async (page) => {
    const got = await page.evaluate(
      async (texts) => {
        const { counterIn } = await import('/__ig/sites/common/rows.js');
        return texts.map((t) => {
          const el = document.createElement('div');
          el.innerHTML = `<p>${t}</p>`;
          return counterIn(el);
        });
      },
      [
        '3 selected',
        '3 of 40 selected',
        'All 500 selected',
        '1,204 selected',
        '3 ausgewählt',
        '3 von 40 ausgewählt',
        '1.052 Kontakte ausgewählt',
        '3 sélectionné(s)',
        '2 sélectionnées',
        'Selected: 7',
        'Ausgewählt (4)',
        'You have 243 credits left',
        'Select all',
        '3 selectedness',
      ],
    );
    assert.deepEqual(got, [3, 3, 500, 1204, 3, 3, 1052, 3, 2, 7, 4, null, null, null]);
  }));

test('apply cannot select a disabled row and says so', async () => {
  await withPage(browser, 'linkedin/invite-modal/en-page.html', 'https://www.linkedin.com/company/acme-corp/admin/', async (page) => {
    await detect(page, '#invite');
    const res = await apply(page, ['name:sven olsen']);
    assert.deepEqual(res.failed, ['name:sven olsen']);
  });
});
