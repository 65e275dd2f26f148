// Pure tests of the shared helpers: key normalisation (the same rules as core.NormalizeKey)
// and the en/de/fr vocabulary. No browser needed: the helpers only use the URL and string APIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedInProfileKey, xingProfileKey, emailKey, nameKey, profileKey, recipientKey } from '../../sites/common/keys.js';
import { meaning, nameFromLabel, isSelectAllName, meansInTarget, looksLikeName, firstNumber } from '../../sites/common/text.js';

test('LinkedIn profile keys: lower-case slug, %-decoded, profile part only, trailing slash, any linkedin host', () => {
  const cases = [
    ['/in/Jane-Doe-4a1b2c/overlay/contact-info/?miniProfileUrn=x#top', 'https://www.linkedin.com/in/jane-doe-4a1b2c/'],
    ['https://de.linkedin.com/in/j%C3%BCrgen-M%C3%BCller', 'https://www.linkedin.com/in/jürgen-müller/'],
    ['http://www.linkedin.com/pub/ada-lovelace/1/2a/3bc', 'https://www.linkedin.com/pub/ada-lovelace/1/2a/3bc/'],
    ['https://www.linkedin.com./in/x/', 'https://www.linkedin.com/in/x/'],
    ['https://www.linkedin.com/company/acme/', ''],
    ['https://evil.example/in/jane/', ''],
    ['', ''],
  ];
  for (const [href, want] of cases) assert.equal(linkedInProfileKey(href, 'https://www.linkedin.com/mynetwork/'), want, href);
});

test('XING profile keys keep the case (as core.NormalizeKey does) and drop sub-pages and queries', () => {
  assert.equal(xingProfileKey('/profile/Jane_Doe2/cv?sc_o=da980', 'https://www.xing.com/'), 'https://www.xing.com/profile/Jane_Doe2/');
  assert.equal(xingProfileKey('https://xing.com/profile/J%C3%BCrgen_M%C3%BCller'), 'https://www.xing.com/profile/Jürgen_Müller/');
  assert.equal(xingProfileKey('https://www.xing.com/pages/acme'), '');
});

test('emails lower-cased, names as name:<lower-case>, and the order profile → email → name', () => {
  assert.equal(emailKey('mailto:Jane.DOE@Example.com'), 'jane.doe@example.com');
  assert.equal(emailKey('no address'), '');
  assert.equal(nameKey('  Jane   Doe '), 'name:jane doe');
  assert.equal(recipientKey({ href: '/in/x/', email: 'a@b.co', name: 'X' }, 'https://www.linkedin.com/'), 'https://www.linkedin.com/in/x/');
  assert.equal(recipientKey({ email: 'A@B.co', name: 'X' }), 'a@b.co');
  assert.equal(recipientKey({ name: 'Ayşe Yılmaz' }), 'name:ayşe yılmaz');
});

test('action meanings in English, German and French', () => {
  const cases = [
    ['Add connections', 'add', null],
    ['Add 42 connections', 'add', 42],
    ['Add to network', 'add', null],
    ['Kontakte hinzufügen', 'add', null],
    ['Zum Netzwerk hinzufügen', 'add', null],
    ['Vernetzen', 'connect', null],
    ['Ajouter des relations', 'add', null],
    ['Ajouter au réseau', 'add', null],
    ['Add all 1,204 connections', 'add', 1204],
    ['Invite', 'invite', null],
    ['Send invitations', 'invite', null],
    ['Einladen', 'invite', null],
    ['Einladungen senden', 'invite', null],
    ['Inviter', 'invite', null],
    ['Envoyer les invitations', 'invite', null],
    ['Invite Jane Doe to connect', 'connect', null],
    ['Senden', 'send', null],
    ['Save', null, null],
    ['Skip', null, null],
  ];
  for (const [name, verb, count] of cases) {
    const m = meaning(name);
    assert.deepEqual([m.verb, m.count], [verb, count], name);
  }
  assert.equal(meaning('Add a note').other, true);
  assert.equal(meaning('Add profile section').other, true);
  assert.equal(meaning('Add connections').other, false);
  assert.equal(meaning('Add 3 leads to list').other, true);
  assert.equal(meaning('Zur Liste hinzufügen').other, true);
});

test('not an invitation, in en/de/fr, whatever the name: withdraw, pending, accept, ignore, reply, follow, like …', () => {
  const cases = [
    ["Withdraw invitation sent to Li O'Neill | 3x Founder", 'withdraw'],
    ['Withdraw', 'withdraw'],
    ['Pending, click to withdraw invitation sent to Marta Nguyen (10k+ followers)', 'pending'],
    ['Accept Dr. Elena Costa, MBA’s invitation', 'accept'],
    ['Ignore an invitation to connect from 李小龙', 'ignore'],
    ['Reply to conversation with Sounds good, see you at 3', 'reply'],
    ['Follow', 'follow'],
    ['Like', 'like'],
    ['Repost', 'repost'],
    ['Einladung an Jörg Müller | 2x Gründer zurückziehen', 'withdraw'],
    ['Ausstehend, klicken, um die an Jörg Müller gesendete Einladung zurückzuziehen', 'pending'],
    ['Einladung von Anna Schmidt, MBA annehmen', 'accept'],
    ['Jane Doe folgen', 'follow'],
    ['Gefällt mir', 'gefallt mir'],
    ['Retirer l’invitation envoyée à Chloé Dubois (elle)', 'withdraw'],
    ['Accepter l’invitation de Zoë 🚀 Martin', 'accept'],
    ['Suivre', 'suivre'],
  ];
  for (const [name, not] of cases) {
    const m = meaning(name);
    assert.deepEqual([m.verb, m.count, m.not], [null, null, not], name);
  }
});

test('a name is data, never a count or a verb: only count phrases count', () => {
  const cases = [
    ["Invite Li O'Neill | 3x Founder to connect", 'connect', null],
    ['Invite Marta Nguyen (10k+ followers) to connect', 'connect', null],
    ['Send invitation to Tom Becker | 2x Founder', 'invite', null],
    ['Invite 2', 'invite', 2],
    ['Alle 3 hinzufügen', 'add', 3],
    ['Add 1.052 Kontakte', 'add', 1052],
    ['Envoyer 12 invitations', 'invite', 12],
    ['Invite connections to follow 3M', 'invite', null],
    ['Kontakte einladen, Acme zu folgen', 'invite', null],
  ];
  for (const [name, verb, count] of cases) {
    const m = meaning(name);
    assert.deepEqual([m.verb, m.count], [verb, count], name);
  }
});

test('names from labels and alt texts', () => {
  const cases = [
    ['Select Jane Doe', 'Jane Doe'],
    ['Jane Doe auswählen', 'Jane Doe'],
    ['Sélectionner Jean Dupont', 'Jean Dupont'],
    ['Jane Doe’s profile picture', 'Jane Doe'],
    ['Josef Seibolds Profilbild', 'Josef Seibold'],
    ['Hans Mertens’ Profilbild', 'Hans Mertens'],
    ['Profilbild von Lena Schröder', 'Lena Schröder'],
    ['Photo de profil de Éloïse Martin', 'Éloïse Martin'],
    ['View Pat O’Brien’s profile', 'Pat O’Brien'],
    ['Profil von Thomas Meier anzeigen', 'Thomas Meier'],
    ['Select all', ''],
    ['Product Manager at Acme', ''],
  ];
  for (const [label, want] of cases) assert.equal(nameFromLabel(label), want, label);
  assert.equal(looksLikeName('Jean-Luc von der Heide'), true);
  assert.equal(looksLikeName('Email notifications'), false);
});

test('select-all names, in-target statuses, counts', () => {
  for (const t of ['Select all', 'Select all (12)', 'Alle auswählen', 'Tout sélectionner', 'Deselect all', 'Alle', 'All (25)', 'Tout'])
    assert.equal(isSelectAllName(t), true, t);
  for (const t of ['Jane Doe', 'Allen Smith', 'Toutou Bernard', 'Alle Menschen', 'Tous Ensemble', 'All Saints Choir'])
    assert.equal(isSelectAllName(t), false, t);
  for (const t of ['Invited', 'Member', 'Bereits Mitglied', 'Eingeladen', 'Invité(e)', 'Membre', 'Already invited']) assert.equal(meansInTarget(t), true, t);
  // French "Invité" folds to "invite": a status text, never a button (buttons are not read as row text).
  for (const t of ['Board Member at Acme', 'Invite all', 'Jane Doe']) assert.equal(meansInTarget(t), false, t);
  assert.deepEqual(['People (1,100)', 'Personen (1.052)', '3 selected', 'none'].map(firstNumber), [1100, 1052, 3, null]);
});

test('the key cases shared with the core (core/testdata/keys.json)', async () => {
  const fs = await import('node:fs');
  const table = JSON.parse(fs.readFileSync(new URL('../../../core/testdata/keys.json', import.meta.url), 'utf8'));
  assert.ok(table.cases.length >= 20);
  const make = { profile: (s) => profileKey(s), email: emailKey, name: nameKey };
  for (const c of table.cases) assert.equal(make[c.kind](c.in), c.want, `${c.kind}: ${JSON.stringify(c.in)}`);
});
