// The Sent list in its 2026 markup (pages/sent-list-2026.js, modelled on the real capture): rows arrive
// ten at a time as <main> is scrolled, Withdraw is a link (the first ten to https://www.linkedin.com/),
// the confirmation a role-less <dialog>, the outcome a toast. The scan reads a 300-card list completely;
// undoing a batch of 40 among them — with namesakes everywhere, beyond the first ten rows — withdraws
// exactly those 40; name-only invitations are withdrawn only by a name unique in the whole list.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shot } from './harness.mjs';
import { invitations, jobSettled, ok, record, scanDone, sentPage, startSite } from './undo-helpers.mjs';
import { ours } from './locator.mjs';

// Names as people write them on LinkedIn: digits, "Dr.", ", MBA", "(she/her)", emoji, apostrophes, CJK, Arabic.
const NAMES = [
  "Li O'Neill | 3x Founder",
  'Marta Nguyen (10k+ followers)',
  'Anna Schmidt, MBA',
  'Dr. Elena Costa',
  'Priya Raman (she/her)',
  'Tom Becker | 2x Founder',
  'Jörg Müller',
  'Sam Lee 🚀',
  '王芳',
  'محمد علي',
  'Chloé D’Arcy',
  'Liam O’Brien',
  'José María García-López',
  'Dr. med. Hans-Peter Weiß',
  'Aiko Tanaka (田中 愛子)',
  'Ravi Patel, PhD',
  'Nora Fischer 🌱 Hiring!',
  'Kenji Sato',
  '김민준',
  'Fatima Zahra El Amrani',
  'Mary-Kate O’Connor',
  'Oluwaseun Adeyemi',
  'Zoë van der Berg',
  'Ingrid Larsen | Top 1% Sales',
  'Pavel Novák',
  'Sofia Lindqvist',
  'Diego Ramos ✈️',
  'Emily Clarke CPA',
  'Yusuf Kaya',
  'Lea Wolf (sie/ihr)',
  'Hiro Ito',
  'Mei Lin 林美',
  'Arjun Singh 2.0',
  'Käthe Krüger',
  'Omar Haddad',
  'Jane Doe, MBA, PMP',
  'Lucas Silva',
];
const HEADS = [
  'CEO at Example Labs | 2 exits & 10+ companies',
  'Product Manager at Example GmbH',
  'Recruiter',
  'Founder @ Example SEO',
  'Student',
  'Data Analyst',
];
const AGES = [
  ['days', 2],
  ['days', 4],
  ['weeks', 1],
  ['weeks', 3],
  ['months', 1],
  ['months', 2],
];

const slugOf = (name, i) =>
  `${
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9 ]/g, '')
      .trim()
      .replace(/ +/g, '-') || 'member'
  }-${1000 + i}`;

/** people returns n people; names repeat every NAMES.length rows (namesakes with different profiles). */
function people(n, names = NAMES) {
  return Array.from({ length: n }, (_, i) => {
    const name = names[i % names.length];
    const slug = slugOf(name, i);
    return { key: `https://www.linkedin.com/in/${slug}/`, slug, name, head: HEADS[i % HEADS.length], age: AGES[i % AGES.length] };
  });
}

test('scan (en, 2026): 300 cards arrive by scrolling <main>, ten at a time; every card is read, the total is "People (300)"', async (t) => {
  const list = people(300);
  const { h, site } = await startSite({ markup: '2026', people: list });
  try {
    const t0 = Date.now();
    const scan = await scanDone(h.sw, 180000);
    const wall = Date.now() - t0;
    assert.equal(scan.totalText, 'People (300)');
    assert.equal(scan.total, 300);
    assert.equal(scan.seen, 300);
    assert.equal(scan.imported, 300);
    assert.equal(scan.complete, true);
    assert.deepEqual(scan.warnings, []);
    const invs = await invitations(h.sw);
    assert.deepEqual(invs.map((i) => i.key).sort(), list.map((p) => p.key).sort());
    const byKey = new Map(invs.map((i) => [i.key, i]));
    for (const p of list) assert.equal(byKey.get(p.key).name, p.name, `${p.key} keeps its name as written`);
    assert.equal(site.state.pageLoads, 1, 'one page load: rows came by scrolling, not by reloading');
    assert.equal(site.state.withdrawn.length, 0);
    t.diagnostic(
      `300-card scan (2026 markup): ${wall} ms wall (incl. the human pace between scroll steps), own time ${scan.stats.ownMs.toFixed(1)} ms, waiting ${scan.stats.waitedMs.toFixed(0)} ms`,
    );
  } finally {
    await h.close();
  }
});

test('undo (en, 2026): a batch of 40 among 300, every one beyond the first ten rows and with namesakes, withdraws exactly those 40', async (t) => {
  const list = people(300);
  const batch = Array.from({ length: 40 }, (_, k) => list[12 + 7 * k]); // rows 12 … 285
  for (const p of batch) assert.ok(list.filter((q) => q.name === p.name).length >= 7, `${p.name} has namesakes on the list`);
  assert.ok(
    batch.some((p) => list.slice(0, 10).some((q) => q.name === p.name)),
    'namesakes in the first ten rows too',
  );
  const { h, site } = await startSite({ markup: '2026', people: list });
  try {
    const batchId = await record(h.sw, batch);
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId } })).job;
    assert.equal(planned.items.length, 40);
    const t0 = Date.now();
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const done = await jobSettled(h.sw, planned.id, ['done', 'stopped', 'waiting', 'paused', 'cancelled'], 600000);
    const wall = Date.now() - t0;
    assert.equal(done.state, 'done', JSON.stringify(done.stop));
    assert.equal(done.counts.withdrawn, 40);
    assert.deepEqual([...site.state.withdrawn].sort(), batch.map((p) => p.key).sort(), 'exactly the batch, no namesake');
    assert.equal(new Set(site.state.withdrawn).size, 40, 'each once');
    assert.ok(
      done.items.every((i) => /found by key; LinkedIn: “Invitation to .+ withdrawn\.”$/.test(i.detail)),
      JSON.stringify(done.items.map((i) => i.detail).slice(0, 3)),
    );
    const invs = new Map((await invitations(h.sw)).map((i) => [i.key, i]));
    for (const p of batch) assert.equal(invs.get(p.key).state, 'withdrawn');
    assert.equal(site.state.people.length, 260);
    const page = await sentPage(h);
    await ours(page).getByText('Done: 40 withdrawn, 0 not found, 0 failed.').waitFor();
    await shot(page, 'undo-2026-40-of-300');
    t.diagnostic(`undo 40 of 300 (2026 markup): ${site.state.withdrawn.length} withdrawn, all in the batch; ${wall} ms wall at a 0.5–0.6 s pace`);
  } finally {
    await h.close();
  }
});

test('name-only invitations (2026): a name on two cards is never withdrawn; a unique one is, found after the whole list loaded; a card another invitation owns is not', async () => {
  // 25 rows, unique names but for two "Anna Schmidt, MBA" (rows 3 and 21); Li (row 22) and Marta (row 24) beyond the first ten.
  const names = Array.from({ length: 25 }, (_, i) => NAMES[(i + 2) % NAMES.length]);
  names[3] = 'Anna Schmidt, MBA';
  names[21] = 'Anna Schmidt, MBA';
  names[22] = "Li O'Neill | 3x Founder";
  names[24] = 'Marta Nguyen (10k+ followers)';
  for (const [i, n] of names.entries())
    if (![3, 21, 22, 24].includes(i) && ["Li O'Neill | 3x Founder", 'Marta Nguyen (10k+ followers)', 'Anna Schmidt, MBA'].includes(n)) names[i] = `Member ${i}`;
  const list = people(25, names).map((p, i) => ({ ...p, name: names[i] }));
  const { h, site } = await startSite({ markup: '2026', people: list });
  try {
    // Marta's card belongs to an invitation known by her profile URL (another batch).
    await record(h.sw, [list[24]], 'connect');
    const byEmail = [
      { key: 'anna.schmidt@example.com', name: 'Anna Schmidt, MBA' },
      { key: 'li@example.com', name: "Li O'Neill | 3x Founder" },
      { key: 'marta@example.com', name: 'Marta Nguyen (10k+ followers)' },
    ];
    const res = await ok(h.sw, {
      op: 'record',
      network: 'linkedin',
      surface: 'email_invite',
      recipients: byEmail.map((p) => ({ ...p, member: false })),
      decision: { verdict: 'confirm', friction: 'click', count: 3, reasons: [] },
    });
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: res.batchId } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const done = await jobSettled(h.sw, planned.id, undefined, 120000);
    assert.equal(done.state, 'done', JSON.stringify({ stop: done.stop, items: done.items, withdrawn: site.state.withdrawn }));
    assert.deepEqual(site.state.withdrawn, [list[22].key], 'only the unique name');
    const by = Object.fromEntries(done.items.map((i) => [i.key, [i.status, i.detail]]));
    assert.equal(by['li@example.com'][0], 'withdrawn');
    assert.match(by['li@example.com'][1], /^found by name/);
    assert.deepEqual(by['anna.schmidt@example.com'], ['not_found', 'no card with this name (unique) on the whole Sent list']);
    assert.equal(by['marta@example.com'][0], 'not_found');
  } finally {
    await h.close();
  }
});

test('in German (2026): "Personen (25)", names with digits beyond the first ten rows, scan then undo', async () => {
  const list = people(25);
  const batch = [list[11], list[15], list[23]];
  batch[0].name = "Li O'Neill | 3x Founder";
  batch[1].name = 'Marta Nguyen (10k+ followers)';
  const { h, site } = await startSite({ markup: '2026', lang: 'de', people: list });
  try {
    const scan = await scanDone(h.sw);
    assert.equal(scan.totalText, 'Personen (25)');
    assert.equal(scan.seen, 25);
    assert.equal(scan.complete, true);
    const batchId = await record(h.sw, batch);
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const done = await jobSettled(h.sw, planned.id);
    assert.equal(done.state, 'done', JSON.stringify(done.stop));
    assert.deepEqual([...site.state.withdrawn].sort(), batch.map((p) => p.key).sort());
    assert.ok(
      done.items.every((i) => /LinkedIn: “Einladung an .+ zurückgezogen\.”$/.test(i.detail)),
      JSON.stringify(done.items.map((i) => i.detail)),
    );
    const page = await sentPage(h);
    await ours(page).getByText('Fertig: 3 zurückgezogen, 0 nicht gefunden, 0 fehlgeschlagen.').waitFor();
    await shot(page, 'undo-2026-de');
  } finally {
    await h.close();
  }
});

test('a Withdraw link the page does not handle: the page stays, nothing is withdrawn, the run stops and says why', async () => {
  const list = people(12);
  const { h, site } = await startSite({ markup: '2026', people: list, unhandled: [list[1].key] });
  try {
    const batchId = await record(h.sw, [list[1]]);
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const stopped = await jobSettled(h.sw, planned.id);
    assert.equal(stopped.state, 'stopped');
    assert.equal(stopped.stop.reason, 'link_unhandled');
    assert.equal(stopped.stop.detail, 'https://www.linkedin.com/');
    assert.deepEqual(site.state.withdrawn, []);
    assert.equal(stopped.counts.pending, 1, 'the card stays pending');
    const page = await sentPage(h);
    assert.equal(new URL(page.url()).pathname, '/mynetwork/invitation-manager/sent/', 'still on the Sent list');
    await ours(page)
      .getByText(/Stopped: LinkedIn did not handle the click on Withdraw/)
      .waitFor();
  } finally {
    await h.close();
  }
});

test('the page leaves the Sent list after the click: the run stops with "navigated"; a refused withdrawal stops with LinkedIn’s words', async () => {
  const list = people(12);
  const { h, site } = await startSite({ markup: '2026', people: list, leaves: [list[4].key], fail: [list[6].key] });
  try {
    const b1 = await record(h.sw, [list[4]]);
    const p1 = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: b1 } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: p1.id });
    const s1 = await jobSettled(h.sw, p1.id);
    assert.equal(s1.state, 'stopped');
    assert.equal(s1.stop.reason, 'navigated');
    assert.match(s1.stop.detail, /^https:\/\/www\.linkedin\.com\/feed\//);
    assert.deepEqual(site.state.withdrawn, []);
    await ok(h.sw, { op: 'job.cancel', jobId: p1.id });

    const b2 = await record(h.sw, [list[6]]);
    const p2 = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: b2 } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: p2.id });
    const s2 = await jobSettled(h.sw, p2.id);
    assert.equal(s2.state, 'stopped');
    assert.equal(s2.stop.reason, 'refused');
    assert.equal(s2.stop.detail, `Sorry, unable to withdraw invitation to ${list[6].name}. Please try again.`);
    assert.equal(s2.counts.failed, 1);
    assert.deepEqual(site.state.withdrawn, []);
  } finally {
    await h.close();
  }
});
