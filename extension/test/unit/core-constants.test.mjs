// The constants generated from the core (shared/gen/core.json through shared/core-constants.js) are what
// the extension spells: its engine's ops, the error codes it throws, the states it keeps, the cap it
// enforces, the surfaces its site modules claim, the reason and flag codes its dialog translates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as K from '../../shared/core-constants.js';
import { WENT_OUT } from '../../background/db.js';
import modules, { sentList } from '../../sites/index.js';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = (dir) =>
  fs
    .readdirSync(path.join(ext, dir), { recursive: true })
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(ext, dir, f), 'utf8'));

test("the generated constants are frozen and hold the core's values", () => {
  assert.equal(K.LIMITS.maxRecipients, 10000);
  assert.ok(Object.isFrozen(K.NETWORK_SURFACES.linkedin));
  assert.throws(() => {
    K.SURFACES.push('x');
  });
  assert.deepEqual(K.NETWORKS, ['linkedin', 'xing']);
  assert.ok(K.surfaceAllowed('xing', 'contact_request') && !K.surfaceAllowed('linkedin', 'contact_request'));
  for (const n of K.NETWORKS) for (const s of K.NETWORK_SURFACES[n]) assert.ok(K.SURFACES.includes(s) && K.MESSAGE_MAX[n][s] > 0, `${n}/${s}`);
});

test('every error code the extension throws is a core code', () => {
  const codes = new Set(sources('background').flatMap((s) => [...s.matchAll(/HandlerError\('([a-z_]+)'/g)].map((m) => m[1])));
  const own = new Set(['no_page']); // the extension's own: no LinkedIn tab to run in (never crosses to the core or server)
  for (const c of codes) assert.ok(K.ERROR_CODES.includes(c) || own.has(c), c);
});

test('every invitation state the worker keeps is a core state', () => {
  for (const s of WENT_OUT) assert.ok(K.STATES.includes(s), s);
});

test('every site module claims a (network, surface) the core allows', () => {
  for (const m of modules) assert.ok(K.surfaceAllowed(m.network, m.surface), `${m.id}: ${m.network}/${m.surface}`);
  assert.ok(K.NETWORKS.includes(sentList.network));
});

test('every reason, issue, skip and flag code the core can answer has an English and a German text', () => {
  for (const lang of ['en', 'de']) {
    const msgs = JSON.parse(fs.readFileSync(path.join(ext, '_locales', lang, 'messages.json'), 'utf8'));
    for (const f of K.FLAGS) assert.ok(msgs[`flag_${f}`], `${lang}: flag_${f}`);
    for (const r of K.REASON_CODES) assert.ok(msgs[`reason_${r}`], `${lang}: reason_${r}`);
    for (const i of K.ISSUE_CODES) assert.ok(msgs[`issue_${i}`], `${lang}: issue_${i}`);
    for (const r of K.SKIP_REASONS) assert.ok(msgs[`skip_${r}`], `${lang}: skip_${r}`);
  }
});
