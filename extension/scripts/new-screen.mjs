#!/usr/bin/env node
// Scaffolds a new screen the checked way (issue 11 item 4): a site module, its fixtures in en, de and fr
// and a negative one (listed in test/fixtures/fixtures.json), its unit test, and its line in
// sites/index.js (first: it answers on its own path only). test/unit/site-meta.test.mjs checks
// the result (and runs this script once into a temporary copy of the tree).
//
//   node scripts/new-screen.mjs <network> <screen> <surface> [--root <extension dir>]
//   e.g. node scripts/new-screen.mjs linkedin newsletter-invite page_invite
//
// The module answers on pages under /<screen>/ to an invite button over a list of people it can read
// (sites/common/rows.js); make its detect() as narrow as the real screen allows, its words data in
// sites/<network>/words/<lang>.js, and its fixtures like the real page.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NETWORKS, NETWORK_SURFACES, surfaceAllowed } from '../shared/core-constants.js';

const HOST = { linkedin: 'www.linkedin.com', xing: 'www.xing.com' };
const INVITE = { en: 'Invite', de: 'Einladen', fr: 'Inviter' };
const TITLE = { en: 'Invite people', de: 'Personen einladen', fr: 'Inviter des personnes' };
const SELECT = { en: 'Select', de: 'auswählen', fr: 'Sélectionner' };
const PEOPLE = ['Jane Doe', 'Dr. Jörg Müller, MBA', 'Li O’Neill | 3x Founder'];

/** fail stops with a message for the person who ran the script; nothing is written. */
function fail(msg) {
  process.stderr.write(`new-screen: ${msg}\n`);
  process.exit(2);
}

/** args reads the command line: { network, screen, surface, root }. */
function args(argv) {
  const pos = [];
  let root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') root = path.resolve(argv[++i] ?? fail('--root needs a directory'));
    else pos.push(argv[i]);
  }
  const [network, screen, surface] = pos;
  if (!network || !screen || !surface) fail('usage: new-screen.mjs <network> <screen> <surface> [--root <extension dir>]');
  if (!NETWORKS.includes(network)) fail(`network ${network} is not one the core knows (${NETWORKS.join(', ')})`);
  if (!surfaceAllowed(network, surface)) fail(`surface ${surface} does not exist on ${network} (want one of ${NETWORK_SURFACES[network].join(', ')})`);
  if (!/^[a-z][a-z0-9-]*$/.test(screen)) fail(`screen ${screen} must be lower-case words joined by "-"`);
  return { network, screen, surface, root };
}

/** moduleSource is the new module's file. */
function moduleSource({ network, screen, surface }) {
  const camel = screen.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  return `// ${network} ${screen}: an invite button over a list of people (made by scripts/new-screen.mjs; make
// detect() as narrow as the real screen allows, and keep its words in sites/${network}/words/<lang>.js).

import { accName, closestButton, closestDialog, isCheckLike } from '../common/dom.js';
import { meaning } from '../common/text.js';
import { answer, applyKeep, listAround, readRows, recipientOf } from '../common/rows.js';
import { isOpener, pathOf } from '../common/screens.js';
import { HOSTS } from './places.js';

// The screen's pages: detect() answers only here.
const PATH = /^\\/${screen}\\//i;

/** The module (contract: extension/content/SITE-MODULES.md). */
const ${camel} = {
  id: '${network}.${screen}',
  network: '${network}',
  surface: '${surface}',
  kind: 'bulk',
  hosts: HOSTS,

  detect(target, doc) {
    const action = closestButton(target);
    if (!action || isCheckLike(action) || isOpener(action) || !PATH.test(pathOf(doc))) return null;
    const m = meaning(accName(action));
    if (m.verb !== 'invite' || m.other) return null;
    const box = closestDialog(action) || action.closest('form,section,main') || doc.body;
    const found = listAround(action, box, 1);
    return found ? { action, scope: box, surface: '${surface}', expected: m.count } : null;
  },

  read(scope, doc, detected = {}) {
    const recipients = readRows(scope).map((r) => recipientOf(r, false));
    return answer(recipients, detected.expected ?? null, detected);
  },

  apply(scope, keep) {
    return applyKeep(readRows(scope), keep);
  },
};

export default ${camel};
`;
}

/** fixture is a page of the screen in lang: a dialog of three people and the invite button (or, negative, a message button). */
function fixture(network, screen, lang, negative) {
  const rows = PEOPLE.map((name, i) => {
    const slug = `person-${i + 1}`;
    const href = network === 'xing' ? `https://www.xing.com/profile/Person_${i + 1}/` : `https://www.linkedin.com/in/${slug}/`;
    const label = lang === 'de' ? `${name} ${SELECT.de}` : `${SELECT[lang]} ${name}`;
    return `    <li><label><input type="checkbox" checked aria-label="${label}"> <a href="${href}">${name}</a></label></li>`;
  }).join('\n');
  const button = negative ? `<button id="message" type="button">Message</button>` : `<button id="invite" type="button">${INVITE[lang]}</button>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${screen} (${lang}${negative ? ', negative' : ''})</title></head>
<body>
<main>
  <div role="dialog" aria-labelledby="t"><h2 id="t">${TITLE[lang]}</h2>
  <ul>
${rows}
  </ul>
  ${button}
  </div>
</main>
<script>
  window.__sent = [];
  document.getElementById('${negative ? 'message' : 'invite'}').addEventListener('click', () => {
    window.__sent.push([...document.querySelectorAll('input:checked')].map((c) => c.closest('li').querySelector('a').href));
  });
</script>
</body></html>
`;
}

/** testSource is the new module's unit test (real Chromium, through test/unit/harness.mjs). */
function testSource({ network, screen }) {
  return `// ${network}.${screen} on its fixtures (made by scripts/new-screen.mjs): taken in en, de and fr, never on the negative page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { detect, launch, read, withPage } from './harness.mjs';

const URL = 'https://${HOST[network]}/${screen}/1/';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of ['en', 'de', 'fr']) {
  test(\`\${lang}: the invite button is taken, three people read\`, async () => {
    await withPage(browser, \`${network}/${screen}/\${lang}.html\`, URL, async (page) => {
      assert.equal((await detect(page, '#invite'))?.id, '${network}.${screen}');
      assert.equal((await read(page)).recipients.length, 3);
    });
  });
}

test('negative: the message button is no invitation', async () => {
  await withPage(browser, '${network}/${screen}/negative-en.html', URL, async (page) => {
    assert.equal(await detect(page, '#message'), null);
  });
});
`;
}

/**
 * register adds the module to sites/index.js first: its detect() answers only on its own path, so it
 * is asked before the general modules (the invite modal would take its invite button otherwise).
 */
function register(root, { network, screen }) {
  const file = path.join(root, 'sites', 'index.js');
  let src = fs.readFileSync(file, 'utf8');
  const name = screen.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()) + (network === 'xing' ? 'Xing' : '');
  const list = /(?:const modules =|export default) \[([^\]]*)\];/.exec(src);
  if (!list) fail('sites/index.js has no "const modules = [ … ];" list');
  const names = list[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  names.unshift(name);
  src = src.replace(list[0], list[0].replace(/\[[^\]]*\]/, `[${names.join(', ')}]`));
  const imports = [...src.matchAll(/^import .*;$/gm)];
  const last = imports[imports.length - 1];
  const line = `import ${name} from './${network}/${screen}.js';`;
  src = last ? src.slice(0, last.index + last[0].length) + '\n' + line + src.slice(last.index + last[0].length) : line + '\n' + src;
  fs.writeFileSync(file, src);
}

async function main() {
  const o = args(process.argv.slice(2));
  const moduleFile = path.join(o.root, 'sites', o.network, `${o.screen}.js`);
  if (fs.existsSync(moduleFile)) fail(`${path.relative(o.root, moduleFile)} exists already`);
  const fixturesDir = path.join(o.root, 'test', 'fixtures');
  const listFile = path.join(fixturesDir, 'fixtures.json');
  const list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const url = `https://${HOST[o.network]}/${o.screen}/1/`;
  const written = [];
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(path.relative(o.root, file).split(path.sep).join('/'));
  };
  write(moduleFile, moduleSource(o));
  for (const lang of ['en', 'de', 'fr']) {
    const file = `${o.network}/${o.screen}/${lang}.html`;
    write(path.join(fixturesDir, file), fixture(o.network, o.screen, lang, false));
    list.push({ file, url, lang, what: `scaffold: three people and "${INVITE[lang]}"`, action: '#invite', module: `${o.network}.${o.screen}` });
  }
  const neg = `${o.network}/${o.screen}/negative-en.html`;
  write(path.join(fixturesDir, neg), fixture(o.network, o.screen, 'en', true));
  list.push({ file: neg, url, lang: 'en', what: 'negative (scaffold): a Message button over the same list', action: '#message', module: null });
  fs.writeFileSync(listFile, JSON.stringify(list, null, 1) + '\n');
  write(path.join(o.root, 'test', 'unit', `${o.network}-${o.screen}.test.mjs`), testSource(o));
  register(o.root, o);
  process.stdout.write(`${written.join('\n')}\nsites/index.js, test/fixtures/fixtures.json (updated)\n`);
}

await main();
