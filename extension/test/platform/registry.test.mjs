// The registry accepts the site modules of sites/index.js and finds the first module that recognises
// an action, in declaration order, on its own hosts only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry, validateModule } from '../../content/registry.js';
import modules from '../../sites/index.js';

const mod = (id, over = {}) => ({
  id,
  network: 'linkedin',
  surface: 'contact_import',
  kind: 'bulk',
  hosts: ['www.linkedin.com'],
  detect: (t) => (t === id ? { action: t, scope: t } : null),
  read: () => ({ recipients: [] }),
  apply: () => {},
  ...over,
});

test('every module in sites/index.js is valid and registered, bulk before velocity', () => {
  const log = [];
  const reg = createRegistry(modules, { log: (m) => log.push(m) });
  assert.deepEqual(log, []);
  assert.equal(reg.modules.length, modules.length);
  assert.ok(modules.length >= 2);
  const kinds = reg.modules.map((m) => m.kind);
  assert.deepEqual(kinds, [...kinds].sort(), 'bulk modules come before velocity modules');
});

test('a broken declaration is rejected with its problems named', () => {
  assert.deepEqual(validateModule(mod('a')), []);
  assert.deepEqual(validateModule(mod('a', { apply: undefined })), ['a bulk module needs apply']);
  assert.deepEqual(validateModule(mod('a', { kind: 'other' })), ['kind must be "bulk" or "velocity", got "other"']);
  assert.deepEqual(validateModule({ id: 'x' }), ['missing network', 'missing surface', 'missing kind', 'missing hosts', 'missing detect', 'missing read']);
  const log = [];
  const reg = createRegistry([mod('a'), mod('a'), { id: 'b' }], { log: (m) => log.push(m) });
  assert.equal(reg.modules.length, 1);
  assert.equal(log.length, 2);
  assert.match(log[0], /site module a rejected: duplicate id/);
});

test('detect asks in order, on the module’s hosts only, and skips a detector that throws', () => {
  const log = [];
  const boom = mod('boom', {
    detect: () => {
      throw new Error('bad markup');
    },
  });
  const xing = mod('x', { hosts: ['www.xing.com'] });
  const reg = createRegistry([boom, mod('a'), xing, mod('a2', { detect: () => ({ action: 'any' }) })], { log: (m) => log.push(m) });
  assert.equal(reg.detect('a', null, 'www.linkedin.com').module.id, 'a');
  assert.equal(reg.detect('x', null, 'www.linkedin.com').module.id, 'a2', 'x is not asked on linkedin');
  assert.equal(reg.detect('x', null, 'www.xing.com').module.id, 'x');
  assert.equal(reg.detect('a', null, 'www.example.com'), null);
  assert.match(log[0], /boom\.detect failed: bad markup/);
});

test('a module that declares URL paths is refused: nothing reads them, screens are known by what they show', () => {
  assert.deepEqual(validateModule(mod('a', { paths: [/^\/feed\//] })), [
    'paths is not read (a module recognises its screen by what the page shows; see SITE-MODULES.md)',
  ]);
  for (const m of modules) assert.equal('paths' in m, false, m.id);
});
