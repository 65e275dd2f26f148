// Every site module follows the recipe (test/unit/site-meta.mjs), and so does one the scaffold
// (scripts/new-screen.mjs) makes in a copy of the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkSites, moduleFiles } from './site-meta.mjs';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function check(root) {
  const index = await import(pathToFileURL(path.join(root, 'sites', 'index.js')).href);
  const fixturesDir = path.join(root, 'test', 'fixtures');
  const fixtures = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fixtures.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const modules = index.default;
  const extra = [index.sentList];
  const problems = checkSites({ modules, extra, fixtures, fixturesDir, manifest });
  const ids = new Set([...modules, ...extra].map((m) => m.id));
  for (const f of moduleFiles(path.join(root, 'sites'))) {
    const m = (await import(pathToFileURL(path.join(root, 'sites', f)).href)).default;
    if (!ids.has(m.id)) problems.push(`sites/${f} (${m.id}) is not registered in sites/index.js`);
  }
  return { problems, modules };
}

test('every site module has en/de/fr and negative fixtures, a surface the core allows, hosts in the manifest', async () => {
  const { problems, modules } = await check(ext);
  assert.deepEqual(problems, []);
  assert.ok(modules.length >= 4);
});

test('the checks fail on a module that breaks the recipe', async () => {
  const index = await import(pathToFileURL(path.join(ext, 'sites', 'index.js')).href);
  const fixtures = JSON.parse(fs.readFileSync(path.join(ext, 'test', 'fixtures', 'fixtures.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));
  const bad = { id: 'xing.group-invite', network: 'xing', surface: 'contact_import', hosts: ['www.example.com'] };
  const got = checkSites({ modules: [...index.default, bad], fixtures, fixturesDir: path.join(ext, 'test', 'fixtures'), manifest });
  assert.deepEqual(got, [
    'xing.group-invite: no en fixture it must take',
    'xing.group-invite: no de fixture it must take',
    'xing.group-invite: no fr fixture it must take',
    'xing.group-invite: surface contact_import does not exist on xing (core.NetworkSurfaces)',
    "xing.group-invite: host www.example.com is not in the manifest's content scripts",
  ]);
});

test('a screen the scaffold makes passes the checks', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-scaffold-'));
  try {
    for (const d of ['sites', 'shared', 'test/fixtures']) fs.cpSync(path.join(ext, d), path.join(root, d), { recursive: true });
    fs.copyFileSync(path.join(ext, 'manifest.json'), path.join(root, 'manifest.json'));
    fs.mkdirSync(path.join(root, 'test', 'unit'), { recursive: true });
    const out = execFileSync(process.execPath, [path.join(ext, 'scripts', 'new-screen.mjs'), 'linkedin', 'newsletter-invite', 'page_invite', '--root', root], {
      encoding: 'utf8',
    });
    assert.match(out, /sites\/linkedin\/newsletter-invite\.js/);
    const { problems, modules } = await check(root);
    assert.deepEqual(problems, []);
    assert.ok(modules.some((m) => m.id === 'linkedin.newsletter-invite'));
    assert.ok(fs.existsSync(path.join(root, 'test', 'unit', 'linkedin-newsletter-invite.test.mjs')));
    // A surface the network does not have is refused before anything is written.
    assert.throws(
      () => execFileSync(process.execPath, [path.join(ext, 'scripts', 'new-screen.mjs'), 'xing', 'x', 'contact_import', '--root', root], { stdio: 'pipe' }),
      /contact_import/,
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
