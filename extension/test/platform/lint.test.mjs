// The built Firefox extension passes Mozilla's web-ext lint with no errors and no warnings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.resolve(ext, '../build/extension-firefox');

test('web-ext lint finds no errors and no warnings in build/extension-firefox', () => {
  assert.ok(fs.existsSync(path.join(built, 'manifest.json')), 'run npm run build first');
  const bin = path.join(ext, 'node_modules', '.bin', 'web-ext');
  let out;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', built, '--self-hosted', '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
      env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' },
    });
  } catch (err) {
    out = err.stdout; // lint exits non-zero when it finds errors; the JSON says which
  }
  const report = JSON.parse(out);
  assert.deepEqual(
    report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`),
    [],
  );
  // Firefox's manifest names only background.scripts (build.mjs), so not even the service_worker warning.
  assert.deepEqual(
    report.warnings.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`),
    [],
  );
});
