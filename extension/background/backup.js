// Backup (issue 5): the whole history exported as JSON or CSV and imported back (background/exportimport.js
// does the work; this is its part of the service worker's handler map).

import { exportHistory, importHistory } from './exportimport.js';

/**
 * backupHandlers returns history.export and history.import. deps: engine (its id goes into the export),
 * getDB() → IDBDatabase, now() → Date, onImported(result) — awaited after an import (background/worker.js
 * reloads the taught buttons an import brought back).
 */
export function backupHandlers({ engine, getDB, now = () => new Date(), onImported = async () => {} }) {
  return {
    'history.export': async (p) => exportHistory(await getDB(), { format: p?.format ?? 'json', engineId: engine.engineId, now: now() }),
    'history.import': async (p) => {
      const out = await importHistory(await getDB(), { text: String(p?.text ?? ''), format: p?.format, now: now() });
      await onImported(out);
      return out;
    },
  };
}
