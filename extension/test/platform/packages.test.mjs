// The store packages: built twice from the same sources they are the same bytes; each holds its
// browser's manifest at the root (Chrome Web Store and AMO layout) with the engine id in the version
// name, and exactly the files of the unpacked build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { buildExtension, buildPackages } from '../../build.mjs';
import { readZip, writeZip } from '../../zip.mjs';

const sha = (buf) => createHash('sha256').update(buf).digest('hex');
let tmp;
let runs;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-packages-'));
  runs = [];
  for (const run of ['a', 'b']) {
    const dir = path.join(tmp, run);
    fs.mkdirSync(dir);
    const built = await buildExtension({ out: path.join(dir, 'extension'), outFirefox: path.join(dir, 'extension-firefox') });
    runs.push({ built, packages: await buildPackages({ ...built, dest: dir }) });
  }
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('two builds of the same sources give byte-identical packages', () => {
  const [a, b] = runs;
  assert.equal(path.basename(a.packages.chrome), `inviteguard-chrome-${a.built.version}.zip`);
  assert.equal(path.basename(a.packages.firefox), `inviteguard-firefox-${a.built.version}.zip`);
  for (const kind of ['chrome', 'firefox']) {
    assert.equal(sha(fs.readFileSync(a.packages[kind])), sha(fs.readFileSync(b.packages[kind])), `${kind} package differs between two builds`);
  }
});

test('entries are sorted, with one fixed timestamp, and are exactly the unpacked build’s files', () => {
  const [{ built, packages }] = runs;
  const walk = (dir, prefix = '') =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
  for (const [kind, dir] of [
    ['chrome', built.out],
    ['firefox', built.outFirefox],
  ]) {
    const entries = readZip(fs.readFileSync(packages[kind]));
    const names = entries.map((e) => e.name);
    assert.deepEqual(names, [...names].sort(), `${kind}: sorted`);
    assert.deepEqual(names, walk(dir).sort(), `${kind}: the build's files`);
    assert.deepEqual(new Set(entries.map((e) => `${e.date}/${e.time}`)), new Set([`${(1 << 5) | 1}/0`]), `${kind}: one fixed timestamp`);
    for (const e of entries) assert.ok(e.data.equals(fs.readFileSync(path.join(dir, e.name))), `${kind}: ${e.name} is the built file`);
  }
});

test('each package holds its browser’s manifest at the root, with the engine id in the version name', () => {
  const [{ built, packages }] = runs;
  const manifest = (kind) => JSON.parse(readZip(fs.readFileSync(packages[kind])).find((e) => e.name === 'manifest.json').data);
  const engineId = sha(fs.readFileSync(path.join(built.out, 'core.wasm')));
  const chrome = manifest('chrome');
  assert.equal(chrome.background.service_worker, 'background.js');
  assert.equal(chrome.background.scripts, undefined);
  assert.equal(chrome.browser_specific_settings, undefined);
  const firefox = manifest('firefox');
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.ok(firefox.browser_specific_settings.gecko.id);
  for (const m of [chrome, firefox]) {
    assert.equal(m.version, built.version);
    assert.equal(m.version_name, `${built.version} (engine ${engineId.slice(0, 12)})`);
  }
});

test('a different file changes the package; the writer refuses a name twice', () => {
  const one = writeZip([
    { name: 'b.txt', data: Buffer.from('b') },
    { name: 'a.txt', data: Buffer.from('a') },
  ]);
  const again = writeZip([
    { name: 'a.txt', data: Buffer.from('a') },
    { name: 'b.txt', data: Buffer.from('b') },
  ]);
  const other = writeZip([
    { name: 'a.txt', data: Buffer.from('A') },
    { name: 'b.txt', data: Buffer.from('b') },
  ]);
  assert.ok(one.equals(again), 'the order files are given in does not matter');
  assert.ok(!one.equals(other));
  assert.deepEqual(
    readZip(other).map((e) => [e.name, e.data.toString()]),
    [
      ['a.txt', 'A'],
      ['b.txt', 'b'],
    ],
  );
  assert.throws(
    () =>
      writeZip([
        { name: 'a', data: Buffer.from('1') },
        { name: 'a', data: Buffer.from('2') },
      ]),
    /a twice/,
  );
});
