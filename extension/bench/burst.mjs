// The burst bench (node bench/burst.mjs, after npm run build): in Debian's Chromium with the built extension
// and the lazy-loading 2026 Sent list of issue 12 (58 "today" from outside, 20 recorded by Invite Guard
// yesterday, the rest older), for BENCH_BURST_CARDS (default 300 and 1000) cards:
//  - the scan: wall time (with the human pace between scroll steps and the page's loading), the content
//    script's own time reading the cards, and the worker's scan.submit (reconcile through core.wasm, store,
//    then detect_bursts in core.wasm);
//  - detect_bursts over the stored history on its own, the review's read (burst.get) and the plan of the
//    burst's pending people (burst.plan: plan_withdrawal in core.wasm, stored as a planned job) — medians of
//    RUNS runs, timed in the worker.
// Figures are printed; nothing is asserted (speed goals are measured, never timed assertions).

import { ok, poll, record, scanDone, startSite } from '../test/e2e/undo-helpers.mjs';
import { DAY, sentList, setClock } from '../test/e2e/burst-helpers.mjs';

const SIZES = (process.env.BENCH_BURST_CARDS ?? '300,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_BURST_RUNS ?? 5);

/** timeSubmit wraps the worker's scan.submit so its time (reconcile, store, detect) is kept. */
function timeSubmit(sw) {
  return sw.evaluate(() => {
    const hs = globalThis.inviteGuard.handlers;
    const submit = hs['scan.submit'];
    hs['scan.submit'] = async (p) => {
      const t0 = performance.now();
      const out = await submit(p);
      globalThis.__benchSubmitMs = performance.now() - t0;
      return out;
    };
  });
}

/** inWorker runs op RUNS times in the worker and returns the median ms and the last answer. */
function inWorker(sw, what, arg) {
  return sw.evaluate(
    async ([what, arg, runs]) => {
      const ig = globalThis.inviteGuard;
      const ms = [];
      let last;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        if (what === 'detect') last = await ig.worker.bursts.bursts.detect(arg);
        else last = await ig.dispatch(arg);
        ms.push(performance.now() - t0);
        if (what === 'plan' && last.ok) await ig.dispatch({ op: 'job.cancel', jobId: last.ok.job.id });
      }
      ms.sort((a, b) => a - b);
      return { ms: ms[Math.floor(ms.length / 2)], last };
    },
    [what, arg, RUNS],
  );
}

async function bench(n) {
  const list = sentList(n);
  const { h } = await startSite({ markup: '2026', people: list, loadDelayMs: 40 });
  try {
    await setClock(h.sw, -DAY);
    await record(h.sw, list.slice(58, 78));
    await setClock(h.sw, 0);
    await timeSubmit(h.sw);
    const t0 = Date.now();
    const scan = await scanDone(h.sw, 900000);
    // The scan is stored before detect_bursts runs: wait for the whole scan.submit.
    const submitMs = await poll(() => h.sw.evaluate(() => globalThis.__benchSubmitMs), Boolean, { what: 'scan.submit' });
    const wall = Date.now() - t0;
    const offers = (await ok(h.sw, { op: 'burst.offers' })).offers;
    if (scan.seen !== n || offers.length !== 1 || offers[0].count !== 58)
      throw new Error(`unexpected scan: ${scan.seen} seen, offers ${JSON.stringify(offers)}`);
    const detect = await inWorker(h.sw, 'detect', scan);
    const review = await inWorker(h.sw, 'get', { op: 'burst.get', burstId: offers[0].id });
    const keys = review.last.ok.people.filter((p) => p.withdrawable).map((p) => p.key);
    const plan = await inWorker(h.sw, 'plan', { op: 'burst.plan', burstId: offers[0].id, keys });
    console.log(
      `${n} cards: scan ${(wall / 1000).toFixed(1)} s wall (pace and loading ${(scan.stats.waitedMs / 1000).toFixed(1)} s), reading ${scan.stats.ownMs.toFixed(0)} ms, scan.submit ${submitMs.toFixed(0)} ms (reconcile + store + detect_bursts)`,
    );
    console.log(
      `${n} cards: detect_bursts over the history ${detect.ms.toFixed(1)} ms, review read ${review.ms.toFixed(1)} ms, plan of ${keys.length} ${plan.ms.toFixed(1)} ms (medians of ${RUNS}, in the worker)`,
    );
  } finally {
    await h.close();
  }
}

for (const n of SIZES) await bench(n);
