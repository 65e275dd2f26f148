// The content script: the registry of site modules and the hold. It never loads wasm and never talks
// to a server; every decision is a message to the service worker.

import modules from '../sites/index.js';
import { createRegistry } from './registry.js';
import { installHold } from './hold.js';
import { i18n } from './i18n.js';

if (!globalThis.__inviteGuardHold) {
  const registry = createRegistry(modules);
  if (registry.forHost(location.hostname).length) globalThis.__inviteGuardHold = installHold({ registry, i18n });
}
