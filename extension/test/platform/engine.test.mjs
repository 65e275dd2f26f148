// The engine and our WASI shim, in Node: the very build/core.wasm, the same Engine class the service
// worker runs. (The same cases run in Chromium's service worker in test/e2e/golden.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../background/engine.js';
import { createWasi, WasiExit } from '../../background/wasi.js';
import { compactRequest } from '../../background/compact.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const wasmFile = path.join(root, 'build', 'core.wasm');
const data = path.join(root, 'core', 'testdata');
const newEngine = () => new Engine(async () => fs.readFileSync(wasmFile));

test('the engine id is the sha256 of the bytes, and the engine reports ABI 2', async () => {
  const e = newEngine();
  await e.load();
  assert.equal(e.engineId, createHash('sha256').update(fs.readFileSync(wasmFile)).digest('hex'));
  assert.equal(e.version.abi, 2);
  assert.ok(e.version.ops.includes('decide'));
});

test('every golden case, through Engine.call, byte for byte', async () => {
  const e = newEngine();
  let n = 0;
  const failures = [];
  for (const op of fs.readdirSync(data)) {
    if (!fs.statSync(path.join(data, op)).isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(data, op)).filter((f) => f.endsWith('.in.json'))) {
      const got = await e.call(op, new Uint8Array(fs.readFileSync(path.join(data, op, f))));
      const want = fs.readFileSync(path.join(data, op, f.replace('.in.json', '.out.json')), 'utf8');
      if (got + '\n' !== want) failures.push(`${op}/${f}`);
      n++;
    }
  }
  assert.ok(n >= 40, `${n} cases`);
  assert.deepEqual(failures, []);
  assert.equal(e.recycled, 0, 'no call trapped');
});

test('an instance whose memory grew past the bound is replaced, and the next call is answered', async () => {
  const e = newEngine();
  await e.load();
  e.recycleBytes = 1; // every call's instance is over the bound
  const a = JSON.parse(await e.call('default_policy', null));
  assert.equal(e.instance, null, 'the grown instance is dropped after the call');
  const b = JSON.parse(await e.call('default_policy', null));
  assert.deepEqual(b, a);
  assert.equal(e.recycled, 2);
});

test('the shim: stdout/stderr by lines, real time, random bytes, no preopens, proc_exit ends the instance', () => {
  const lines = [];
  const wasi = createWasi({ log: (fd, line) => lines.push([fd, line]) });
  const mem = new WebAssembly.Memory({ initial: 2 });
  wasi.bind(mem);
  const bytes = new Uint8Array(mem.buffer);
  const v = new DataView(mem.buffer);
  bytes.set(new TextEncoder().encode('panic: boom\ngorou'), 100);
  bytes.set(new TextEncoder().encode('tine 1\n'), 200);
  v.setUint32(0, 100, true);
  v.setUint32(4, 17, true);
  v.setUint32(8, 200, true);
  v.setUint32(12, 7, true);
  assert.equal(wasi.imports.fd_write(2, 0, 2, 16), 0);
  assert.equal(v.getUint32(16, true), 24);
  assert.deepEqual(lines, [
    [2, 'panic: boom'],
    [2, 'goroutine 1'],
  ]);
  assert.equal(wasi.imports.fd_write(5, 0, 1, 16), 8, 'EBADF for another fd');

  assert.equal(wasi.imports.clock_time_get(0, 0n, 32), 0);
  const ns = Number(v.getBigUint64(32, true) / 1_000_000n);
  assert.ok(Math.abs(ns - Date.now()) < 1000, 'realtime is now');

  assert.equal(wasi.imports.random_get(1000, 70000), 0);
  const r = bytes.subarray(1000, 71000);
  assert.ok(r.some((b) => b !== 0) && r.subarray(66000).some((b) => b !== 0), 'random bytes beyond the 65,536 of one getRandomValues');

  assert.equal(wasi.imports.fd_prestat_get(3, 0), 8, 'no preopened directories');
  assert.throws(() => wasi.imports.proc_exit(2), WasiExit);
});

test('compactRequest writes every golden decide request as its compact twin, and the engine answers both alike', async () => {
  const e = newEngine();
  const dir = path.join(data, 'decide');
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('v2_') && f.endsWith('.in.json'))) {
    const v1File = path.join(dir, f.slice(3));
    if (!fs.existsSync(v1File)) continue;
    if (JSON.parse(await e.call('decide', new Uint8Array(fs.readFileSync(v1File)))).error) continue; // a v1 error case of the same name
    const v1 = JSON.parse(fs.readFileSync(v1File, 'utf8'));
    const want = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.deepEqual(compactRequest(v1), want, f);
    assert.equal(await e.call('decide', JSON.stringify(compactRequest(v1))), await e.call('decide', JSON.stringify(v1)), f);
    n++;
  }
  assert.ok(n >= 20, `${n} twins`);
});

test('compactRequest leaves a history time finer than a millisecond to version 1', () => {
  const req = {
    network: 'linkedin',
    surface: 'connect',
    now: '2026-03-01T10:00:00Z',
    recipients: [{ key: 'a@example.org', selected: true }],
    history: [{ key: 'a@example.org', network: 'linkedin', kind: 'invited', at: '2026-02-27T10:00:00.0000001Z' }],
  };
  assert.equal(compactRequest(req), null);
  req.history[0].at = '2026-02-27T10:00:00.123000Z';
  assert.deepEqual(compactRequest(req).history, [0, 0, 0, Date.parse('2026-02-27T10:00:00.123Z')]);
});
