// The house's walls (issue 11): code outside sites/ reaches site code only through sites/index.js, no
// LinkedIn or XING address is written outside sites/, and the manifest's hosts are the site modules'.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { jsFiles } from '../../scripts/function-lengths.mjs';
import { manifestHostProblems } from '../../build.mjs';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The code that ships, outside sites/ (tests import site modules directly on purpose).
const OUTSIDE = ['background', 'content', 'shared', 'ui'].map((room) => path.join(ext, room));
const SITE_DIRS = fs
  .readdirSync(path.join(ext, 'sites'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'common')
  .map((e) => e.name);
// A sample recipient the engine warms up with is a key, not a place the extension goes.
const ADDRESS_ALLOWED = new Set(['background/engine.js']);

/** literals returns the module's import sources and its string and template pieces. */
function literals(file) {
  const ast = parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });
  const imports = [];
  const strings = [];
  const walk = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportNamedDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ImportExpression') &&
      node.source?.value
    )
      imports.push(node.source.value);
    else if (node.type === 'Literal' && typeof node.value === 'string') strings.push(node.value);
    else if (node.type === 'TemplateElement') strings.push(node.value.cooked ?? '');
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object' && v !== node.loc) walk(v);
    }
  };
  walk(ast);
  return { imports, strings };
}

test('nothing outside sites/ imports a site’s module directly: sites/index.js is the one door', () => {
  assert.ok(SITE_DIRS.includes('linkedin') && SITE_DIRS.includes('xing'), SITE_DIRS.join());
  const files = jsFiles(OUTSIDE);
  assert.ok(files.length > 30, `read ${files.length} files`);
  const through = [];
  for (const file of files) {
    for (const spec of literals(file).imports) {
      if (!spec.startsWith('.')) continue;
      const rel = path.relative(path.join(ext, 'sites'), path.resolve(path.dirname(file), spec));
      if (SITE_DIRS.some((site) => rel.startsWith(`${site}${path.sep}`))) through.push(`${path.relative(ext, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(through, [], 'import it from sites/index.js');
});

test('no LinkedIn or XING address is written outside sites/', () => {
  const found = [];
  for (const file of jsFiles(OUTSIDE)) {
    const rel = path.relative(ext, file);
    if (ADDRESS_ALLOWED.has(rel)) continue;
    for (const s of literals(file).strings) if (/(?:linkedin|xing)\.com/i.test(s)) found.push(`${rel}: ${s.slice(0, 80)}`);
  }
  assert.deepEqual(found, [], 'put the address in sites/<site>/ and reach it through sites/index.js');
});

test('the manifest’s hosts are the site modules’ (the build refuses another)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifestHostProblems(manifest), []);
  const wrong = structuredClone(manifest);
  wrong.content_scripts[1].matches = ['https://www.linkedin.com/*'];
  wrong.host_permissions.push('https://*.example.com/*');
  assert.equal(manifestHostProblems(wrong).length, 2);
});
