// Scanning the Sent list: every card is read over "Load more" (English and German), the ages and the
// total go through the core, and the scan is reconciled with the history: unknown invitations are
// imported, a known one is matched, and one no longer on the list is marked gone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invitations, person, record, scanDone, startSite } from './undo-helpers.mjs';

test('scan (en): 23 cards over "Load more" are imported; a known invitation is matched, a missing one marked gone', async (t) => {
  const people = Array.from({ length: 23 }, (_, i) => person(i, i % 3 === 0 ? ['today', 0] : ['weeks', 1 + (i % 4)]));
  const { h, site } = await startSite({ lang: 'en', people: people.slice(0, 23) });
  try {
    // Two invitations known before the scan: one still on the list, one accepted or declined meanwhile.
    const gone = person(90);
    const batchId = await record(h.sw, [people[4], gone]);
    const scan = await scanDone(h.sw);
    assert.equal(scan.complete, true);
    assert.equal(scan.total, 23);
    assert.equal(scan.seen, 23);
    assert.equal(scan.imported, 22);
    assert.equal(scan.matched, 1);
    assert.equal(scan.changed, 1);
    assert.deepEqual(scan.warnings, []);
    t.diagnostic(`scan of 23 cards: own time ${scan.stats.ownMs.toFixed(1)} ms, waiting (pace + loading) ${scan.stats.waitedMs.toFixed(0)} ms`);
    const invs = await invitations(h.sw);
    const byKey = new Map(invs.map((i) => [i.key, i]));
    for (const p of people) assert.ok(byKey.has(p.key), `${p.name} is in the history`);
    assert.equal(byKey.get(gone.key).state, 'gone');
    assert.equal(byKey.get(people[4].key).batchId, batchId);
    const imported = invs.filter((i) => i.source === 'scan');
    assert.equal(imported.length, 22);
    assert.ok(imported.every((i) => i.state === 'sent' && i.sentAt && i.sentEarliest && i.sentEarliest <= i.sentAt));
    // "Sent today" lies within the last day; "Sent 3 weeks ago" three to four weeks back.
    const today = byKey.get(people[0].key);
    const now = await h.sw.evaluate(() => Date.now()); // the worker's clock (IG_CLOCK_OFFSET_DAYS moves it)
    assert.ok(now - Date.parse(today.sentAt) < 86_400_000 * 1.5);
    const weeks = byKey.get(people[2].key); // 3 weeks
    const days = (now - Date.parse(weeks.sentAt)) / 86_400_000;
    assert.ok(days >= 17 && days <= 29, `3 weeks ago is ${days} days`);
    assert.equal(site.state.withdrawn.length, 0, 'a scan withdraws nothing');
    // A second scan changes nothing.
    const again = await scanDone(h.sw);
    assert.equal(again.imported, 0);
    assert.equal(again.changed, 0);
    assert.equal(again.matched, 23);
  } finally {
    await h.close();
  }
});

test('scan (de): "Personen (34)", "Mehr anzeigen", "Vor 2 Wochen gesendet" — every card imported', async (t) => {
  const people = Array.from({ length: 34 }, (_, i) => person(i, i % 5 === 0 ? ['yesterday', 0] : ['weeks', 2]));
  const { h } = await startSite({ lang: 'de', people });
  try {
    const scan = await scanDone(h.sw);
    assert.equal(scan.totalText, 'Personen (34)');
    assert.equal(scan.total, 34);
    assert.equal(scan.seen, 34);
    assert.equal(scan.imported, 34);
    assert.equal(scan.complete, true);
    t.diagnostic(`scan of 34 cards (de): own time ${scan.stats.ownMs.toFixed(1)} ms`);
    const invs = await invitations(h.sw);
    assert.deepEqual(invs.map((i) => i.key).sort(), people.map((p) => p.key).sort());
    assert.ok(invs.every((i) => i.name && i.state === 'sent'));
  } finally {
    await h.close();
  }
});

test('scan (fr): "Personnes (12)", "Afficher plus", "Envoyée il y a 3 semaines" — every card imported', async () => {
  const people = Array.from({ length: 12 }, (_, i) => person(i, i % 2 ? ['weeks', 3] : ['today', 0]));
  const { h } = await startSite({ lang: 'fr', people });
  try {
    const scan = await scanDone(h.sw);
    assert.equal(scan.totalText, 'Personnes (12)');
    assert.equal(scan.seen, 12);
    assert.equal(scan.imported, 12);
    assert.deepEqual(scan.warnings, []);
    const invs = await invitations(h.sw);
    const old = invs.find((i) => i.key === people[1].key);
    const days = ((await h.sw.evaluate(() => Date.now())) - Date.parse(old.sentAt)) / 86_400_000;
    assert.ok(days >= 17 && days <= 29, `3 semaines is ${days} days`);
  } finally {
    await h.close();
  }
});
