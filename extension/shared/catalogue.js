// The message catalogue: every op the service worker answers and who may send it. background/main.js
// dispatches only through allow() below, so a message a sender may not send changes nothing.
//
//   EXT      the extension's own pages (popup, options: chrome-extension://<id>/…, moz-extension://…)
//   SITE     also the content scripts on linkedin.com and xing.com pages (content.js)
//   MANAGER  also the content script of LinkedIn's invitation manager (sent.js: scans and job steps)
//
// Adding an op is one line here next to its handler (handlers.js, undo.js, …). An op without a line is
// for the extension's pages only, and test/unit/catalogue.test.mjs fails until the line is written.

export const EXT = 'extension';
export const SITE = 'site';
export const MANAGER = 'manager';

/** CATALOGUE maps each op to the widest sender that may call it. */
export const CATALOGUE = {
  // the held dialog and the rapid-Connect count (content/hold.js)
  decide: SITE,
  record: SITE,
  'policy.get': SITE,
  'velocity.recent': SITE,
  'options.open': SITE,
  // taught buttons (content/taught.js: the rules of this host, teaching one, the notice's Undo)
  'rules.list': SITE,
  'rules.add': SITE,
  'rules.remove': SITE,
  // the Sent-list runner (content/sent-main.js, content/runner.js)
  'sent.task': MANAGER,
  'scan.count': MANAGER,
  'scan.submit': MANAGER,
  'job.begin': MANAGER,
  'job.recheck': MANAGER,
  'job.result': MANAGER,
  'job.stop': MANAGER,
  'job.get': MANAGER,
  'job.pause': MANAGER,
  'job.resume': MANAGER,
  'job.cancel': MANAGER,
  // the popup and the options page
  'engine.info': EXT,
  'policy.set': EXT,
  'policy.reset': EXT,
  'history.batches': EXT,
  'history.invitations': EXT,
  'history.clear': EXT,
  'history.export': EXT,
  'history.import': EXT,
  'batches.list': EXT,
  'invitations.pending': EXT,
  'scan.start': EXT,
  'scan.list': EXT,
  'sent.open': EXT,
  'withdraw.plan': EXT,
  'withdraw.start': EXT,
  'job.active': EXT,
  'job.list': EXT,
  'sync.get': EXT,
  'sync.configure': EXT,
  'sync.test': EXT,
  'sync.flush': EXT,
  'report.open': EXT,
};

/** SITE_PAGE matches the pages content.js runs on (manifest.json's content_scripts). */
export const SITE_PAGE = /^https:\/\/(?:[a-z0-9-]+\.)*(?:linkedin|xing)\.com\//i;
/** MANAGER_PAGE matches LinkedIn's invitation manager, where sent.js runs. */
export const MANAGER_PAGE = /^https:\/\/www\.linkedin\.com\/(?:mynetwork\/invitation-manager|inbox\/invitations)(?:[/?#]|$)/;

const RANK = { [SITE]: 1, [MANAGER]: 2, [EXT]: 3 };

/**
 * senderOf says who sent a runtime message: EXT for the extension's own pages (also when one is open in a
 * tab), MANAGER or SITE for a content script by its page's URL, null for anything else. own is
 * { id: runtime.id, origin: runtime.getURL('') }.
 */
export function senderOf(sender, own) {
  if (!sender || sender.id !== own.id) return null;
  const url = String(sender.url ?? '');
  if (url.startsWith(own.origin)) return EXT;
  if (!sender.tab) return null;
  if (MANAGER_PAGE.test(url)) return MANAGER;
  if (SITE_PAGE.test(url)) return SITE;
  return null;
}

/** allowed reports whether a sender (senderOf's answer) may call op. */
export function allowed(op, from) {
  if (!from) return false;
  if (from === EXT) return true;
  const need = Object.hasOwn(CATALOGUE, op) ? CATALOGUE[op] : EXT;
  return need !== EXT && RANK[from] >= RANK[need];
}

/**
 * admit returns the message a handler may see, or a `forbidden` envelope. From a tab, the fields only
 * the worker may set are dropped (a caller's `now`: the worker's clock decides) and senderTabId is the
 * sender's tab; extension pages keep their `now` (the options page's tests inject time).
 */
export function admit(msg, sender, own) {
  const from = senderOf(sender, own);
  const op = msg?.op;
  if (!allowed(op, from)) {
    return { forbidden: { error: { code: 'forbidden', message: `"${op}" may not be sent from ${from ? `this ${from === EXT ? 'extension page' : 'page'}` : 'this sender'}` } } };
  }
  const out = { ...msg };
  delete out.senderTabId;
  if (from !== EXT) delete out.now;
  if (sender.tab) out.senderTabId = sender.tab.id;
  return { msg: out };
}
