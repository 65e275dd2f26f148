// The content script: the registry of site modules and the hold. It never loads wasm and never talks
// to a server; every decision is a message to the service worker.

import modules, { warmReaders } from '../sites/index.js';
import { warmPending } from './pending.js';
import { createRegistry } from './registry.js';
import { installHold } from './hold.js';
import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { createTaught } from './taught.js';
import { screenReport, showReport } from './screen-report.js';
import { createReminderNote } from './reminder.js';

if (!globalThis.__inviteGuardHold) {
  // The buttons the user taught are one more module, asked after every site module (issue 9).
  const network = /(^|\.)xing\.com$/.test(location.hostname) ? 'xing' : 'linkedin';
  const report = () => {
    const detect = (el) => registry.detect(el, document, location.hostname)?.module.id ?? '';
    send('rules.list', { host: location.hostname }).then((res) => {
      showReport({ i18n, text: screenReport(document, { detect, taught: res.ok?.rules.length ?? 0 }) });
    });
  };
  const taught = createTaught({ i18n, send, network, onReport: report, onRules: () => globalThis.__inviteGuardHold?.forget() });
  const registry = createRegistry([...modules, taught.module]);
  if (registry.forHost(location.hostname).length) {
    globalThis.__inviteGuardHold = installHold({ registry, i18n });
    taught.install();
    // The first held click runs the readers and the dialog's code for the first time in this page (compiled
    // then, the vocabulary's expressions too): do that once while the browser is idle (issue 14).
    whenIdle(() => {
      warmReaders(document);
      warmPending(i18n);
    });
  }
}

// Issue 12: on LinkedIn, the note that offers a check of the Sent list when one is due (the worker decides).
if (!globalThis.__inviteGuardReminder && /(^|\.)linkedin\.com$/.test(location.hostname)) {
  globalThis.__inviteGuardReminder = createReminderNote({ send, i18n });
  const go = () => globalThis.__inviteGuardReminder.start().catch((err) => console.error('Invite Guard: reminder', err));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else go();
}

/** whenIdle runs fn once the browser is idle (at the latest after 2 s); a failure is logged, never thrown. */
function whenIdle(fn) {
  const run = () => {
    try {
      fn();
    } catch (err) {
      console.error('Invite Guard: warming up', err);
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
