// Every string the extension shows exists in English and German, and every code the core can answer
// with (reasons, message issues, flags, surfaces, breakdown and policy fields) has its translation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from '../../shared/i18n.js';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = path.resolve(ext, '../core');
const load = (lang) => JSON.parse(fs.readFileSync(path.join(ext, '_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const de = load('de');
const coreSrc = fs
  .readdirSync(core)
  .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
  .map((f) => fs.readFileSync(path.join(core, f), 'utf8'))
  .join('\n');

/** consts returns the string values of the constants whose name starts with prefix (optionally of a type). */
function consts(prefix, type = '') {
  const re = new RegExp(`^\\s*${prefix}\\w*\\s+${type ? `${type}\\s+` : ''}=\\s+"([^"]+)"`, 'gm');
  return [...coreSrc.matchAll(re)].map((m) => m[1]);
}

/** jsonFields returns the json names of a core struct's fields. */
function jsonFields(struct) {
  const body = new RegExp(`type ${struct} struct \\{([\\s\\S]*?)\\n\\}`).exec(coreSrc)?.[1] ?? '';
  return [...body.matchAll(/json:"(\w+)/g)].map((m) => m[1]);
}

test('English and German have the same keys, none empty, with the same placeholders', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(en)) {
    assert.ok(v.message.trim(), `en ${k} is empty`);
    assert.ok(de[k].message.trim(), `de ${k} is empty`);
    const ph = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(ph(de[k].message), ph(en[k].message), `placeholders of ${k}`);
  }
});

test('every code of the core has an English and a German text', () => {
  const reasons = consts('Reason');
  const issues = consts('Issue');
  const flags = consts('Flag', 'Flag');
  const surfaces = consts('Surface', 'Surface');
  assert.ok(reasons.length >= 10 && issues.length >= 5 && flags.length >= 7 && surfaces.length >= 7, 'the core declares its codes');
  const want = [
    ...reasons.map((c) => `reason_${c}`),
    ...issues.map((c) => `issue_${c}`),
    ...consts('Signal').map((c) => `signal_${c}`),
    ...flags.map((c) => `flag_${c}`),
    ...surfaces.map((c) => `surface_${c}`),
    ...jsonFields('Breakdown')
      .filter((f) => f !== 'selected')
      .map((f) => `breakdown_${f}`),
    ...jsonFields('Policy').flatMap((f) => [`policy_${f}`, `policy_${f}_help`]),
    'network_linkedin',
    'network_xing',
  ];
  const missing = want.filter((k) => !en[k] || !de[k]);
  assert.deepEqual(missing, []);
});

test('every key the code asks for exists', () => {
  const files = ['content', 'ui'].flatMap((d) =>
    fs
      .readdirSync(path.join(ext, d))
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(ext, d, f)),
  );
  const html = fs
    .readdirSync(path.join(ext, 'ui'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => fs.readFileSync(path.join(ext, 'ui', f), 'utf8'))
    .join('\n');
  const used = new Set();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/\bplural\('(\w+)'/g)) ['_one', '_other'].forEach((s) => used.add(m[1] + s));
  }
  for (const m of html.matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
  for (const m of JSON.stringify(JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'))).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  assert.ok(used.size > 40);
  assert.deepEqual(
    [...used].filter((k) => !en[k]),
    [],
  );
});

test('the translator fills parameters and formats numbers per language', () => {
  const t = (msgs, lang) => createI18n((k) => msgs[k]?.message ?? '', lang);
  assert.equal(t(en, 'en-US').plural('button_send', 1000), 'Send 1,000 invitations');
  assert.equal(t(de, 'de').plural('button_send', 1000), '1.000 Einladungen senden');
  assert.equal(t(de, 'de').plural('button_send', 1), '1 Einladung senden');
  assert.equal(t(de, 'de-AT').t('friction_type_label', { count: '40' }), 'Zum Bestätigen 40 eingeben');
  assert.equal(t(en, 'fr').t('reason_batch_size', { count: 30, threshold: 25 }), '30 invitations at once is more than 25.');
});
