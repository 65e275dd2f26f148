// The tests' way into Invite Guard's closed shadow roots, through the browser's debugging protocol only:
// nothing of it ships, and a page script has no such handle (host.shadowRoot is null for it). The
// extension is not asked and exposes no hook; the test holds what a debugger holds.
//  - Chromium (Playwright): CDP DOM.describeNode({ pierce }) lists a host's closed root;
//    DOM.resolveNode gives it as an object of the page's main world.
//  - Firefox (puppeteer-core over WebDriver BiDi): script.evaluate with serializationOptions
//    includeShadowTree "all" serialises a host's closed root as a shared reference.
// inRoots(page, fn, arg) then runs fn(arg, ...roots) in the page's main world with those roots, as a page
// script would run if it had them: the attack tests use it to show that even then nothing is released.

const HOSTS = '[data-inviteguard-ui]';
const sessions = new WeakMap();

async function cdpOf(page) {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

async function viaCdp(page, fn, arg) {
  const cdp = await cdpOf(page);
  const group = `ig-roots-${Math.random().toString(36).slice(2)}`;
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: HOSTS });
    const roots = [];
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true }).catch(() => ({ node: {} }));
      for (const sr of node.shadowRoots ?? []) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: sr.backendNodeId, objectGroup: group });
        roots.push({ objectId: object.objectId });
      }
    }
    const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document', objectGroup: group });
    const res = await cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: fn.toString(),
      objectId: doc.objectId,
      arguments: [{ value: arg ?? null }, ...roots],
      returnByValue: true,
      awaitPromise: true,
      objectGroup: group,
    });
    if (res.exceptionDetails) throw new Error(`in the page: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
  }
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
  const roots = hosts.map((h) => h.value?.shadowRoot).filter((r) => r?.sharedId).map((r) => ({ sharedId: r.sharedId }));
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

/** inRoots runs fn(arg, ...roots) in the page's main world, roots being Invite Guard's closed shadow roots. */
export function inRoots(page, fn, arg) {
  return typeof page.context === 'function' && typeof page.context().newCDPSession === 'function' ? viaCdp(page, fn, arg) : viaBidi(page, fn, arg);
}
