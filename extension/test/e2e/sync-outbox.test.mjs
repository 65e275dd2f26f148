// Sync with the real server on 127.0.0.1: configured in the options page ("Test connection"), batches
// and scans go through the IndexedDB outbox; with the server stopped nothing is lost, once it is back
// everything arrives exactly once (a lost answer replayed is answered as a replay, not stored twice);
// the server's verify answer is kept on the batch and shown in the popup when it disagrees. Also the
// outbox's throughput against the local server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, reloadExtension, shot, SHOTS } from './harness.mjs';
import { createServer } from './server.mjs';
import { jobSettled, ok, poll } from './undo-helpers.mjs';
import { person } from './pages/sent-list.js';
import { packRows } from '../../shared/rows-wire.js';

let h;
let srv;

before(async () => {
  h = await launch();
  srv = await createServer({ origins: `chrome-extension://${h.extId}` });
  // The harness blocks every host but the sites; the user's own server is allowed.
  await h.ctx.route(`${srv.url}/**`, (route) => route.continue());
});
after(async () => {
  await h?.close();
  await srv?.close();
});

/** decideAndRecord does what content/hold does for a released batch: decide (the rows as lists), then record. */
async function decideAndRecord(people, surface = 'contact_import') {
  const recipients = people.map((p) => ({ key: p.key, name: p.name, member: true, selected: true }));
  const d = await ok(h.sw, { op: 'decide', network: 'linkedin', surface, rows: packRows(recipients) });
  const decision = JSON.parse(d.decisionJSON);
  const r = await ok(h.sw, {
    op: 'record',
    network: 'linkedin',
    surface,
    recipients,
    decision: { verdict: decision.verdict, friction: decision.friction, count: people.length, reasons: decision.reasons },
  });
  return r.batchId;
}

const status = () => ok(h.sw, { op: 'sync.get' });
const batchesOnServer = async () => (await srv.get('/v1/batches?limit=200')).items;

test('the options page tests the connection and switches sync on', async () => {
  await srv.start();
  const page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
  await page.getByLabel('Server URL').fill(srv.url);
  await page.getByLabel('Token', { exact: true }).fill('igt_wrong');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText(/^No connection: 401/).waitFor();
  await page.getByLabel('Token', { exact: true }).fill(srv.token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Connected as tester; the server runs the same engine.').waitFor();
  await page.getByLabel('Send my history to my server').check();
  await page.getByRole('button', { name: 'Apply sync settings' }).click();
  await page.getByText(/^Sync is on\. 0 earlier batches are queued\./).waitFor();
  await page.locator('#sync').screenshot({ path: `${(await import('./harness.mjs')).SHOTS}/options-sync.png` });
  await shot(page, 'options-undo', { fullPage: true });
  const s = await status();
  assert.equal(s.enabled, true);
  assert.equal(s.url, srv.url);
  await page.close();
});

test('with the server stopped nothing is lost; once it is back everything arrives exactly once', async () => {
  await srv.stop();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(await decideAndRecord([person(10 * i), person(10 * i + 1)]));
  await ok(h.sw, {
    op: 'scan.submit',
    network: 'linkedin',
    complete: false,
    cards: [{ key: person(50).key, name: person(50).name, ageText: 'Sent 2 weeks ago' }],
  });
  const down = await ok(h.sw, { op: 'sync.flush', force: true });
  assert.equal(down.queued, 4, 'three batches and a scan wait in the outbox');
  assert.match(down.lastError, /the server did not answer/);
  const rows = await h.sw.evaluate(() => globalThis.inviteGuard.worker.outbox.entries());
  assert.ok(rows[0].attempts >= 1 && Date.parse(rows[0].dueAt) > Date.now(), 'the first entry backs off');

  await srv.start();
  const up = await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'an empty outbox' },
  );
  assert.equal(up.failed, 0);
  const onServer = await batchesOnServer();
  assert.deepEqual(onServer.map((b) => b.clientBatchId).sort(), [...ids].sort(), 'each batch arrived, once');
  const invs = (await srv.get('/v1/invitations?limit=200')).items;
  assert.equal(invs.filter((i) => i.batchId).length, 6);
  assert.ok(
    invs.some((i) => i.key === person(50).key && i.source === 'scan'),
    'the scan arrived',
  );
  // Each record carries the very request the browser's engine decided on: the compact one (ABI version 2),
  // with the names of the sent rows, which the page did not send the worker; the invitations are named.
  for (const b of onServer) {
    const i = ids.indexOf(b.clientBatchId);
    const stored = await srv.get(`/v1/batches/${b.id}`);
    assert.equal(stored.request.v, 2, 'the batch went in the compact form');
    assert.deepEqual(stored.request.names, [person(10 * i).name, person(10 * i + 1).name]);
    assert.deepEqual(
      invs
        .filter((x) => x.batchId === b.id)
        .map((x) => x.name)
        .sort(),
      [person(10 * i).name, person(10 * i + 1).name].sort(),
    );
  }

  // An answer lost on the way: the same batch is sent again and the server answers it as a replay.
  await h.sw.evaluate(async (id) => {
    const hist = await globalThis.inviteGuard.history();
    const tx = hist.db.transaction('batches', 'readwrite');
    const st = tx.objectStore('batches');
    const b = await new Promise((r) => (st.get(id).onsuccess = (e) => r(e.target.result)));
    delete b.queuedAt;
    delete b.serverId;
    st.put(b);
    await new Promise((r) => (tx.oncomplete = r));
    await globalThis.inviteGuard.worker.sync.sweep();
  }, ids[0]);
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'the replay' },
  );
  assert.equal((await batchesOnServer()).length, 3, 'nothing stored twice');

  // The server's verify answer is on every batch: the same engine decided the same.
  const local = (await ok(h.sw, { op: 'batches.list' })).batches;
  for (const id of ids) assert.equal(local.find((b) => b.id === id).verify?.result, 'match');
});

test('the server’s verify answer is shown on the batch when it disagrees with the browser’s engine', async () => {
  const id = await decideAndRecord([person(60), person(61), person(62), person(63), person(64), person(65)]);
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'the batch sent' },
  );
  // A second batch whose stored decision was tampered with before it was sent (or made by another engine).
  await ok(h.sw, { op: 'sync.configure', enabled: false });
  const bad = await decideAndRecord([person(70), person(71), person(72), person(73), person(74), person(75)]);
  await h.sw.evaluate(async (bid) => {
    const hist = await globalThis.inviteGuard.history();
    const tx = hist.db.transaction('batches', 'readwrite');
    const st = tx.objectStore('batches');
    const b = await new Promise((r) => (st.get(bid).onsuccess = (e) => r(e.target.result)));
    b.record.decision.friction = 'none';
    st.put(b);
    await new Promise((r) => (tx.oncomplete = r));
  }, bad);
  const on = await ok(h.sw, { op: 'sync.configure', enabled: true });
  assert.equal(on.queued, 1, 'switching sync on queues the batch recorded while it was off');
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'the tampered batch sent' },
  );
  const local = (await ok(h.sw, { op: 'batches.list' })).batches;
  assert.equal(local.find((b) => b.id === id).verify.result, 'match');
  const v = local.find((b) => b.id === bad).verify;
  assert.equal(v.result, 'mismatch');
  assert.ok(
    v.differences.some((d) => /friction/.test(JSON.stringify(d))),
    JSON.stringify(v.differences),
  );
  const popup = await h.ctx.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${h.extId}/ui/popup.html`);
  const row = popup.locator(`li[data-batch="${bad}"]`);
  await row.getByText('Server disagrees').waitFor();
  assert.equal(await popup.locator(`li[data-batch="${id}"]`).getByText('Server disagrees').count(), 0);
  await shot(popup, 'undo-popup-verify-mismatch');
  await popup.close();
});

test('outbox throughput against the local server', async (t) => {
  await ok(h.sw, { op: 'sync.configure', enabled: false });
  const n = 60;
  for (let i = 0; i < n; i++) await decideAndRecord([person(100 + i)], 'connect');
  const t0 = Date.now();
  const on = await ok(h.sw, { op: 'sync.configure', enabled: true });
  assert.equal(on.queued, n);
  const s = await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (x) => x.queued === 0,
    { what: 'all sent' },
  );
  const ms = Date.now() - t0;
  assert.equal(s.failed, 0);
  assert.equal((await batchesOnServer()).length, 4 + 1 + n);
  t.diagnostic(
    `outbox: ${n} batches + ${n} verifies = ${2 * n} requests in ${ms} ms (${((2 * n * 1000) / ms).toFixed(0)} requests/s, ${(ms / n).toFixed(1)} ms per batch incl. its verify)`,
  );
});

test('with sync on, "Undo this batch" is the server’s job: planned there with the user’s policy, results reported back', async () => {
  const { createSentSite } = await import('./pages/sent-list.js');
  const list = [person(200), person(201), person(202)];
  const site = createSentSite({ people: list });
  await site.install(h.ctx);
  await ok(h.sw, { op: 'policy.set', policy: { ...(await ok(h.sw, { op: 'policy.get' })).policy, withdrawPaceMinMs: 500, withdrawPaceMaxMs: 600 } });
  const id = await decideAndRecord([list[0], list[1]]);
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'batch and policy sent' },
  );
  assert.equal((await srv.get('/v1/policy')).withdrawPaceMaxMs, 600, 'the server has the user’s policy');
  const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId: id } })).job;
  assert.ok(planned.server?.id, `planned by the server (${planned.serverError})`);
  assert.deepEqual(planned.items.map((i) => i.key).sort(), [list[0].key, list[1].key].sort());
  await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
  const done = await jobSettled(h.sw, planned.id);
  assert.equal(done.state, 'done', JSON.stringify(done.stop));
  assert.deepEqual([...site.state.withdrawn].sort(), [list[0].key, list[1].key].sort());
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'results sent' },
  );
  const job = await srv.get(`/v1/jobs/${planned.server.id}`);
  assert.equal(job.status, 'done');
  assert.equal(job.counts.withdrawn, 2);
  const invs = (await srv.get('/v1/invitations?limit=200')).items.filter((i) => [list[0].key, list[1].key].includes(i.key));
  assert.deepEqual(
    invs.map((i) => i.state),
    ['withdrawn', 'withdrawn'],
  );
  // A worker stopped after a result but before its report: the next flush finds and sends it; the server
  // answers a repeated report as already stored, so nothing fails and nothing changes.
  await h.sw.evaluate(async (id) => {
    const hist = await globalThis.inviteGuard.history();
    const tx = hist.db.transaction('jobs', 'readwrite');
    const st = tx.objectStore('jobs');
    const job = await new Promise((r) => (st.get(id).onsuccess = (e) => r(e.target.result)));
    for (const it of job.items) delete it.reportQueued;
    st.put(job);
    await new Promise((r) => (tx.oncomplete = r));
  }, planned.id);
  const again = await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'the repeated reports' },
  );
  assert.equal(again.failed, 0);
  assert.equal(again.stats.sent, 2, 'both results were sent again');
  assert.equal((await srv.get(`/v1/jobs/${planned.server.id}`)).counts.withdrawn, 2);
});

test('a batch recorded but never queued (the worker stopped in between) is queued at the next start, once', async () => {
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'an empty outbox' },
  );
  // What the record handler does before it queues — the batch and its invitations stored — and then the worker stops.
  const people = [person(90), person(91), person(92)];
  const id = await h.sw.evaluate(async (people) => {
    const hist = await globalThis.inviteGuard.history();
    const recipients = people.map((p) => ({ key: p.key, name: p.name, member: true }));
    const b = await hist.recordBatch({
      network: 'linkedin',
      surface: 'contact_import',
      recipients,
      decision: { verdict: 'allow', friction: 'none', count: 3, reasons: [] },
    });
    return b.id;
  }, people);
  const queuedBefore = await h.sw.evaluate(async (id) => (await globalThis.inviteGuard.worker.outbox.entries()).some((e) => e.ref === id), id);
  assert.equal(queuedBefore, false, 'the batch is stored, not queued');
  // The worker starts again (an extension reload stops it and starts a new one on the same database).
  await reloadExtension(h);
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0,
    { what: 'the batch sent' },
  );
  const onServer = (await batchesOnServer()).filter((b) => b.clientBatchId === id);
  assert.equal(onServer.length, 1, 'the batch arrived, once');
  assert.equal(onServer[0].sentCount, 3);
  const batch = (await ok(h.sw, { op: 'batches.list' })).batches.find((b) => b.id === id);
  assert.ok(batch.queuedAt, 'the batch is marked queued');
  // Another start queues nothing again.
  const again = await h.sw.evaluate(async () => globalThis.inviteGuard.worker.sync.resume().then(() => globalThis.inviteGuard.worker.outbox.entries()));
  assert.equal(again.filter((e) => e.ref === id).length, 0, 'a start after it queues the batch no more');
  assert.equal((await batchesOnServer()).filter((b) => b.clientBatchId === id).length, 1, 'still once on the server');
});

test('requests the server refused for good are listed in the options with Retry and Discard', async () => {
  await poll(
    () => ok(h.sw, { op: 'sync.flush', force: true }),
    (s) => s.queued === 0 && s.failed === 0,
    { what: 'an empty outbox' },
  );
  // The server refuses new batches for a while (a 422, as it answers a request it will never take as it is).
  let refusing = true;
  const refused = [];
  const refuse = async (route) => {
    if (!refusing || route.request().method() !== 'POST') return route.fallback();
    refused.push(route.request().postDataJSON().clientBatchId);
    return route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'invalid', message: 'request: refused for this test' } }),
    });
  };
  await h.ctx.route(`${srv.url}/v1/batches`, refuse);
  try {
    const kept = await decideAndRecord([person(120), person(121)]);
    const dropped = await decideAndRecord([person(122), person(123), person(124)]);
    const s = await poll(
      () => ok(h.sw, { op: 'sync.flush', force: true }),
      (x) => x.failed === 2,
      { what: 'two refused batches' },
    );
    assert.equal(s.queued, 0, 'a refusal is not retried by itself');
    assert.deepEqual(refused.sort(), [kept, dropped].sort());

    const page = await h.ctx.newPage();
    await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
    const list = page.getByRole('list', { name: 'Refused by the server (2)' });
    await list.waitFor();
    const rows = list.getByRole('listitem');
    assert.equal(await rows.count(), 2);
    await rows.filter({ hasText: 'Batch of 2 invitations' }).getByText('the server said: 422: request: refused for this test').waitFor();
    await rows.filter({ hasText: 'Batch of 3 invitations' }).waitFor();
    await page.locator('#sync').screenshot({ path: `${SHOTS}/options-sync-rejected.png` });

    refusing = false; // the server takes batches again
    await page.getByRole('button', { name: 'Retry: Batch of 2 invitations' }).click();
    await page.getByText('Sent again: the server took it.').waitFor();
    await page.getByRole('list', { name: 'Refused by the server (1)' }).waitFor();
    await page.getByRole('button', { name: 'Discard: Batch of 3 invitations' }).click();
    await page.getByText('Discarded: it will not be sent.').waitFor();
    assert.equal(await page.getByRole('list', { name: /Refused by the server/ }).count(), 0, 'the list is gone when nothing is refused');
    await page.getByText('Everything has reached the server.').waitFor();
    await page.close();

    const after = await poll(
      () => ok(h.sw, { op: 'sync.flush', force: true }),
      (x) => x.queued === 0,
      { what: 'the outbox settled' },
    );
    assert.equal(after.failed, 0);
    const onServer = await batchesOnServer();
    assert.equal(onServer.filter((b) => b.clientBatchId === kept).length, 1, 'the retried batch arrived, once');
    assert.equal(onServer.filter((b) => b.clientBatchId === dropped).length, 0, 'the discarded batch never went out');
    const rows2 = await h.sw.evaluate(() => globalThis.inviteGuard.worker.outbox.entries());
    assert.ok(!rows2.some((r) => r.ref === dropped), 'the discarded entry is gone from the outbox');
    const local = (await ok(h.sw, { op: 'batches.list' })).batches.find((b) => b.id === dropped);
    assert.ok(local, 'the discarded batch stays in the browser’s history');
    // Only a refused entry can be retried or discarded.
    const again = await h.sw.evaluate((seq) => globalThis.inviteGuard.dispatch({ op: 'sync.retry', seq }), 999999);
    assert.equal(again.error?.code, 'not_found');
  } finally {
    await h.ctx.unroute(`${srv.url}/v1/batches`, refuse);
  }
});
