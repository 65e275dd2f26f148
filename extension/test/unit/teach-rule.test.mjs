// Rules the user teaches ("Hold this button with Invite Guard"): the path and the button's name are
// generalised so that no person's name, number or address is kept, a rule made on one person's button
// holds the same button for anyone else, and it never holds Withdraw, Accept, Message or Follow.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRule, nameShape, pathMatches, pathPattern, ruleMatches, sameRule, shapeMatches, validateRule } from '../../shared/teach-rule.js';

// Names as people write them on LinkedIn (digits, titles, degrees, pronouns, emoji, apostrophes, scripts).
const NAMES = [
  'Anna Schmidt, MBA',
  'Priya Raman (she/her)',
  'Tom Becker | 2x Founder',
  'Li O’Neill | 3x Founder',
  'Marta Nguyen (10k+ followers)',
  'Dr. Elena Costa',
  'Jörg Müller',
  "Liam O'Brien",
  'Chloé de la Tour',
  '王小明',
  '김민준',
  'محمد الأحمد',
  'Олена Коваль',
  'Sam 🚀 Rivera',
  '🌱 Green Jo',
  'Prof. Dr. Hans-Peter Wagner',
  'Ludwig van Beethoven',
  'Ana María López-García',
  'J. R. Smith Jr.',
  'Sebastián Ortega',
  'Zoë Kravitz 👩‍💻',
  'Kai (he/him) Becker',
  'Yuki 田中',
  'Dr. Amal Clooney, PhD',
];
const LABELS = [
  (n) => `Invite ${n} to join`,
  (n) => `Send invitation to ${n}`,
  (n) => `Invite ${n} to connect`,
  (n) => `${n} einladen`,
  (n) => `Einladung an ${n} senden`,
  (n) => `Inviter ${n} à rejoindre le groupe`,
  (n) => `Add ${n} to your network`,
];
// Buttons never taught, as the same pages show them (en/de/fr).
const OTHERS = [
  (n) => `Withdraw invitation sent to ${n}`,
  (n) => `Accept ${n}’s invitation`,
  (n) => `Ignore an invitation to connect from ${n}`,
  (n) => `Message ${n}`,
  (n) => `Follow ${n}`,
  (n) => `Pending, click to withdraw invitation sent to ${n}`,
  () => 'Withdraw',
  () => 'Accept',
  () => 'Message',
  () => 'Follow',
  () => 'Nachricht senden',
  () => 'Einladung zurückziehen',
  (n) => `Einladung an ${n} zurückziehen`,
  () => 'Annehmen',
  () => 'Folgen',
  () => 'Retirer',
  () => 'Accepter',
  () => 'Suivre',
  () => 'Send message',
  (n) => `Send message to ${n}`,
  (n) => `Invite ${n} to follow`,
  () => 'Like',
  () => 'Comment',
  () => 'Repost',
  () => 'Save',
];

/** words returns the folded words of a text that carry letters or digits (for leak checks). */
const words = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

test('path patterns: ids, slugs and names become wildcards, routes stay', () => {
  const cases = {
    '/in/anna-schmidt-4821/': '/in/*/',
    '/in/annaschmidt': '/in/*/',
    '/groups/12345/members/': '/groups/*/members/',
    '/company/acme-gmbh/people/': '/company/*/people/',
    '/events/7123456789/manage/invite/': '/events/*/manage/invite/',
    '/feed/update/urn:li:activity:712345/': '/feed/update/*/',
    '/mynetwork/invite-connect/connections/': '/mynetwork/invite-connect/connections/',
    '/profile/J%C3%B6rg_M%C3%BCller/': '/profile/*/',
    '/messaging/thread/2-ZmE3NDdhYjQtYzFm/': '/messaging/thread/*/',
    '/talent/ACoAAExampleSyntheticProfileUrn/': '/talent/*/',
    '/search/results/people/?keywords=anna': '/search/results/people/',
    '/': '/',
  };
  for (const [path, want] of Object.entries(cases)) assert.equal(pathPattern(path), want, path);
  assert.ok(pathMatches('/groups/*/members/', '/groups/987/members'));
  assert.ok(pathMatches('/in/*/', '/in/tom-becker-77/'));
  assert.ok(!pathMatches('/groups/*/members/', '/groups/987/members/manage/'), 'a deeper path is another screen');
  assert.ok(!pathMatches('/groups/*/members/', '/groups/987/admins/'));
});

test('no person’s name, number or address leaks into a shape', () => {
  for (const name of NAMES) {
    for (const label of LABELS) {
      const text = label(name);
      const shape = nameShape(text);
      assert.match(shape, /\{name\}/, `${text} → ${shape}`);
      const fixed = new Set(words(label('X')).filter((w) => w !== 'x'));
      const leaked = words(shape.replace(/\{name\}/g, '')).filter((w) => !fixed.has(w));
      assert.deepEqual(leaked, [], `${text} → ${shape}`);
    }
  }
  assert.equal(nameShape('Invite Anna Schmidt, MBA to join'), 'Invite {name} to join');
  assert.equal(nameShape('Einladung an Dr. Jörg Müller senden'), 'Einladung an {name} senden');
  assert.equal(nameShape('Add 12 people'), 'Add {n} people');
  assert.equal(nameShape('Invite anna.schmidt@example.com'), 'Invite {email}');
  assert.equal(nameShape('Send'), 'Send');
});

test('names the page shows, and the labels of the other buttons, find lower-case names too', () => {
  // Lower-case names carry no capital: the page's own names and the other rows' buttons tell them.
  assert.equal(nameShape('Invite anna schmidt to join', { knownNames: ['anna schmidt'] }), 'Invite {name} to join');
  assert.equal(nameShape('invite tom becker to join', { siblings: ['invite li wu to join', 'invite sam to join'] }), 'invite {name} to join');
  assert.equal(nameShape('Anna einladen', { knownNames: ['Anna'] }), '{name} einladen');
  // German nouns are capitalised: the words the buttons share are the button's own, not a name.
  assert.equal(nameShape('Anna Schmidt, MBA um Beitritt bitten'), '{name} um {name} bitten', 'alone, a capitalised noun reads as a name');
  assert.equal(
    nameShape('Anna Schmidt, MBA um Beitritt bitten', { siblings: ['Li O’Neill | 3x Founder um Beitritt bitten', '王小明 um Beitritt bitten'] }),
    '{name} um Beitritt bitten',
  );
  // …but a word two buttons share is never taken as the button's own when the page shows it as a name.
  assert.equal(nameShape('Ask Rose to join Rose', { siblings: ['Ask Tom to join Rose'], knownNames: ['Rose'] }), 'Ask {name} to join {name}');
  // Other buttons that differ in an interface word do not turn it into a name.
  assert.equal(nameShape('Send invitation', { siblings: ['Send message', 'Send now'] }), 'Send invitation');
});

test('a rule made on one person’s button holds the same button for everyone else', () => {
  for (const label of LABELS) {
    for (const first of NAMES.slice(0, 6)) {
      const rule = makeRule({ host: 'www.linkedin.com', path: '/groups/4242/members/', role: 'button', name: label(first) }, { id: 'r1' });
      for (const other of NAMES) {
        assert.ok(
          ruleMatches(rule, { host: 'www.linkedin.com', path: '/groups/77/members/', role: 'button', name: label(other) }),
          `${rule.name} should hold ${label(other)}`,
        );
      }
      assert.ok(!ruleMatches(rule, { host: 'www.linkedin.com', path: '/groups/77/members/', role: 'link', name: label(NAMES[1]) }), 'another role');
      assert.ok(!ruleMatches(rule, { host: 'www.xing.com', path: '/groups/77/members/', role: 'button', name: label(NAMES[1]) }), 'another site');
      assert.ok(!ruleMatches(rule, { host: 'www.linkedin.com', path: '/feed/', role: 'button', name: label(NAMES[1]) }), 'another screen');
    }
  }
});

test('a rule never holds Withdraw, Accept, Message, Follow … that were not taught', () => {
  const rules = [];
  for (const label of LABELS) rules.push(makeRule({ host: 'www.linkedin.com', path: '/mynetwork/', role: 'button', name: label(NAMES[0]) }));
  for (const taught of ['Connect', 'Send', 'Invite', 'Einladen', 'Send without a note', 'Add all', 'Invite everyone']) {
    rules.push(makeRule({ host: 'www.linkedin.com', path: '/mynetwork/', role: 'button', name: taught }));
  }
  for (const rule of rules) {
    for (const other of OTHERS) {
      for (const n of NAMES) {
        const name = other(n);
        assert.ok(!ruleMatches(rule, { host: 'www.linkedin.com', path: '/mynetwork/', role: 'button', name }), `rule "${rule.name}" held "${name}"`);
      }
    }
  }
});

test('shapes compare words, not case, accents or punctuation', () => {
  assert.ok(shapeMatches('Einladung an {name} senden', 'einladung an Zoë senden.'));
  assert.ok(shapeMatches('Add {n} people', 'Add 1,204 people'));
  assert.ok(!shapeMatches('Add {n} people', 'Add many people'));
  assert.ok(shapeMatches('Invite {email}', 'Invite jo@example.org'));
  assert.ok(!shapeMatches('Invite {name} to join', 'Invite to join'), 'a name slot is never empty');
  assert.ok(!shapeMatches('Invite {name} to join', 'Invite everyone to join'));
});

test('teaching refuses what it cannot hold safely, with a reason', () => {
  const base = { host: 'www.linkedin.com', path: '/in/x/', role: 'button' };
  assert.throws(() => makeRule({ ...base, name: 'Anna Schmidt' }), { code: 'only_name' });
  assert.throws(() => makeRule({ ...base, name: '王小明' }), { code: 'only_name' });
  assert.throws(() => makeRule({ ...base, name: '42' }), { code: 'only_name' });
  assert.throws(() => makeRule({ ...base, name: '  ' }), { code: 'no_name' });
  assert.throws(() => makeRule({ ...base, role: 'checkbox', name: 'Select' }), { code: 'not_button' });
  assert.throws(() => makeRule({ ...base, host: 'example.com', name: 'Invite' }), { code: 'host' });
});

test('stored and imported rules are validated with clear messages', () => {
  const good = makeRule(
    { host: 'www.linkedin.com', path: '/groups/1/', role: 'button', name: 'Invite Jo Wu to join' },
    { id: 'a', now: new Date('2026-12-04T10:00:00Z') },
  );
  assert.deepEqual(good, {
    id: 'a',
    host: 'www.linkedin.com',
    path: '/groups/*/',
    role: 'button',
    name: 'Invite {name} to join',
    createdAt: '2026-12-04T10:00:00.000Z',
  });
  assert.deepEqual(validateRule({ ...good }), good);
  const bad = [
    [{ ...good, host: 'evil.example' }, /rule 3: host "evil.example" is not a LinkedIn or XING host/],
    [{ ...good, path: 'groups' }, /path "groups" is not a path pattern/],
    [{ ...good, role: 'checkbox' }, /role "checkbox" is not one of button, link, menuitem/],
    [{ ...good, name: '{name}' }, /has no word outside its slots/],
    [{ ...good, name: 'Invite {who}' }, /unknown slot "\{who\}"/],
    [{ ...good, name: 'Invite 3 people' }, /holds a number or an address outside a slot/],
    [{ ...good, createdAt: 'yesterday' }, /createdAt "yesterday" is not a date and time/],
    [{ ...good, id: '' }, /id is missing/],
    ['x', /not an object/],
  ];
  for (const [r, re] of bad) assert.throws(() => validateRule(r, 'rule 3'), re);
  assert.ok(sameRule(good, { ...good, id: 'b', name: 'invite {name} TO join' }));
});

test('the screen report’s last pass removes every shown name and any e-mail address', async () => {
  const { redact } = await import('../../content/screen-report.js');
  const text = '- button “Ask Li O’Neill | 3x Founder to join”\n- link “Priya Raman (she/her)” · priya@example.com\n- button “Message”\n- link “WANG 王小明”';
  const out = redact(text, ['Li O’Neill | 3x Founder', 'Priya Raman (she/her)', 'Message', 'wang 王小明']);
  assert.equal(out, '- button “Ask {name} to join”\n- link “{name}” · {email}\n- button “Message”\n- link “{name}”');
});
