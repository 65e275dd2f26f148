// The message catalogue: every op the service worker answers, who may send it, and the shape of its
// request and of its answer. background/main.js admits a message only through admit() below and
// background/handlers.js's dispatch() answers only the ops written here, so a message a sender may not
// send changes nothing and a handler without a line is never reached.
//
//   EXT      the extension's own pages (popup, options: chrome-extension://<id>/…, moz-extension://…)
//   SITE     also the content scripts on linkedin.com and xing.com pages (content.js)
//   MANAGER  also the content script of LinkedIn's invitation manager (sent.js: scans and job steps)
//
// Adding an op is one line here next to its handler (handlers.js, withdrawals.js, sync.js, backup.js,
// rules.js). test/unit/catalogue.test.mjs fails until every handler has a line and every line a handler.
//
// Shapes: a message is {op, ...request}; the answer is {ok: answer} or {error: {code, message}} (codes:
// core.Error's, plus forbidden and unsupported). `?` marks an optional field, `|` alternatives, `…` fields
// left out here (background/STORAGE.md has the stored rows: batch, invitation, scan, job, rule). From a tab,
// the worker sets senderTabId and drops a `now` (see admit).

import { DOMAIN_RE, SENT_LIST } from '../sites/index.js';

export const EXT = 'extension';
export const SITE = 'site';
export const MANAGER = 'manager';

/** OPS maps each op to [the widest sender that may call it, its request, its answer]. */
export const OPS = {
  // the held dialog and the rapid-Connect count (content/hold.js)
  decide: [
    SITE,
    '{network, surface, rows: {front, tails, bits, names?} (shared/rows-wire.js) | recipients: [{key, selected, name?, member?, inTarget?, optedOut?}], target?, message?, now?}',
    '{decisionJSON (for rows) | decision, engineId, timings: {historyMs, decideMs, workerMs}}',
  ],
  record: [SITE, '{network, surface, target?, recipients: [{key, name?, member?, flags?}], decision?, pageUrl?}', '{batchId, count}'],
  'policy.get': [SITE, '{}', '{policy, defaults}'],
  'velocity.recent': [SITE, '{network, surface, windowSeconds?}', '{times: [iso]}'],
  'options.open': [SITE, '{}', '{}'],
  // taught buttons (content/taught.js: the rules of this host, teaching one, the notice's Undo)
  'rules.list': [SITE, '{host?}', '{rules: [rule]}'],
  'rules.add': [SITE, '{seen: {host, path, role, name, knownNames, siblings}}', '{rule, existed}'],
  'rules.remove': [SITE, '{id}', '{removed: id}'],
  // the scan reminder on LinkedIn pages (content/reminder.js; the worker's clock decides, background/reminder.js)
  'reminder.check': [SITE, '{}', '{show, reason: never_scanned|scan_old|recent_scan|new|shown_today|snoozed|scan|job, days?}'],
  'reminder.shown': [SITE, '{}', '{first}'],
  'reminder.snooze': [SITE, '{}', '{snoozedUntil}'],
  'reminder.accept': [SITE, '{}', '{scanId}'],
  // the Sent-list runner (content/sent-main.js, content/runner.js)
  'sent.task': [
    MANAGER,
    '{}',
    '{kind: scan|item|waiting|paused|stopped|done|none|other_tab, scanId?, pace?, item?, inFlight?, waitMs?, dryRun?, until?, reason?, job?}',
  ],
  'scan.count': [MANAGER, '{text}', '{count: number|null}'],
  'scan.submit': [
    MANAGER,
    '{cards, complete, totalText?, stats?, scanId?, network?}',
    '{scan, result: {imported, matched, changed, total, seen, warnings}, offers: [burst offer], burstError?}',
  ],
  'job.begin': [MANAGER, '{jobId, seq}', '{go, state?}'],
  'job.recheck': [MANAGER, '{jobId, seq}', '{ok}'],
  'job.result': [MANAGER, '{jobId, seq, result, detail?, ms?, pageMs?}', '{job: summary}'],
  'job.stop': [MANAGER, '{jobId, reason, detail?, seq?}', '{job: summary}'],
  'job.get': [MANAGER, '{jobId, items?}', '{job: summary (+ items)}'],
  'job.pause': [MANAGER, '{jobId}', '{job: summary}'],
  'job.resume': [MANAGER, '{jobId}', '{job: summary}'],
  'job.cancel': [MANAGER, '{jobId}', '{job: summary}'],
  // the overlay's "Review and undo" after a scan found a burst (opens ui/burst.html)
  'burst.review': [MANAGER, '{burstId}', '{}'],
  // the popup and the options page
  'engine.info': [EXT, '{}', '{ready, engineId, size, version, timings, memoryBytes, calls, recycled, lastError}'],
  'policy.set': [EXT, '{policy}', '{policy}'],
  'policy.reset': [EXT, '{}', '{policy}'],
  'history.batches': [EXT, '{limit?}', '{batches: [batch]}'],
  'history.invitations': [EXT, '{batchId}', '{invitations: [invitation]}'],
  'history.clear': [EXT, '{}', '{}'],
  'history.export': [EXT, '{format?: json|csv}', '{filename, mime, text, count}'],
  'history.import': [EXT, '{text, format?}', '{batches, invitations, rules, skipped, importedAt}'],
  'batches.list': [EXT, '{limit?}', '{batches: [batch + {status, counts}], active: summary|null}'],
  'invitations.pending': [EXT, '{limit?}', '{invitations: [{id, key, name, sentAt, batchId, source, member}]}'],
  'scan.start': [EXT, '{}', '{scanId}'],
  'scan.list': [EXT, '{limit?}', '{scans: [scan]}'],
  'sent.open': [EXT, '{}', '{}'],
  'withdraw.plan': [EXT, '{selector: {kind, …}, dryRun?, seed?}', '{job}'],
  'withdraw.start': [EXT, '{jobId}', '{job: summary}'],
  'job.active': [EXT, '{}', '{job: summary|null}'],
  'job.list': [EXT, '{limit?}', '{jobs: [summary]}'],
  'sync.get': [EXT, '{}', '{enabled, url, hasToken, last: {at, ok, error, stats}, queued, failed, nextDueAt, lastError}'],
  'sync.configure': [EXT, '{enabled, url?, token?}', '{enabled, url, hasToken, last, queued, failed, nextDueAt, lastError}'],
  'sync.test': [EXT, '{url?, token?}', '{ok, user?, engine?, sameEngine?, error?}'],
  'sync.flush': [EXT, '{force?}', '{enabled, stats?, queued, failed, nextDueAt, lastError}'],
  'sync.rejected': [EXT, '{}', '{items: [{seq, kind, method, path, ref, count, createdAt, lastTriedAt, attempts, error}]}'],
  'sync.retry': [EXT, '{seq}', "{seq, outcome: 'sent' | 'refused' | 'queued', error?}"],
  'sync.discard': [EXT, '{seq}', '{seq, enabled, url, hasToken, last, queued, failed, nextDueAt, lastError}'],
  'report.open': [EXT, '{}', '{}'],
  // the popup's offer and the review page (background/burst-handlers.js)
  'burst.offers': [EXT, '{}', '{offers: [{id, from, to, resolution, count, pending, accepted, gone, usualPerDay}]}'],
  'burst.get': [EXT, '{burstId}', '{burst: offer, people: [{id, key, name, state, withdrawable}], handled, dailyCap}'],
  'burst.plan': [EXT, '{burstId, keys: [key], dryRun?}', '{job}'],
  'burst.start': [EXT, '{burstId, jobId}', '{job: summary, batchId?}'],
  'burst.dismiss': [EXT, '{burstId}', '{dismissed: burstId}'],
};

/** CATALOGUE maps each op to the widest sender that may call it (OPS's first column). */
export const CATALOGUE = Object.fromEntries(Object.entries(OPS).map(([op, [from]]) => [op, from]));

/** SITE_PAGE matches the pages content.js runs on (the sites' domains and their subdomains, as in the manifest). */
export const SITE_PAGE = new RegExp(`^https://(?:[a-z0-9-]+\\.)*${DOMAIN_RE}/`, 'i');
/** MANAGER_PAGE matches LinkedIn's invitation manager, where sent.js runs. */
export const MANAGER_PAGE = SENT_LIST.page;

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
    return {
      forbidden: {
        error: { code: 'forbidden', message: `"${op}" may not be sent from ${from ? `this ${from === EXT ? 'extension page' : 'page'}` : 'this sender'}` },
      },
    };
  }
  const out = { ...msg };
  delete out.senderTabId;
  if (from !== EXT) delete out.now;
  if (sender.tab) out.senderTabId = sender.tab.id;
  return { msg: out };
}
