// The manifest keeps its promises: MV3, host access to LinkedIn and XING only, the CSP that lets the
// worker compile wasm and nothing else, both browsers' backgrounds, English and German.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const m = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));

test('MV3 with host permissions for linkedin.com and xing.com only', () => {
  assert.equal(m.manifest_version, 3);
  assert.deepEqual(m.host_permissions, ['https://*.linkedin.com/*', 'https://*.xing.com/*']);
  for (const cs of m.content_scripts) for (const u of cs.matches) assert.match(u, /^https:\/\/(\*|www)\.(linkedin|xing)\.com\//);
  assert.ok(!(m.permissions ?? []).some((p) => p.includes('://') || p === '<all_urls>' || p === 'tabs' || p === 'webRequest'), `permissions: ${m.permissions}`);
  assert.ok(Array.isArray(m.optional_host_permissions), 'the user’s own server is asked for at run time');
});

test('only the permissions the code uses: alarms and contextMenus (IndexedDB needs none; no chrome.storage anywhere)', () => {
  assert.deepEqual(m.permissions, ['alarms', 'contextMenus']);
  const uses = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !['node_modules', 'test', 'bench'].includes(e.name)) walk(p);
      else if (e.isFile() && e.name.endsWith('.js') && /\b(?:chrome|browser|api)\??\.storage\b/.test(fs.readFileSync(p, 'utf8'))) uses.push(p);
    }
  };
  walk(ext);
  assert.deepEqual(uses, [], 'a file uses chrome.storage: put "storage" back into the permissions');
});

test('the CSP allows wasm compilation in extension pages and nothing more', () => {
  assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
});

test('one background for both browsers, locales en (default) and de', () => {
  assert.equal(m.background.service_worker, 'background.js');
  assert.deepEqual(m.background.scripts, ['background.js']);
  assert.ok(m.browser_specific_settings.gecko.id);
  assert.equal(m.default_locale, 'en');
  for (const lang of ['en', 'de']) assert.ok(fs.existsSync(path.join(ext, '_locales', lang, 'messages.json')));
});
