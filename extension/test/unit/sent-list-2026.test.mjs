// linkedin/sent-list on the 2026 markup: the real capture (fixtures en-2026-real*.html, copied from
// shared/real-pages with their provenance line), its German and French variants, and the 2026-shaped
// Received pages that must read as nothing. Then the namesake rules of findCard on rows cloned from the
// real markup, the toasts, the role-less <dialog> and the list's scroll container.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withPage } from './harness.mjs';

const SENT = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const RECEIVED = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const li = (slug) => `https://www.linkedin.com/in/${slug}/`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** read returns what the page says: tab, total, Load more, and every card with its Withdraw control. */
const read = (page) =>
  page.evaluate(() => {
    const s = window.__ig.sentList;
    return {
      tab: s.currentTab(document),
      total: s.readTotal(document),
      more: !!s.findLoadMore(document),
      cards: s.readCards(document).map(({ card, key, name, ageText }) => {
        const w = s.findWithdraw(card);
        return { key, name, ageText, withdraw: w && { tag: w.tagName, label: w.getAttribute('aria-label'), href: w.getAttribute('href') } };
      }),
    };
  });

// The real capture's rows, in order: [slug, name, age].
const REAL = [
  ['anna-schmidt-4821', 'Anna Schmidt, MBA', 'Sent 2 days ago'],
  ['priya-raman-3307', 'Priya Raman (she/her)', 'Sent 4 days ago'],
  ['tom-becker-5190', 'Tom Becker | 2x Founder', 'Sent 4 days ago'],
  ['jorg-muller-7742', 'Jörg Müller', 'Sent 1 month ago'],
  ['elena-costa-2065', 'Dr. Elena Costa', 'Sent 1 month ago'],
  ['sofia-lindqvist-8813', 'Sofia Lindqvist', 'Sent 1 month ago'],
  ['marcus-webb-4476', 'Marcus Webb Holloway', 'Sent 1 month ago'],
  ['liam-obrien-1538', "Liam O'Brien", 'Sent 2 months ago'],
  ['chloe-dubois-6021', 'Chloé Dubois', 'Sent 2 months ago'],
  ['ravi-patel-9354', 'Ravi Patel', 'Sent 2 months ago'],
];

test('real capture (en): 10 cards — key, name, age, Withdraw link — and the total "People (15)"; no Load more', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    const got = await read(page);
    assert.equal(got.tab, 'sent');
    assert.equal(got.total, 'People (15)');
    assert.equal(got.more, false);
    assert.deepEqual(
      got.cards,
      REAL.map(([slug, name, ageText]) => ({
        key: li(slug),
        name,
        ageText,
        withdraw: { tag: 'A', label: `Withdraw invitation sent to ${name}`, href: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/' },
      })),
    );
    assert.deepEqual(page.errors, []);
  });
});

test('real capture, one row on its own: the same first card', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real-item.html', SENT, async (page) => {
    const got = await read(page);
    assert.deepEqual(got.cards, [
      {
        key: li('anna-schmidt-4821'),
        name: 'Anna Schmidt, MBA',
        ageText: 'Sent 2 days ago',
        withdraw: { tag: 'A', label: 'Withdraw invitation sent to Anna Schmidt, MBA', href: SENT },
      },
    ]);
    assert.equal(got.total, '');
  });
});

test('the 2026 markup in German: "Personen (1.052)", "Vor 1 Monat gesendet", links to the home page', async () => {
  await withPage(browser, 'linkedin/sent-list/de-2026.html', SENT, async (page) => {
    const got = await read(page);
    assert.equal(got.total, 'Personen (1.052)');
    const de = {
      'Sent 2 days ago': 'Vor 2 Tagen gesendet',
      'Sent 4 days ago': 'Vor 4 Tagen gesendet',
      'Sent 1 month ago': 'Vor 1 Monat gesendet',
      'Sent 2 months ago': 'Vor 2 Monaten gesendet',
    };
    assert.deepEqual(
      got.cards,
      REAL.map(([slug, name, age]) => ({
        key: li(slug),
        name,
        ageText: de[age],
        withdraw: { tag: 'A', label: `Einladung an ${name} zurückziehen`, href: 'https://www.linkedin.com/' },
      })),
    );
  });
});

test('the 2026 markup in French: "Personnes (15)", "Envoyée il y a 2 mois", "Retirer l’invitation envoyée à …"', async () => {
  await withPage(browser, 'linkedin/sent-list/fr-2026.html', SENT, async (page) => {
    const got = await read(page);
    assert.equal(got.total, 'Personnes (15)');
    assert.deepEqual(
      got.cards.map((c) => [c.key, c.name, c.ageText, c.withdraw.label]),
      REAL.map(([slug, name, age]) => [
        li(slug),
        name,
        age.replace(/^Sent (\d+) days ago$/, 'Envoyée il y a $1 jours').replace(/^Sent (\d+) months? ago$/, 'Envoyée il y a $1 mois'),
        `Retirer l’invitation envoyée à ${name}`,
      ]),
    );
  });
});

for (const lang of ['en', 'de', 'fr']) {
  test(`negative (${lang}): the 2026 Received tab has no Sent card, no Withdraw, no total, no confirm`, async () => {
    await withPage(browser, `linkedin/sent-list/${lang}-2026-received.html`, RECEIVED, async (page) => {
      const got = await read(page);
      assert.deepEqual(got, { tab: 'received', total: '', more: false, cards: [] });
      const r = await page.evaluate(() => {
        const s = window.__ig.sentList;
        return {
          sent: s.isSentPage(document),
          byKey: s.findCard(document, { key: 'https://www.linkedin.com/in/li-oneill-3301/' }),
          byName: s.findCard(document, { key: 'li@example.com', name: "Li O'Neill | 3x Founder" }, { complete: true }),
          confirm: s.findConfirm(document),
        };
      });
      assert.deepEqual(r, { sent: false, byKey: null, byName: null, confirm: null });
    });
  });
}

// ---------------------------------------------------------------- namesakes on real-shaped rows

/**
 * grow clones the real capture's first row for each [slug, name] (the clone's link, picture labels, name
 * and Withdraw label rewritten), appended to the lazy column in order, so the page holds namesakes.
 */
function grow(page, rows) {
  return page.evaluate((rows) => {
    const col = document.querySelector('[data-testid="lazy-column"]');
    const proto = col.querySelector('[role="listitem"]');
    for (const [slug, name] of rows) {
      const row = proto.cloneNode(true);
      row.querySelector('a[href*="/in/"]').setAttribute('href', `https://www.linkedin.com/in/${slug}/`);
      for (const el of row.querySelectorAll('[aria-label$="profile picture"], img[alt]'))
        el.setAttribute(el.tagName === 'IMG' ? 'alt' : 'aria-label', `${name}’s profile picture`);
      row.querySelector('p').textContent = name;
      row.querySelector('a[aria-label^="Withdraw"]').setAttribute('aria-label', `Withdraw invitation sent to ${name}`);
      col.append(row);
    }
  }, rows);
}

/** find runs findCard and returns the found card's key and how it was found, or null. */
const find = (page, who, opts) =>
  page.evaluate(
    ([who, opts]) => {
      const s = window.__ig.sentList;
      const hit = s.findCard(document, who, opts);
      return hit && { key: s.readCard(hit.card).key, by: hit.by };
    },
    [who, opts],
  );

test('namesakes: a profile URL finds only its own card, never a namesake (beyond the first ten rows too)', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    // 30 more rows: "Anna Schmidt, MBA" three more times, "Li O'Neill | 3x Founder" twice, all different slugs.
    const extra = [];
    for (let i = 0; i < 30; i++) extra.push([`person-${i}`, `Person ${i} (she/her)`]);
    extra[5] = ['anna-schmidt-1', 'Anna Schmidt, MBA'];
    extra[17] = ['anna-schmidt-77', 'Anna Schmidt, MBA'];
    extra[29] = ['anna-schmidt', 'anna schmidt, mba'];
    extra[12] = ['li-oneill-1', "Li O'Neill | 3x Founder"];
    extra[22] = ['li-oneill-2', 'Li O’Neill | 3x Founder'];
    await grow(page, extra);
    assert.equal((await read(page)).cards.length, 40);
    // Each key finds its own card, whatever name the invitation carries.
    assert.deepEqual(await find(page, { key: li('anna-schmidt-77'), name: 'Anna Schmidt, MBA' }), { key: li('anna-schmidt-77'), by: 'key' });
    assert.deepEqual(await find(page, { key: 'https://de.linkedin.com/in/Anna-Schmidt-1?trk=x', name: 'Someone Else' }), {
      key: li('anna-schmidt-1'),
      by: 'key',
    });
    assert.deepEqual(await find(page, { key: li('li-oneill-2'), name: "Li O'Neill | 3x Founder" }, { complete: true }), { key: li('li-oneill-2'), by: 'key' });
    // A profile URL that is not on the list finds nothing — not the card with its name, even with a complete list.
    for (const who of [
      { key: li('anna-schmidt-999'), name: 'Anna Schmidt, MBA' },
      { key: li('priya-raman-1'), name: 'Priya Raman (she/her)' }, // the name is unique on the list, the URL differs
      { key: 'https://www.linkedin.com/pub/anna-schmidt/1/2/3', name: 'Anna Schmidt, MBA' },
      { key: li('tom-becker'), name: 'Tom Becker | 2x Founder' },
    ])
      assert.equal(await find(page, who, { complete: true }), null, JSON.stringify(who));
  });
});

test('names that read like controls ("Withdraw Ng", "Pending Patel"): the profile link is the person, one card each, its key read', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    await grow(page, [
      ['withdraw-ng-1', 'Withdraw Ng'],
      ['pending-patel-2', 'Pending Patel'],
      ['withdraw-ng-3', 'Withdraw Ng'],
      ['zuruckziehen-4', 'Zurückziehen Zoë'],
    ]);
    const cards = (await read(page)).cards.slice(10);
    assert.deepEqual(
      cards.map((c) => [c.key, c.name, c.withdraw?.label]),
      [
        [li('withdraw-ng-1'), 'Withdraw Ng', 'Withdraw invitation sent to Withdraw Ng'],
        [li('pending-patel-2'), 'Pending Patel', 'Withdraw invitation sent to Pending Patel'],
        [li('withdraw-ng-3'), 'Withdraw Ng', 'Withdraw invitation sent to Withdraw Ng'],
        [li('zuruckziehen-4'), 'Zurückziehen Zoë', 'Withdraw invitation sent to Zurückziehen Zoë'],
      ],
    );
  });
});

test('namesakes: a name-only invitation matches only a name unique in the whole, completely loaded list', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    await grow(page, [
      ['anna-schmidt-1', 'Anna Schmidt, MBA'],
      ['marta-nguyen-10', 'Marta Nguyen (10k+ followers)'],
      ['wang-fang', '王芳'],
      ['mohamed-ali', 'محمد علي'],
    ]);
    const email = (name) => ({ key: `${name.length}@example.com`, name });
    // Unique names: found by name only when the list is complete.
    assert.equal(await find(page, email('Marta Nguyen (10k+ followers)')), null, 'not while the list may hold more');
    assert.deepEqual(await find(page, email('Marta Nguyen (10k+ followers)'), { complete: true }), { key: li('marta-nguyen-10'), by: 'name' });
    assert.deepEqual(await find(page, { key: 'name:王芳', name: '王芳' }, { complete: true }), { key: li('wang-fang'), by: 'name' });
    assert.deepEqual(await find(page, email('محمد علي'), { complete: true }), { key: li('mohamed-ali'), by: 'name' });
    // Two cards with the name: never by name.
    assert.equal(await find(page, email('Anna Schmidt, MBA'), { complete: true }), null);
    assert.equal(await find(page, { key: '', name: 'anna  schmidt, mba' }, { complete: true }), null);
    // A unique name whose card belongs to another known invitation (its profile is taken): not this one's.
    assert.equal(await find(page, email('Ravi Patel'), { complete: true, taken: ['https://www.linkedin.com/in/Ravi-Patel-9354'] }), null);
    assert.deepEqual(await find(page, email('Ravi Patel'), { complete: true, taken: [li('ravi-patel-1')] }), { key: li('ravi-patel-9354'), by: 'name' });
  });
});

// ---------------------------------------------------------------- dialog, toasts, scroll container

test('the role-less <dialog open>: its confirm is "Withdraw invitation sent to …", then "Withdraw", "Zurückziehen", "Retirer"', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    const confirm = (label, text) =>
      page.evaluate(
        ([label, text]) => {
          document.querySelector('#test-dialog')?.remove();
          document.body.insertAdjacentHTML(
            'beforeend',
            `<dialog id="test-dialog" data-testid="dialog" aria-labelledby="dialog-header" open><h2 id="dialog-header">Withdraw invitation</h2>
        <p>If you withdraw now, you won’t be able to resend to this person for up to 3 weeks.</p>
        <button aria-label="Dismiss">✕</button><button>Cancel</button><button ${label ? `aria-label="${label}"` : ''}>${text}</button></dialog>`,
          );
          const c = window.__ig.sentList.findConfirm(document);
          return c && { dialog: c.dialog.id, text: c.confirm.textContent, label: c.confirm.getAttribute('aria-label') };
        },
        [label, text],
      );
    assert.deepEqual(await confirm("Withdraw invitation sent to Li O'Neill | 3x Founder", 'Withdraw'), {
      dialog: 'test-dialog',
      text: 'Withdraw',
      label: "Withdraw invitation sent to Li O'Neill | 3x Founder",
    });
    assert.deepEqual(await confirm('', 'Withdraw'), { dialog: 'test-dialog', text: 'Withdraw', label: null });
    assert.deepEqual(await confirm('', 'Zurückziehen'), { dialog: 'test-dialog', text: 'Zurückziehen', label: null });
    assert.deepEqual(await confirm('', 'Retirer'), { dialog: 'test-dialog', text: 'Retirer', label: null });
    // A closed dialog (the capture's hidden ad dialogs) is no confirmation.
    assert.equal(
      await page.evaluate(() => {
        document.querySelector('#test-dialog').open = false;
        return window.__ig.sentList.findConfirm(document);
      }),
      null,
    );
  });
});

test('toasts: "Invitation to … withdrawn." and "Sorry, unable to withdraw …" in en/de/fr, for that name only', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    const toast = (text, name) =>
      page.evaluate(
        ([text, name]) => {
          document.querySelector('#toasts')?.remove();
          document.body.insertAdjacentHTML(
            'beforeend',
            '<section id="toasts"><h2 data-testid="toasts-title">1 notification</h2><div role="alert"><p></p><button aria-label="Dismiss">✕</button></div></section>',
          );
          document.querySelector('#toasts p').textContent = text;
          return window.__ig.sentList.readToast(document, name);
        },
        [text, name],
      );
    const li3 = "Li O'Neill | 3x Founder";
    assert.deepEqual(await toast(`Invitation to ${li3} withdrawn.`, li3), { kind: 'withdrawn', text: `Invitation to ${li3} withdrawn.` });
    assert.deepEqual(await toast('Sorry, unable to withdraw invitation to Marta Nguyen (10k+ followers). Please try again.', 'Marta Nguyen (10k+ followers)'), {
      kind: 'failed',
      text: 'Sorry, unable to withdraw invitation to Marta Nguyen (10k+ followers). Please try again.',
    });
    assert.deepEqual(await toast('Einladung an Jörg Müller zurückgezogen.', 'Jörg Müller'), {
      kind: 'withdrawn',
      text: 'Einladung an Jörg Müller zurückgezogen.',
    });
    assert.equal(
      (await toast('Die Einladung an Jörg Müller konnte leider nicht zurückgezogen werden. Bitte versuchen Sie es erneut.', 'Jörg Müller')).kind,
      'failed',
    );
    assert.equal((await toast('Invitation à Chloé Dubois retirée.', 'Chloé Dubois')).kind, 'withdrawn');
    assert.equal((await toast('Désolé, impossible de retirer l’invitation à Chloé Dubois. Veuillez réessayer.', 'Chloé Dubois')).kind, 'failed');
    // Someone else's toast is not this card's.
    assert.equal(await toast('Invitation to Anna Schmidt withdrawn.', 'Anna Schmidt, MBA'), null);
    assert.equal(await toast('Message sent.', 'Anna Schmidt, MBA'), null);
  });
});

test('the scroll container: the nearest scrolling ancestor of the rows (<main>), else the window', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    const scroller = () =>
      page.evaluate(() => {
        const s = window.__ig.sentList.findScroller(document);
        return s === document.scrollingElement ? 'window' : s.id;
      });
    assert.equal(await scroller(), 'window', 'the capture has no CSS: the document scrolls');
    await page.evaluate(() => {
      const m = document.querySelector('main');
      m.style.height = '400px';
      m.style.overflowY = 'auto';
    });
    assert.equal(await scroller(), 'workspace');
  });
});

test('findNewCards: the same cards as findCards, then only the rows that arrived since', async () => {
  await withPage(browser, 'linkedin/sent-list/en-2026-real.html', SENT, async (page) => {
    const step = () =>
      page.evaluate(() => {
        const s = window.__ig.sentList;
        window.__known ??= new WeakSet();
        const fresh = s.findNewCards(document, window.__known);
        for (const c of fresh) window.__known.add(c);
        return { fresh: fresh.map((c) => s.readCard(c).key), all: s.findCards(document).map((c) => s.readCard(c).key) };
      });
    const first = await step();
    assert.deepEqual(
      first.fresh,
      REAL.map(([slug]) => li(slug)),
    );
    assert.deepEqual(first.fresh, first.all);
    await grow(page, [
      ['new-1', 'Sam Lee 🚀'],
      ['new-2', 'Aiko Tanaka (田中 愛子)'],
    ]);
    const second = await step();
    assert.deepEqual(second.fresh, [li('new-1'), li('new-2')]);
    assert.equal(second.all.length, 12);
    assert.deepEqual((await step()).fresh, [], 'nothing new: nothing read again');
  });
});
