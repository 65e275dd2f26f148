// The Firefox e2e harness: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (no
// downloaded driver or browser), the built extension installed as a temporary add-on, and the same
// shape as harness.mjs's Chromium launch(): { ctx.route(), bg.evaluate(), sends, violations, page() }.
//
// What differs from Chromium, and how it is bridged here:
//  - BiDi may not navigate a tab to moz-extension:// and does not expose the background page. The
//    harness fixes the extension's internal UUID by pref, opens its options page from the browser
//    chrome (--remote-allow-system-access), and evaluates there with the background page's
//    inviteGuard object (runtime.getBackgroundPage()): the calls run in the background.
//  - Fixture pages are served by one global BiDi intercept (network.addIntercept without contexts),
//    which sees every tab's requests. The background page's own requests are not visible to BiDi, so
//    Firefox is also pointed at a recording proxy on 127.0.0.1: whatever leaves the browser for any
//    host is recorded as a violation there and refused (nothing reaches a real host).

import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** FIREFOX is Debian's firefox-esr, the only Firefox the tests use (never a downloaded one). */
export const FIREFOX = '/usr/bin/firefox-esr';
/** EXT_FIREFOX is the built extension with Firefox's manifest (build.mjs). */
export const EXT_FIREFOX = path.join(ROOT, 'build', 'extension-firefox');
/** ADDON_ID is the gecko id of manifest.json. */
export const ADDON_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
/** UUID is the moz-extension:// host the harness gives the extension (Firefox picks a random one otherwise). */
export const UUID = '5f0c8a52-3d6e-4b0f-9a8e-1c2b3d4e5f60';
export const ORIGIN = `moz-extension://${UUID}`;
const SITE_HOSTS = new Set(['www.linkedin.com', 'www.xing.com']);

/** recordingProxy answers every proxied request or CONNECT with 403 and records its host. */
async function recordingProxy(violations) {
  const server = http.createServer((req, res) => {
    violations.push(`${req.method} ${req.url} (proxy)`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    violations.push(`CONNECT ${req.url} (proxy)`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** prefs are the profile's preferences: the fixed UUID, the language, and the proxy for everything. */
function prefs(lang, proxyPort) {
  const de = lang === 'de';
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    'intl.locale.requested': de ? 'de' : 'en-US',
    'intl.accept_languages': de ? 'de-DE,de' : 'en-US,en',
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    // Firefox's own traffic (remote settings, safe browsing, add-on metadata) goes nowhere.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.update.enabled': false,
    'browser.region.network.url': '',
    'toolkit.telemetry.server': '',
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    // An optional host permission is granted as if the user clicked Allow on the prompt (a doorhanger
    // that BiDi cannot reach); permissions.request must still be called inside the click.
    'extensions.webextOptionalPermissionPrompts': false,
    'extensions.getAddons.cache.enabled': false,
    'app.update.disabledForTesting': true,
  };
}

/** glob turns a Playwright-style URL glob (** and *) into a RegExp. */
function glob(pattern) {
  const re = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${re}$`);
}

/** routeOf wraps one intercepted BiDi request in the part of Playwright's Route the fixtures use. */
function routeOf(session, e, body) {
  const id = e.request.request;
  let done = false;
  const once =
    (fn) =>
    async (...args) => {
      if (done) return;
      done = true;
      await fn(...args).catch(() => {}); // the tab may be gone already
    };
  return {
    request: () => ({
      url: () => e.request.url,
      method: () => e.request.method,
      postData: () => body,
      postDataJSON: () => (body == null ? null : JSON.parse(body)),
    }),
    fulfill: once(({ status = 200, contentType = 'text/plain', body: out = '' }) =>
      session.send('network.provideResponse', {
        request: id,
        statusCode: status,
        reasonPhrase: http.STATUS_CODES[status] ?? '',
        headers: [{ name: 'content-type', value: { type: 'string', value: contentType } }],
        body: { type: 'base64', value: Buffer.from(out).toString('base64') },
      }),
    ),
    continue: once(() => session.send('network.continueRequest', { request: id })),
    abort: once(() => session.send('network.failRequest', { request: id })),
  };
}

/** requestBody reads a POST body through BiDi's data collector (puppeteer-core adds one per session). */
async function requestBody(session, e) {
  if (e.request.method !== 'POST' && e.request.method !== 'PUT') return null;
  try {
    const data = await session.send('network.getData', { dataType: 'request', request: e.request.request });
    const b = data.result.bytes;
    return b.type === 'base64' ? Buffer.from(b.value, 'base64').toString('utf8') : b.value;
  } catch {
    return null;
  }
}

/**
 * launchFirefox starts firefox-esr with the extension. Same options and answer as harness.mjs launch():
 * { browser, ctx: { route, pages }, bg, extId, sends, violations, page(url), extensionPage(rel), close() }.
 */
export async function launchFirefox({ lang = 'en', pages = {}, userDataDir: profile } = {}) {
  if (!fs.existsSync(path.join(EXT_FIREFOX, 'manifest.json'))) throw new Error(`no built extension at ${EXT_FIREFOX}: run npm run build`);
  const sends = [];
  const violations = [];
  const proxy = await recordingProxy(violations);
  const userDataDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ig-ff-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir,
      defaultViewport: { width: 1280, height: 860 },
      args: ['--remote-allow-system-access'],
      // Release builds honour the remote-settings server pref (a dummy) only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: prefs(lang, proxy.address().port),
    });
  } catch (err) {
    proxy.close();
    throw err;
  }
  const session = browser.connection;
  const routes = [];
  const fixture = (url) => {
    const key = `${url.origin}${url.pathname}`;
    const page = pages[key];
    return page ? { status: 200, contentType: 'text/html; charset=utf-8', body: page(url) } : { status: 404, contentType: 'text/plain', body: 'not a fixture' };
  };
  async function onRequest(e) {
    if (!e.isBlocked) return;
    const url = new URL(e.request.url);
    const body = await requestBody(session, e);
    const route = routeOf(session, e, body);
    for (const r of routes) if (r.re.test(e.request.url)) return r.handler(route);
    if (!SITE_HOSTS.has(url.hostname)) {
      violations.push(`${e.request.method} ${e.request.url}`);
      return route.abort();
    }
    if (e.request.method === 'POST') {
      let parsed = body;
      try {
        parsed = JSON.parse(body);
      } catch {
        /* not JSON: keep the text */
      }
      sends.push({ url: url.pathname, body: parsed, at: Date.now() });
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    }
    return route.fulfill(fixture(url));
  }
  session.on('network.beforeRequestSent', (e) => {
    onRequest(e).catch((err) => violations.push(`harness: ${err.message}`));
  });
  await session.send('network.addIntercept', { phases: ['beforeRequestSent'] });

  const extId = await browser.installExtension(EXT_FIREFOX);
  const console_ = await openExtensionPage(browser, 'ui/options.html');
  const bg = {
    /** evaluate runs fn(arg) with globalThis.inviteGuard being the background page's: it runs there. */
    async evaluate(fn, arg) {
      await console_.evaluate(async () => {
        const page = await browser.runtime.getBackgroundPage();
        globalThis.inviteGuard = page.inviteGuard;
        if (!globalThis.inviteGuard) throw new Error('the background page has no inviteGuard');
      });
      return console_.evaluate(fn, arg);
    },
  };
  await bg.evaluate(() => globalThis.inviteGuard.engine.load().catch(() => {}));
  return {
    browserName: 'firefox',
    extOrigin: ORIGIN,
    browser,
    bg,
    sw: bg,
    extId,
    userDataDir,
    sends,
    violations,
    ctx: {
      route: async (pattern, handler) => void routes.push({ re: glob(pattern), handler }),
      pages: () => browser.pages(),
    },
    async page(url) {
      const p = await browser.newPage();
      await p.goto(url);
      return p;
    },
    extensionPage: (rel) => openExtensionPage(browser, rel),
    async close() {
      await browser.close().catch(() => {});
      proxy.close();
      if (!profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * openExtensionPage opens moz-extension://UUID/rel in a new tab from the browser chrome (BiDi refuses
 * to navigate there) and returns its puppeteer Page.
 */
export async function openExtensionPage(browser, rel) {
  const session = browser.connection;
  const before = new Set(await browser.pages());
  const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!chrome) throw new Error('no browser window to open an extension page from');
  const url = `${ORIGIN}/${rel}`;
  await session.send('script.evaluate', {
    expression: `openTrustedLinkIn(${JSON.stringify(url)}, 'tab'); 0`,
    target: { context: chrome.context },
    awaitPromise: false,
  });
  const end = Date.now() + 15000;
  while (Date.now() < end) {
    for (const p of await browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(url) && (await p.evaluate(() => document.readyState).catch(() => '')) === 'complete') return p;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the extension page ${url} did not open`);
}
