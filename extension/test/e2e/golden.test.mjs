// The engine in the browser answers every golden case of core/testdata byte for byte: the same
// core.wasm, through our WASI shim, in the extension's service worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { launch, goldenCases, ROOT, EXT } from './harness.mjs';

let h;

before(async () => {
  h = await launch();
});
after(async () => {
  await h?.close();
});

test('the worker reports the engine id of the very core.wasm the build produced', async () => {
  const info = await h.sw.evaluate(() => globalThis.inviteGuard.dispatch({ op: 'engine.info' }));
  const want = createHash('sha256')
    .update(fs.readFileSync(path.join(ROOT, 'build', 'core.wasm')))
    .digest('hex');
  assert.equal(info.ok.engineId, want);
  assert.equal(
    createHash('sha256')
      .update(fs.readFileSync(path.join(EXT, 'core.wasm')))
      .digest('hex'),
    want,
  );
  assert.equal(info.ok.version.abi, 2);
});

test('every golden case, through the service worker, byte for byte', async () => {
  const all = goldenCases();
  assert.ok(all.length >= 10, `found ${all.length} golden cases under core/testdata`);
  const inputs = all.map((c) => [c.op, [...fs.readFileSync(c.in)]]);
  const got = await h.sw.evaluate(async (inputs) => {
    const out = [];
    for (const [op, bytes] of inputs) out.push(await globalThis.inviteGuard.engine.call(op, new Uint8Array(bytes)));
    return out;
  }, inputs);
  const failures = [];
  all.forEach((c, i) => {
    const want = fs.readFileSync(c.out, 'utf8');
    if (got[i] + '\n' !== want) failures.push(`${c.op}/${c.name}:\n  got  ${got[i].slice(0, 300)}\n  want ${want.slice(0, 300)}`);
  });
  assert.deepEqual(failures, [], `${failures.length} of ${all.length} cases differ`);
});

test('an operation the engine does not have is a coded error, and a trap recycles the instance', async () => {
  const res = await h.sw.evaluate(async () => {
    const e = globalThis.inviteGuard.engine;
    const missing = JSON.parse(await e.call('no_such_op', '{}'));
    // Make the next call trap: a wasm function that throws (as an unreachable would).
    const inst = await e.load().then(() => e.instance);
    const real = inst.exports;
    e.instance = {
      exports: {
        ...real,
        version: () => {
          throw new WebAssembly.RuntimeError('unreachable');
        },
      },
    };
    const trapped = JSON.parse(await e.call('version', null));
    const after = JSON.parse(await e.call('version', null));
    return { missing, trapped, after, recycled: e.recycled };
  });
  assert.equal(res.missing.error.code, 'unsupported');
  assert.equal(res.trapped.error.code, 'engine');
  assert.equal(res.after.ok.abi, 2, 'a fresh instance answers after the trap');
  assert.ok(res.recycled >= 1);
});
