// The undo bench (node bench/undo.mjs, after npm run build): in Debian's Chromium with the built
// extension and the stateful Sent-list fixture,
//  - the scan's own time per 100 cards (reading, reconciling through core.wasm, storing), beyond the
//    human pace between "Load more" clicks and the page's loading, over a list of SCAN_CARDS cards;
//  - the withdrawal runner's own cost per card beyond the pace (finding the card, the persisted
//    begin/result messages with the core's transition), LinkedIn's reactions (dialog shown, card
//    removed) left out — goal ≤ 50 ms — on a list of RUN_LIST cards;
//  - the outbox's throughput against the real server on 127.0.0.1 (each batch followed by its verify).
// Figures are printed; nothing is asserted (speed goals are measured, never timed assertions).

import { createServer } from '../test/e2e/server.mjs';
import { jobSettled, ok, person, poll, record, scanDone, startSite } from '../test/e2e/undo-helpers.mjs';

const SCAN_CARDS = Number(process.env.BENCH_SCAN_CARDS ?? 300);
const RUN_LIST = Number(process.env.BENCH_RUN_LIST ?? 300);
const RUN_ITEMS = Number(process.env.BENCH_RUN_ITEMS ?? 20);
const OUTBOX_BATCHES = Number(process.env.BENCH_OUTBOX_BATCHES ?? 200);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 1))];

async function benchScan() {
  const people = Array.from({ length: SCAN_CARDS }, (_, i) => person(i, ['weeks', 1 + (i % 3)]));
  const { h } = await startSite({ people, loadDelayMs: 40 });
  try {
    const scan = await scanDone(h.sw, 600000);
    console.log(
      `scan: ${scan.seen} cards, own time ${scan.stats.ownMs.toFixed(0)} ms = ${((100 * scan.stats.ownMs) / scan.seen).toFixed(1)} ms per 100 cards (pace and loading ${(scan.stats.waitedMs / 1000).toFixed(1)} s left out)`,
    );
  } finally {
    await h.close();
  }
}

async function benchRunner() {
  const people = Array.from({ length: RUN_LIST }, (_, i) => person(i, ['days', 3]));
  const { h } = await startSite({ people, loadDelayMs: 40 });
  try {
    // The batch is spread over the whole list: the first items load it all, the rest are found on a long page.
    const picked = Array.from({ length: RUN_ITEMS }, (_, k) => people[Math.floor((k * RUN_LIST) / RUN_ITEMS)]);
    const batchId = await record(h.sw, picked);
    const planned = (await ok(h.sw, { op: 'withdraw.plan', selector: { kind: 'batch', batchId } })).job;
    await ok(h.sw, { op: 'withdraw.start', jobId: planned.id });
    const done = await jobSettled(h.sw, planned.id, ['done', 'stopped'], 600000);
    if (done.state !== 'done') throw new Error(`the run stopped: ${JSON.stringify(done.stop)}`);
    // Items that had to load more pages include that loading; the rest is the runner's own cost.
    const own = done.items.map((i) => i.ms - i.pageMs);
    const onPage = own.filter((x) => x < 300);
    console.log(
      `runner: ${done.counts.withdrawn} withdrawn from a list of ${RUN_LIST}; own cost per card median ${median(onPage).toFixed(1)} ms, p90 ${p90(onPage).toFixed(1)} ms (${onPage.length} cards found without loading more; goal ≤ 50 ms)`,
    );
  } finally {
    await h.close();
  }
}

async function benchOutbox() {
  const { h } = await startSite({ people: [] });
  const srv = await createServer({ origins: `chrome-extension://${h.extId}` });
  try {
    await h.ctx.route(`${srv.url}/**`, (route) => route.continue());
    await srv.start();
    for (let i = 0; i < OUTBOX_BATCHES; i++) await record(h.sw, [person(1000 + i)], 'connect');
    const t0 = Date.now();
    const on = await ok(h.sw, { op: 'sync.configure', enabled: true, url: srv.url, token: srv.token });
    await poll(
      () => ok(h.sw, { op: 'sync.flush', force: true }),
      (s) => s.queued === 0,
      { timeout: 600000 },
    );
    const ms = Date.now() - t0;
    const n = on.queued;
    console.log(
      `outbox: ${n} batches + ${n} verifies = ${2 * n} requests in ${ms} ms → ${((2 * n * 1000) / ms).toFixed(0)} requests/s, ${(ms / n).toFixed(1)} ms per batch with its verify (sequential, SQLite synchronous=FULL)`,
    );
  } finally {
    await h.close();
    await srv.close();
  }
}

await benchScan();
await benchRunner();
await benchOutbox();
