// The e2e harness: Debian's Chromium with the built extension, fixture pages served at the real URLs by
// route interception, every "send" recorded, and any request to another host recorded as a violation.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARGS, CHROMIUM } from '../unit/harness.mjs';
import { ours } from './locator.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../../..');
export const EXT = path.join(ROOT, 'build', 'extension');
export const SHOTS = path.join(ROOT, 'build', 'screenshots');
const SITE_HOSTS = new Set(['www.linkedin.com', 'www.xing.com']);

// Let the service worker's own requests pass through the context's routes too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * launch starts Chromium with the extension. pages maps a URL (exact, without query) to a function
 * (url) → html. userDataDir: a profile to launch with (a browser restart launches the same one again);
 * the caller owns it and close() keeps it. Without it each launch gets a fresh profile, removed on close().
 * Returns { ctx, sw, extId, sends, violations, page(), close() }.
 */
export async function launch({ lang = 'en', pages = {}, extraArgs = [], userDataDir: profile } = {}) {
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error(`no built extension at ${EXT}: run npm run build`);
  const userDataDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ig-e2e-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    locale: lang === 'de' ? 'de-DE' : 'en-US',
    viewport: { width: 1280, height: 860 },
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      ...ARGS,
      `--lang=${lang === 'de' ? 'de' : 'en-US'}`,
      ...extraArgs,
    ],
    extraHTTPHeaders: { 'Accept-Language': lang === 'de' ? 'de-DE,de;q=0.9' : 'en-US,en;q=0.9' },
  });
  const sends = [];
  const violations = [];
  await ctx.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:') return route.continue(); // the extension's own files
    if (!SITE_HOSTS.has(url.hostname)) {
      violations.push(`${req.method()} ${req.url()}`);
      return route.abort('blockedbyclient');
    }
    if (req.method() === 'POST') {
      sends.push({ url: url.pathname, body: req.postDataJSON?.() ?? req.postData(), at: Date.now() });
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    }
    const key = `${url.origin}${url.pathname}`;
    const page = pages[key];
    if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page(url) });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
  });
  let sw = ctx.serviceWorkers()[0];
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  // IG_CLOCK_OFFSET_DAYS=N runs the worker N days ahead (its Date, and so the engine's WASI clock):
  // the suite must pass on any date. (faketime cannot run Debian's Chromium: its renderers hang.)
  const offsetDays = Number(process.env.IG_CLOCK_OFFSET_DAYS || 0);
  if (offsetDays) await sw.evaluate(shiftClockSource(), offsetDays * 86_400_000);
  // Wait for the engine (it may legitimately fail: the tests of the fallback need that too).
  await sw.evaluate(() => globalThis.inviteGuard.engine.load().catch(() => {}));
  return {
    ctx,
    sw,
    userDataDir,
    extId,
    sends,
    violations,
    async page(url) {
      const p = await ctx.newPage();
      await p.goto(url);
      return p;
    },
    async close() {
      await ctx.close();
      if (!profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** RELOAD_WAIT_MS bounds the wait for the new service worker after an extension reload (it starts in
 * under a second on a quiet machine; the bound is for a machine shared by many). */
const RELOAD_WAIT_MS = 90_000;

/**
 * reloadExtension reloads the extension as an update does (chrome.runtime.reload(): the worker stops, every
 * content script is cut off from the extension, a new worker starts on the same database) and sets h.sw to
 * the new worker, ready (clock shifted as at launch, engine loaded). Chromium disables a reloaded unpacked
 * extension unless developer mode is on (disable reason "unsupportedDeveloperExtension": the new worker then
 * never comes), so the first reload switches developer mode on in chrome://extensions, as a developer has it.
 */
export async function reloadExtension(h) {
  await developerMode(h);
  const old = h.sw;
  await old.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker may be gone before it answers
  const end = Date.now() + RELOAD_WAIT_MS;
  let sw = null;
  while (!sw) {
    sw = h.ctx.serviceWorkers().find((w) => w !== old && w.url().startsWith(`chrome-extension://${h.extId}/`));
    if (sw) break;
    if (Date.now() > end) throw new Error(`no new service worker within ${RELOAD_WAIT_MS / 1000} s of chrome.runtime.reload()`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const offsetDays = Number(process.env.IG_CLOCK_OFFSET_DAYS || 0);
  if (offsetDays) await sw.evaluate(shiftClockSource(), offsetDays * 86_400_000);
  await sw.evaluate(() => globalThis.inviteGuard.engine.load().catch(() => {}));
  h.sw = sw;
  return sw;
}

/** developerMode switches chrome://extensions' developer mode on (once per launch; see reloadExtension). */
export async function developerMode(h) {
  if (h.developerMode) return;
  const p = await h.ctx.newPage();
  await p.goto('chrome://extensions/');
  await p.evaluate(() => new Promise((resolve) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve)));
  await p.close();
  h.developerMode = true;
}

/** shiftClockSource returns a function (for sw.evaluate) that moves the worker's Date ahead by ms. */
function shiftClockSource() {
  return (ms) => {
    const Real = globalThis.Date;
    if (Real.__shifted) return;
    function Shifted(...a) {
      if (!new.target) return new Real(Real.now() + ms).toString();
      return a.length ? new Real(...a) : new Real(Real.now() + ms);
    }
    Shifted.now = () => Real.now() + ms;
    Shifted.parse = Real.parse;
    Shifted.UTC = Real.UTC;
    Shifted.prototype = Real.prototype;
    Shifted.__shifted = true;
    globalThis.Date = Shifted;
  };
}

/** dialog returns the Invite Guard dialog locator of a page (in its closed shadow root: locator.mjs). */
export function dialog(page) {
  return ours(page).getByRole('dialog', { name: 'Invite Guard' });
}

/** shot saves a screenshot under build/screenshots/. */
export async function shot(page, name, opts = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), ...opts });
}

/** setPolicy changes some policy fields through the worker (validated by the core). */
export async function setPolicy(sw, patch) {
  return sw.evaluate(async (patch) => {
    const ig = globalThis.inviteGuard;
    const cur = await ig.dispatch({ op: 'policy.get' });
    return ig.dispatch({ op: 'policy.set', policy: { ...cur.ok.policy, ...patch } });
  }, patch);
}

/** sentBy returns what a fixture page recorded as sent (window.sent or window.__sent). */
export function sentBy(page) {
  return page.evaluate(() => window.sent ?? window.__sent);
}

/** fixture serves a saved fixture file of test/fixtures/ (the site modules' fixtures). */
export function fixture(rel) {
  const file = path.join(ROOT, 'extension', 'test', 'fixtures', rel);
  return () => fs.readFileSync(file, 'utf8');
}

/** goldenCases lists every case of core/testdata as { op, name, in, out } (file paths), sorted. */
export function goldenCases() {
  const data = path.join(ROOT, 'core', 'testdata');
  const out = [];
  for (const op of fs.readdirSync(data).sort()) {
    const dir = path.join(data, op);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.in.json')) continue;
      const name = f.slice(0, -'.in.json'.length);
      out.push({ op, name, in: path.join(dir, f), out: path.join(dir, `${name}.out.json`) });
    }
  }
  return out;
}
