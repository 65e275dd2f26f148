// The built package passes Mozilla's web-ext lint (so it loads in Firefox) with no errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.resolve(ext, '../build/extension');

test('web-ext lint finds no errors in build/extension', () => {
  assert.ok(fs.existsSync(path.join(built, 'manifest.json')), 'run npm run build first');
  const bin = path.join(ext, 'node_modules', '.bin', 'web-ext');
  let out;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', built, '--self-hosted', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' } });
  } catch (err) {
    out = err.stdout; // lint exits non-zero when it finds errors; the JSON says which
  }
  const report = JSON.parse(out);
  assert.deepEqual(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`), []);
  // The manifest's one expected warning: Firefox ignores "service_worker" and runs "scripts" (the same file).
  const manifestWarnings = report.warnings.filter((w) => w.file === 'manifest.json').map((w) => w.code);
  assert.deepEqual(manifestWarnings, ['BACKGROUND_SERVICE_WORKER_IGNORED']);
});
