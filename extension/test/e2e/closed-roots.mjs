// The tests' way into Invite Guard's closed shadow roots, through the browser's debugging protocol only:
// nothing of it ships, and a page script has no such handle (host.shadowRoot is null for it). The
// extension is not asked and exposes no hook; the test holds what a debugger holds.
//  - Chromium (Playwright): CDP Runtime.evaluate in the content script's isolated world (found through
//    Runtime.enable), where chrome.dom.openOrClosedShadowRoot opens a closed root.
//  - Firefox (puppeteer-core over WebDriver BiDi): script.evaluate with serializationOptions
//    includeShadowTree "all" serialises a host's closed root as a shared reference.
// inRoots(page, fn, arg) then runs fn(arg, ...roots) with those roots (in Chromium in that isolated world,
// in Firefox in the page's world): DOM changes and script-made events are what a page script holding the
// roots could do, so the attack tests use it to show that even then nothing is released. fn's answer
// travels as JSON.

const HOSTS = '[data-inviteguard-ui]';
const sessions = new WeakMap();

// Chromium: the content script's isolated world of the page's main frame, found over CDP (Runtime.enable
// reports every execution context; ours has the extension's origin). chrome.dom.openOrClosedShadowRoot
// is there, as in every content script: one round trip per call.
async function worldOf(page) {
  let w = sessions.get(page);
  if (!w) {
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    w = { cdp, frame: frameTree.frame.id, contexts: new Map() };
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
      if (c.auxData?.frameId === w.frame && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) w.contexts.set(c.id, c);
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => w.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => w.contexts.clear());
    await cdp.send('Runtime.enable');
    sessions.set(page, w);
  }
  return w;
}

async function viaCdp(page, fn, arg) {
  const w = await worldOf(page);
  const id = [...w.contexts.keys()].pop();
  if (id == null) return fn(arg); // no content script (yet): no roots of ours
  const expression = `(async () => { const roots = [...document.querySelectorAll(${JSON.stringify(HOSTS)})].map((h) => chrome.dom.openOrClosedShadowRoot(h)).filter(Boolean);
    return JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg ?? null)}, ...roots)); })()`;
  const res = await w.cdp.send('Runtime.evaluate', { expression, contextId: id, awaitPromise: true, returnByValue: true });
  if (res.exceptionDetails) throw new Error(`in the page: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
  return res.result.value === undefined ? undefined : JSON.parse(res.result.value);
}

async function viaBidi(page, fn, arg) {
  const session = page.browser().connection;
  const target = { context: page.mainFrame()._id };
  const list = await session.send('script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(HOSTS)})]`,
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const hosts = list.result.result?.value ?? [];
  const roots = hosts
    .map((h) => h.value?.shadowRoot)
    .filter((r) => r?.sharedId)
    .map((r) => ({ sharedId: r.sharedId }));
  // The answer travels as JSON text: BiDi's remote values would need a decoder for each shape.
  const res = await session.send('script.callFunction', {
    functionDeclaration: `async function (argJSON, ...roots) { const f = (${fn.toString()}); return JSON.stringify(await f(JSON.parse(argJSON), ...roots)); }`,
    target,
    awaitPromise: true,
    arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }, ...roots],
  });
  if (res.result.type === 'exception') throw new Error(`in the page: ${res.result.exceptionDetails?.text}`);
  const out = res.result.result;
  return out?.type === 'string' ? JSON.parse(out.value) : undefined;
}

/** inRoots runs fn(arg, ...roots), roots being Invite Guard's closed shadow roots of the page. */
export function inRoots(page, fn, arg) {
  return typeof page.context === 'function' && typeof page.context().newCDPSession === 'function' ? viaCdp(page, fn, arg) : viaBidi(page, fn, arg);
}
