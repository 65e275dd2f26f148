// Test harness for the site modules: real Chromium (playwright-core), each fixture
// served at its real URL by route interception, the modules' ES source served
// from /__ig/sites/ on the same origin and imported into the page as-is.

import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SITES = path.resolve(here, '../../sites');
export const FIXTURES = path.resolve(here, '../fixtures');

/** CHROMIUM is Debian's Chromium, the only browser the tests use (never a downloaded one). */
export const CHROMIUM = '/usr/bin/chromium';

/** ARGS are the Chromium flags every test uses, unit and e2e (no network but the routed pages). */
export const ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** launch starts headless Debian Chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** fixtureList returns the fixture manifest (fixtures/fixtures.json). */
export async function fixtureList() {
  return JSON.parse(await readFile(path.join(FIXTURES, 'fixtures.json'), 'utf8'));
}

/**
 * open serves the fixture file at url, imports the site modules into the page as
 * window.__ig and returns the page. Every other request is aborted.
 */
export async function open(browser, file, url) {
  return openHtml(browser, await readFile(path.join(FIXTURES, file), 'utf8'), url);
}

/** openHtml is open for a page given as HTML (a generated screen), in a context of its own. */
export async function openHtml(browser, html, url) {
  const context = await browser.newContext({ locale: 'en-US' });
  const served = { url, html };
  await context.route('**/*', (route) => serve(route, served));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await load(page, url);
  page.errors = errors;
  return page;
}

/**
 * serve answers one request of a test page: the site modules from /__ig/sites/, the served page's HTML at
 * its URL (any fragment), nothing else.
 */
async function serve(route, served) {
  const u = new URL(route.request().url());
  if (u.pathname.startsWith('/__ig/sites/')) {
    const rel = path.normalize(u.pathname.slice('/__ig/sites/'.length));
    if (rel.startsWith('..')) return route.abort();
    try {
      const body = await readFile(path.join(SITES, rel), 'utf8');
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  if (u.href.split('#')[0] === served.url.split('#')[0]) {
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html });
  }
  return route.abort();
}

/** load opens url in page (a new document) and imports the site modules into it as window.__ig. */
async function load(page, url) {
  await page.goto(url);
  await page.evaluate(async () => {
    const index = await import('/__ig/sites/index.js');
    const sent = await import('/__ig/sites/linkedin/sent-list.js').catch(() => null);
    window.__ig = { modules: index.default, sentList: sent && sent.default, last: null };
  });
}

// One page per browser, navigated to each screen in turn: a context and a page cost 0.5–0.9 s to make,
// the navigation alone is a new document all the same (the page goes to about:blank first, so that a
// screen at the same URL but another fragment is loaded anew, not scrolled to).
const pools = new WeakMap();

function pooled(browser) {
  let pool = pools.get(browser);
  if (!pool) {
    pool = (async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const p = { served: { url: 'about:blank', html: '' }, errors: [], busy: Promise.resolve() };
      await context.route('**/*', (route) => serve(route, p.served));
      p.page = await context.newPage();
      p.page.on('pageerror', (e) => p.errors.push(e));
      return p;
    })();
    pools.set(browser, pool);
  }
  return pool;
}

/**
 * withHtml serves html at url in the browser's one reused page, imports the site modules and runs
 * fn(page); page.errors are the errors of this document only. Calls take their turn.
 */
export async function withHtml(browser, html, url, fn) {
  const pool = await pooled(browser);
  const turn = pool.busy.then(async () => {
    const { page } = pool;
    await page.goto('about:blank');
    pool.served = { url, html };
    pool.errors = [];
    page.errors = pool.errors;
    await load(page, url);
    return fn(page);
  });
  pool.busy = turn.catch(() => {});
  return turn;
}

/**
 * detect runs the registry's walk over the modules for the element matching
 * selector (or the innermost element at it, when inner is true) and keeps the
 * answer in the page. Returns { id, surface, unreadable, expected } or null.
 */
export function detect(page, selector) {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) throw new Error('no element ' + sel);
    const inner = target.querySelector('span,b') || target;
    for (const m of window.__ig.modules) {
      if (!m.hosts.includes(location.hostname)) continue;
      const d = m.detect(inner, document);
      if (d) {
        window.__ig.last = { m, d };
        return {
          id: m.id,
          surface: d.surface || m.surface,
          kind: m.kind,
          unreadable: !!d.unreadable,
          expected: d.expected ?? null,
          selected: d.selected ?? null,
          actionIsTarget: d.action === target || d.action.contains(target),
        };
      }
    }
    window.__ig.last = null;
    return null;
  }, selector);
}

/**
 * read reads the last detection's recipients as content/hold does first: with the
 * detection as third argument (velocity modules get the action). reread is the
 * check after apply: read(scope, doc) alone.
 */
export function read(page, again = false) {
  return page.evaluate((again) => {
    const { m, d } = window.__ig.last;
    const r = m.kind === 'velocity' ? m.read(d.action, document, d) : again ? m.read(d.scope, document) : m.read(d.scope, document, d);
    return JSON.parse(JSON.stringify(r));
  }, again);
}

/** reread reads again the way content/hold checks the selection after apply. */
export function reread(page) {
  return read(page, true);
}

/** apply applies a kept set of keys to the last detection's scope and returns what apply returned. */
export function apply(page, keys) {
  return page.evaluate((k) => {
    const { m, d } = window.__ig.last;
    return m.apply(d.scope, new Set(k));
  }, keys);
}

/** clickAction clicks the detected action the way content/hold releases it, and returns window.__sent. */
export function release(page) {
  return page.evaluate(() => {
    window.__ig.last.d.action.click();
    return window.__sent;
  });
}

/** selectedKeys returns the keys of the selected recipients in r. */
export function selectedKeys(r) {
  return r.recipients.filter((x) => x.selected).map((x) => x.key);
}

/** withPage serves a fixture at url in the browser's reused page and runs fn(page) (withHtml). */
export async function withPage(browser, file, url, fn) {
  return withHtml(browser, await readFile(path.join(FIXTURES, file), 'utf8'), url, fn);
}

/** negativeTest registers a test asserting that no module takes any of the selectors on a fixture. */
export function negativeTest(test, assert, getBrowser, [name, file, url, selectors]) {
  test('not detected: ' + name, () =>
    withPage(getBrowser(), file, url, async (page) => {
      for (const sel of selectors) assert.equal(await detect(page, sel), null, sel);
    }),
  );
}
