// Issue 10, item 1: a page's content script can call only what the content scripts use. The messages
// below are sent from the content script's own isolated world (over the DevTools protocol), so the
// browser fills in the real sender — exactly what a compromised linkedin.com renderer could do.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launch } from './harness.mjs';
import { SENT_URL } from './pages/sent-list.js';
import { ok, record, person } from './undo-helpers.mjs';

const FEED = 'https://www.linkedin.com/feed/';
const PAGE = () => '<!doctype html><html lang="en"><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1></main></body></html>';
let h;

before(async () => {
  h = await launch({ pages: { [FEED]: PAGE, [SENT_URL]: PAGE } });
});
after(() => h?.close());

/** fromContentScript sends msg with chrome.runtime.sendMessage from the extension's isolated world in page. */
async function fromContentScript(page, msg) {
  const cdp = await h.ctx.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  for (let i = 0; i < 50 && !worlds.some(isOurs); i++) await new Promise((r) => setTimeout(r, 100));
  const world = worlds.find(isOurs);
  assert.ok(world, `no content-script world among ${JSON.stringify(worlds.map((w) => [w.name, w.origin, w.auxData?.type]))}`);
  const res = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `new Promise((resolve) => chrome.runtime.sendMessage(${JSON.stringify(msg)}, (res) => resolve(res ?? { lastError: chrome.runtime.lastError?.message })))`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return res.result.value;
}
const isOurs = (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${h.extId}`;

test('a site tab is refused every op the content scripts do not use, and nothing changes', async () => {
  await record(h.sw, [person(1), person(2), person(3)]);
  const policyBefore = (await ok(h.sw, { op: 'policy.get' })).policy;
  const syncBefore = await ok(h.sw, { op: 'sync.get' });
  const page = await h.page(FEED);
  const refused = [
    { op: 'history.clear' },
    { op: 'history.export', format: 'json' },
    { op: 'history.import', text: '{"invitations":[]}' },
    { op: 'sync.configure', url: 'https://collector.example', enabled: true },
    { op: 'sync.test', url: 'https://collector.example' },
    { op: 'policy.set', policy: { ...policyBefore, blockAbove: 5000 } },
    { op: 'policy.reset' },
    { op: 'withdraw.start', selector: { kind: 'all' } },
    { op: 'scan.start' },
    { op: 'job.begin', jobId: 'x', seq: 0 },
    { op: 'sent.task' },
    { op: 'no.such.op' },
  ];
  for (const msg of refused) {
    const res = await fromContentScript(page, msg);
    assert.equal(res?.error?.code, 'forbidden', `${msg.op}: ${JSON.stringify(res)}`);
  }
  const batches = (await ok(h.sw, { op: 'history.batches' })).batches;
  assert.equal(batches.length, 1, 'the history is still there');
  assert.deepEqual((await ok(h.sw, { op: 'policy.get' })).policy, policyBefore);
  assert.deepEqual(await ok(h.sw, { op: 'sync.get' }), syncBefore);
  assert.ok(!(await ok(h.sw, { op: 'job.active' })).job, 'no job started');
  await page.close();
});

test('a site tab may ask for a decision, but its now is the worker’s', async () => {
  await h.sw.evaluate(() => {
    const ig = globalThis.inviteGuard;
    const call = ig.engine.call.bind(ig.engine);
    ig.engine.call = async (op, input) => {
      if (op === 'decide') globalThis.lastDecideNow = JSON.parse(input).now;
      return call(op, input);
    };
  });
  const page = await h.page(FEED);
  assert.ok((await fromContentScript(page, { op: 'policy.get' })).ok?.policy, 'policy.get is allowed');
  const res = await fromContentScript(page, {
    op: 'decide',
    network: 'linkedin',
    surface: 'connect',
    recipients: [{ key: 'https://www.linkedin.com/in/sven-o-brien-mba', name: "Sven O'Brien, MBA", selected: true }],
    now: '2020-01-01T00:00:00Z',
  });
  assert.ok(res.ok?.decision, JSON.stringify(res));
  const seen = await h.sw.evaluate(() => globalThis.lastDecideNow);
  assert.notEqual(seen, '2020-01-01T00:00:00Z');
  assert.ok(Math.abs(Date.parse(seen) - Date.now()) < 60_000, `the worker's clock, got ${seen}`);
  await page.close();
});

test('the invitation manager may run job steps, and still nothing else', async () => {
  const page = await h.page(SENT_URL);
  const step = await fromContentScript(page, { op: 'job.get', jobId: 'no-such-job' });
  assert.notEqual(step?.error?.code, 'forbidden', JSON.stringify(step));
  const count = await fromContentScript(page, { op: 'scan.count', text: 'Sent (1,234)' });
  assert.notEqual(count?.error?.code, 'forbidden', JSON.stringify(count));
  for (const op of ['history.clear', 'withdraw.start', 'sync.flush']) assert.equal((await fromContentScript(page, { op }))?.error?.code, 'forbidden', op);
  assert.equal((await ok(h.sw, { op: 'history.batches' })).batches.length, 1);
  await page.close();
});

// Issue 10, item 2: the stored sync token goes only to the origin it was saved with.
test('a saved sync token is sent only to its own origin; another URL needs the token again', async () => {
  const hosts = await Promise.all([listen(), listen()]);
  const [a, b] = hosts;
  try {
    for (const s of hosts) await h.ctx.route(`${s.url}/**`, (route) => route.continue());
    await ok(h.sw, { op: 'sync.configure', enabled: false, url: a.url, token: 'igt_alice_secret' });
    const same = await ok(h.sw, { op: 'sync.test', url: `${a.url}/` });
    assert.equal(same.ok, true, JSON.stringify(same));
    assert.deepEqual(a.auth, ['Bearer igt_alice_secret'], 'the saved origin gets the saved token');

    const typo = await h.sw.evaluate((url) => globalThis.inviteGuard.dispatch({ op: 'sync.test', url }), b.url);
    assert.equal(typo.error?.code, 'invalid', JSON.stringify(typo));
    assert.match(typo.error.message, /token/);
    const on = await h.sw.evaluate((url) => globalThis.inviteGuard.dispatch({ op: 'sync.configure', enabled: true, url }), b.url);
    assert.equal(on.error?.code, 'invalid', JSON.stringify(on));
    assert.deepEqual(
      await ok(h.sw, { op: 'sync.get' }).then(({ url, hasToken, enabled }) => ({ url, hasToken, enabled })),
      { url: a.url, hasToken: true, enabled: false },
      'a refused change changes nothing',
    );

    const page = await h.ctx.newPage();
    await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
    const token = page.getByLabel('Token', { exact: true });
    await page.getByLabel('Server URL').fill(b.url);
    assert.equal(await token.getAttribute('placeholder'), 'igt_…', 'the field asks for the token again');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/enter the token for/).waitFor();
    await page.getByLabel('Server URL').fill(a.url);
    assert.notEqual(await token.getAttribute('placeholder'), 'igt_…');
    await page.close();

    const moved = await ok(h.sw, { op: 'sync.configure', enabled: false, url: b.url });
    assert.equal(moved.hasToken, false, 'the old token is not kept for the new origin');
    await ok(h.sw, { op: 'sync.configure', enabled: false, url: b.url, token: 'igt_bob_token' });
    assert.equal((await ok(h.sw, { op: 'sync.test' })).ok, true);
    assert.deepEqual(b.auth, ['Bearer igt_bob_token'], 'the other host only ever saw its own token');
    assert.deepEqual(a.auth, ['Bearer igt_alice_secret']);
  } finally {
    await Promise.all(hosts.map((s) => s.close()));
  }
});

/**
 * listen starts an HTTP server on 127.0.0.1 that records each Authorization header and answers with
 * answer(method, path, body) (default: GET /v1/me's {user, engine} to everything).
 */
async function listen(answer = () => ({ user: 'tester', engine: 'other' })) {
  const auth = [];
  const srv = http.createServer(async (req, res) => {
    auth.push(req.headers.authorization ?? '');
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Allow-Methods': 'GET, POST, PUT',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    let body = '';
    for await (const chunk of req) body += chunk;
    res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
    res.end(JSON.stringify(answer(req.method, req.url, body ? JSON.parse(body) : null)));
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${srv.address().port}`, auth, close: () => new Promise((r) => srv.close(r)) };
}

// Issue 10, item 5: a server's withdrawal plan is cut to the user's selection; the rest is shown as skipped.
test('a withdrawal plan from the server keeps only the selected invitations and lists the others as skipped', async () => {
  const people = [person(40), person(41), person(42), person(43)];
  await record(h.sw, people);
  let n = 0;
  const srv = await listen((method, url) => {
    if (method === 'POST' && url === '/v1/jobs') {
      const at = (k) => new Date(Date.UTC(2026, 2, 2, 10, k)).toISOString();
      const items = [...people.map((p) => p.key), 'https://www.linkedin.com/in/someone-else-77/'].map((key, k) => ({
        invitationId: `srv-inv-${k}`,
        key,
        name: `Person ${k}`,
        at: at(k),
        day: 0,
      }));
      return { id: 'srv-job-1', items, skipped: [], days: 1, durationSeconds: 300, finishAt: at(5) };
    }
    if (method === 'POST' && url === '/v1/batches') return { id: `srv-batch-${++n}` };
    return { user: 'tester', engine: 'other' };
  });
  try {
    await h.ctx.route(`${srv.url}/**`, (route) => route.continue());
    await ok(h.sw, { op: 'sync.configure', enabled: true, url: srv.url, token: 'igt_planner' });
    const keys = [people[0].key, people[2].key];
    const { job } = await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'keys', keys } });
    assert.equal(job.server?.id, 'srv-job-1', `the server planned it: ${job.serverError}`);
    assert.deepEqual(
      job.items.map((it) => it.key),
      keys,
    );
    const outside = job.plan.skipped.filter((s) => s.reason === 'outside_selection').map((s) => s.key);
    assert.deepEqual(outside.sort(), [people[1].key, people[3].key, 'https://www.linkedin.com/in/someone-else-77/'].sort());
    await ok(h.sw, { op: 'job.cancel', jobId: job.id });
  } finally {
    await ok(h.sw, { op: 'sync.configure', enabled: false });
    await srv.close();
  }
});

// Issue 10, item 5: import keeps only the exported fields, marks every row as imported, and refuses a file
// over the size cap with a clear message before reading it.
test('import whitelists the fields, forces source "import", and caps the file size', async () => {
  const doc = {
    format: 'inviteguard-history',
    version: 1,
    batches: [
      {
        id: 'imp-b1',
        network: 'linkedin',
        surface: 'connect',
        createdAt: '2026-02-01T09:00:00Z',
        state: 'sent',
        count: 1,
        source: 'extension',
        serverId: 'srv-42',
        queuedAt: '2026-02-01T09:00:01Z',
        record: { request: {} },
        evil: '<img src=x>',
      },
    ],
    invitations: [
      {
        id: 'imp-i1',
        batchId: 'imp-b1',
        key: 'https://www.linkedin.com/in/zoe-aerosk-1/',
        name: 'Zoë Ærøskøbing, MBA',
        network: 'linkedin',
        surface: 'connect',
        state: 'withdrawn',
        sentAt: '2026-02-01T09:00:00Z',
        withdrawnAt: '2026-02-02T09:00:00Z',
        withdrawnBy: 'runner',
        jobId: 'j-x',
        source: 'extension',
        evil: 1,
        flags: ['recent'],
      },
    ],
  };
  const res = await ok(h.sw, { op: 'history.import', text: JSON.stringify(doc), format: 'json' });
  assert.deepEqual([res.batches, res.invitations], [1, 1]);
  const out = JSON.parse((await ok(h.sw, { op: 'history.export', format: 'json' })).text);
  const b = out.batches.find((x) => x.id === 'imp-b1');
  const inv = out.invitations.find((x) => x.id === 'imp-i1');
  assert.equal(b.source, 'import');
  assert.equal(inv.source, 'import');
  for (const f of ['serverId', 'queuedAt', 'record', 'evil']) assert.ok(!(f in b), `batch kept ${f}`);
  for (const f of ['withdrawnBy', 'jobId', 'evil']) assert.ok(!(f in inv), `invitation kept ${f}`);
  assert.equal(inv.name, 'Zoë Ærøskøbing, MBA');
  assert.deepEqual(inv.flags, ['recent']);

  const big = await h.sw.evaluate(() =>
    globalThis.inviteGuard.dispatch({ op: 'history.import', text: `{"format":"inviteguard-history","x":"${'x'.repeat(64 * 2 ** 20)}"}` }),
  );
  assert.equal(big.error?.code, 'too_large', JSON.stringify(big).slice(0, 300));
  assert.match(big.error.message, /at most 64 MB/);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ig-import-')), 'inviteguard-history-huge.json');
  fs.writeFileSync(file, '');
  fs.truncateSync(file, 80 * 2 ** 20); // sparse: nothing is written
  const page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/ui/options.html`);
  await page.locator('#import-file').setInputFiles(file);
  await page.getByText('Nothing imported: inviteguard-history-huge.json has 80 MB; at most 64 MB can be imported at once.', { exact: false }).waitFor();
  await page.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

test('a CSV export defuses cells starting with = + - @ TAB or CR, and reads back unchanged', async () => {
  const names = ["\t=cmd|' /C calc'!A0", '\r=1+1', '@SUM(A1)', "Dr. Ana O'Neil, MBA"];
  await ok(h.sw, {
    op: 'record',
    network: 'linkedin',
    surface: 'connect',
    recipients: names.map((name, i) => ({ key: `https://www.linkedin.com/in/csv-${i}/`, name, member: true })),
  });
  const csv = (await ok(h.sw, { op: 'history.export', format: 'csv' })).text;
  assert.ok(csv.includes("'\t=cmd|"), 'TAB defused');
  assert.ok(csv.includes('"\'\r=1+1"'), 'CR defused');
  assert.ok(csv.includes("'@SUM(A1)"));
  assert.ok(!/(^|,)[\t=@+]/m.test(csv.replace(/"[^"]*"/g, '')), 'no cell starts a formula');
  await ok(h.sw, { op: 'history.clear' });
  await ok(h.sw, { op: 'history.import', text: csv, format: 'csv' });
  const back = (await ok(h.sw, { op: 'history.batches' })).batches.length;
  assert.ok(back >= 1);
  const got = JSON.parse((await ok(h.sw, { op: 'history.export', format: 'json' })).text)
    .invitations.filter((i) => i.key.includes('/csv-'))
    .map((i) => i.name);
  assert.deepEqual(got.sort(), [...names].sort());
});
