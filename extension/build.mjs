// Builds the unpacked extension into build/extension/: bundles the content script, the background
// (one classic script that runs as Chromium's service worker and as Firefox's background script) and
// the UI pages with esbuild, copies manifest, locales and pages, draws the icons, and copies the very
// bytes of build/core.wasm (built with the Go toolchain if it is missing).

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, 'build', 'extension');
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
function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
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
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
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

export async function buildExtension() {
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
  ]);

  const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(here, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  copyDir(path.join(here, '_locales'), path.join(out, '_locales'));
  for (const f of fs.readdirSync(path.join(here, 'ui'))) {
    if (/\.(html|css)$/.test(f)) fs.copyFileSync(path.join(here, 'ui', f), path.join(out, 'ui', f));
  }
  for (const size of [16, 48, 128]) fs.writeFileSync(path.join(out, 'icons', `icon-${size}.png`), icon(size));
  fs.copyFileSync(wasm, path.join(out, 'core.wasm'));

  const engineId = createHash('sha256').update(fs.readFileSync(path.join(out, 'core.wasm'))).digest('hex');
  return { out, engineId };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { out: dir, engineId } = await buildExtension();
  console.log(`built ${path.relative(root, dir)} (engine id ${engineId})`);
}
