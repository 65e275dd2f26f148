// Builds the unpacked extension for each browser: build/extension/ (Chromium: background.service_worker)
// and build/extension-firefox/ (Firefox: background.scripts, the gecko id). Bundles the content script,
// the background (one classic script that runs as Chromium's service worker and as Firefox's background
// page) and the UI pages with esbuild, writes each browser's manifest, copies locales and pages, draws
// the icons, and copies the very bytes of build/core.wasm (built with the Go toolchain if it is missing).
// With --packages it also writes the store packages, reproducibly (same sources, same bytes):
// build/inviteguard-chrome-<version>.zip (Chrome Web Store) and build/inviteguard-firefox-<version>.zip
// (AMO, made by `web-ext build` and re-packed with sorted entries and fixed timestamps).

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { crc32, readZip, writeZip } from './zip.mjs';
import { DOMAINS, SENT_LIST } from './sites/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const OUT = path.join(root, 'build', 'extension');
const OUT_FIREFOX = path.join(root, 'build', 'extension-firefox');
const wasm = path.join(root, 'build', 'core.wasm');

function ensureWasm() {
  if (fs.existsSync(wasm) && !process.argv.includes('--wasm')) return;
  console.log('building build/core.wasm with go');
  fs.mkdirSync(path.dirname(wasm), { recursive: true });
  execFileSync('go', ['build', '-trimpath', '-buildmode=c-shared', '-o', wasm, './wasm'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GOOS: 'wasip1', GOARCH: 'wasm' },
  });
}

// --- icons: a shield with a check mark, drawn here so the repository holds no binary files ---
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function shieldPixel(x, y) {
  const half = 0.36;
  let inside = false;
  if (y >= 0.07 && y <= 0.52) inside = Math.abs(x - 0.5) <= half - (y < 0.14 ? (0.14 - y) * 0.6 : 0);
  else if (y > 0.52 && y <= 0.95) inside = Math.abs(x - 0.5) <= half * Math.sqrt(Math.max(0, 1 - ((y - 0.52) / 0.43) ** 2));
  if (!inside) return 0; // transparent
  const check = Math.min(segDist(x, y, 0.32, 0.5, 0.45, 0.64), segDist(x, y, 0.45, 0.64, 0.69, 0.37));
  return check < 0.06 ? 2 : 1; // 2 white, 1 blue
}
function icon(size) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let a = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const v = shieldPixel((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (v) a++;
          if (v === 2) white++;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const w = a ? white / a : 0;
      raw[o] = Math.round(0x1d + (255 - 0x1d) * w);
      raw[o + 1] = Math.round(0x4e + (255 - 0x4e) * w);
      raw[o + 2] = Math.round(0xd8 + (255 - 0xd8) * w);
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const s = path.join(from, e.name);
    const d = path.join(to, e.name);
    if (e.isDirectory()) copyDir(s, d);
    else fs.copyFileSync(s, d);
  }
}

/**
 * manifestFor returns the manifest of one browser. The source manifest names both backgrounds; each store
 * gets only its own (Chromium ignores "scripts" and Firefox "service_worker", each with a warning), and
 * the version name carries the engine id, so a user (and a bug report) can tell which engine decides.
 */
export function manifestFor(browser, source, { version, engineId }) {
  const m = structuredClone(source);
  m.version = version;
  const named = `${version} (engine ${engineId.slice(0, 12)})`;
  if (browser === 'chrome') {
    delete m.background.scripts;
    delete m.browser_specific_settings;
    m.version_name = named;
  } else if (browser === 'firefox') {
    delete m.background.service_worker;
    m.version_name = named;
  } else throw new Error(`no manifest for ${browser}`);
  return m;
}

/**
 * manifestHostProblems lists where a manifest's hosts differ from the site modules' (sites/index.js): the
 * host permissions and content.js's matches are the sites' domains, sent.js's the invitation manager's.
 * The build refuses a manifest with problems, so a site is added in sites/ and the manifest follows.
 */
export function manifestHostProblems(m) {
  const hosts = DOMAINS.map((d) => `https://*.${d}/*`);
  const same = (got, want) => JSON.stringify([...(got ?? [])].sort()) === JSON.stringify([...want].sort());
  const script = (name) => m.content_scripts?.find((c) => c.js?.includes(name))?.matches;
  const problems = [];
  if (!same(m.host_permissions, hosts)) problems.push(`host_permissions must be ${JSON.stringify(hosts)} (the sites' domains)`);
  if (!same(script('content.js'), hosts)) problems.push(`content.js must match ${JSON.stringify(hosts)} (the sites' domains)`);
  if (!same(script('sent.js'), SENT_LIST.matches)) problems.push(`sent.js must match ${JSON.stringify(SENT_LIST.matches)} (SENT_LIST.matches)`);
  return problems;
}

/** files lists a directory's files as { name (with /), data }, for the packages. */
function files(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, `${prefix}${e.name}/`));
    else out.push({ name: `${prefix}${e.name}`, data: fs.readFileSync(p) });
  }
  return out;
}

/**
 * buildExtension builds both unpacked extensions (into out and outFirefox) and returns
 * { out, outFirefox, engineId, version }.
 */
export async function buildExtension({ out = OUT, outFirefox = OUT_FIREFOX } = {}) {
  ensureWasm();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'ui'), { recursive: true });
  fs.mkdirSync(path.join(out, 'icons'), { recursive: true });

  const common = { bundle: true, format: 'iife', target: ['chrome120', 'firefox121'], logLevel: 'warning', legalComments: 'none', charset: 'utf8' };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(here, 'content/main.js')], outfile: path.join(out, 'content.js') }),
    build({ ...common, entryPoints: [path.join(here, 'background/main.js')], outfile: path.join(out, 'background.js') }),
    build({ ...common, entryPoints: [path.join(here, 'content/sent-main.js')], outfile: path.join(out, 'sent.js') }),
    build({ ...common, entryPoints: [path.join(here, 'ui/options.js')], outfile: path.join(out, 'ui/options.js') }),
    build({ ...common, entryPoints: [path.join(here, 'ui/popup.js')], outfile: path.join(out, 'ui/popup.js') }),
    build({ ...common, entryPoints: [path.join(here, 'ui/burst.js')], outfile: path.join(out, 'ui/burst.js') }),
  ]);

  copyDir(path.join(here, '_locales'), path.join(out, '_locales'));
  for (const f of fs.readdirSync(path.join(here, 'ui'))) {
    if (/\.(html|css)$/.test(f)) fs.copyFileSync(path.join(here, 'ui', f), path.join(out, 'ui', f));
  }
  for (const size of [16, 48, 128]) fs.writeFileSync(path.join(out, 'icons', `icon-${size}.png`), icon(size));
  fs.copyFileSync(wasm, path.join(out, 'core.wasm'));
  const engineId = createHash('sha256')
    .update(fs.readFileSync(path.join(out, 'core.wasm')))
    .digest('hex');

  const { version } = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
  const source = JSON.parse(fs.readFileSync(path.join(here, 'manifest.json'), 'utf8'));
  const problems = manifestHostProblems(source);
  if (problems.length) throw new Error(`manifest.json does not match the site modules:\n  ${problems.join('\n  ')}`);
  const write = (dir, browser) =>
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser, source, { version, engineId }), null, 2) + '\n');
  write(out, 'chrome');
  fs.rmSync(outFirefox, { recursive: true, force: true });
  copyDir(out, outFirefox);
  write(outFirefox, 'firefox');
  return { out, outFirefox, engineId, version };
}

/**
 * buildPackages writes the store packages of built extensions into dest and returns their paths:
 * Chrome's is the directory zipped; Firefox's is what `web-ext build` makes of it (AMO's layout and
 * file filter), re-packed. Both with sorted entries and fixed timestamps: reproducible.
 */
export async function buildPackages({ out = OUT, outFirefox = OUT_FIREFOX, version, dest = path.join(root, 'build') }) {
  const chrome = path.join(dest, `inviteguard-chrome-${version}.zip`);
  fs.writeFileSync(chrome, writeZip(files(out)));

  const { default: webExt } = await import('web-ext');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-web-ext-'));
  try {
    const made = await webExt.cmd.build({ sourceDir: outFirefox, artifactsDir: tmp, overwriteDest: true, filename: 'amo.zip' }, { shouldExitProgram: false });
    const firefox = path.join(dest, `inviteguard-firefox-${version}.zip`);
    fs.writeFileSync(firefox, writeZip(readZip(fs.readFileSync(made.extensionPath)).map(({ name, data }) => ({ name, data }))));
    return { chrome, firefox };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildExtension();
  console.log(`built ${path.relative(root, built.out)} and ${path.relative(root, built.outFirefox)} (engine id ${built.engineId})`);
  if (process.argv.includes('--packages')) {
    for (const p of Object.values(await buildPackages(built))) console.log(`packaged ${path.relative(root, p)}`);
  }
}
