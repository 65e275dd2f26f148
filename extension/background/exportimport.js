// Export and import of the whole history (batches and invitations, plus the taught buttons in JSON) as
// JSON or CSV. Import checks every row first and stores all of it in one transaction or nothing, and never
// overwrites a row already stored (same id): a second import of the same file adds nothing.

import { done, getAll, req } from './idb.js';
import { HandlerError } from './handlers.js';
import { addRules, checkRules, exportRules } from './rules.js';
import { NETWORKS as CORE_NETWORKS, STATES as CORE_STATES } from '../shared/core-constants.js';

export const FORMAT = 'inviteguard-history';
const STATES = new Set(CORE_STATES);
const NETWORKS = new Set(CORE_NETWORKS);
const MAX_ROWS = 200000;
/** MAX_IMPORT_BYTES caps an imported file (a 200,000-row export is about 60 MB of JSON). */
export const MAX_IMPORT_BYTES = 64 * 2 ** 20;

const INV_FIELDS = [
  'id',
  'batchId',
  'key',
  'name',
  'network',
  'surface',
  'target',
  'member',
  'state',
  'sentAt',
  'sentEarliest',
  'withdrawnAt',
  'source',
  'note',
  'flags',
  'verdict',
  'engineId',
];

/** CSV_COLUMNS: one row per invitation; its batch's fields are repeated so that a CSV alone restores the batches. */
export const CSV_COLUMNS = [
  ...INV_FIELDS,
  'batchCreatedAt',
  'batchSurface',
  'batchTarget',
  'batchCount',
  'batchVerdict',
  'batchFriction',
  'batchPageUrl',
  'batchEngineId',
];
// What an import keeps: the exported fields, nothing else (no serverId, queuedAt, record, withdrawnBy, …:
// a file must not mark rows as synced, recorded or withdrawn by the runner). source is always "import".
const IMPORT_INV_STRINGS = ['id', 'batchId', 'key', 'name', 'network', 'surface', 'target', 'state', 'note', 'verdict', 'engineId'];
const OPTIONAL_TIMES = ['sentEarliest', 'withdrawnAt', 'goneAt', 'updatedAt'];
const IMPORT_BATCH_STRINGS = ['id', 'network', 'surface', 'target', 'createdAt', 'releasedAt', 'state', 'engineId', 'pageUrl'];
const MAX_FLAGS = 32;

// A cell a spreadsheet would run as a formula starts with one of = + - @ TAB CR: the server's csvSafe
// (server/export.go) has the same rule; core/testdata/csv_cells.json ties the two.
const FORMULA = /^[=+\-@\t\r]/;

/** csvSafe defuses a cell by putting ' before it, exactly as the server's csvSafe does. */
export function csvSafe(s) {
  return FORMULA.test(s) ? `'${s}` : s;
}

function cell(v) {
  const s = csvSafe(v == null ? '' : String(v)); // names and notes come from web pages
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** uncell undoes csvSafe: the ' goes only where csvSafe put it. */
function uncell(s) {
  return s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s;
}

/** pickStrings copies the named fields of o that are present, as strings. */
function pickStrings(o, fields) {
  const out = {};
  for (const f of fields) if (o[f] != null && o[f] !== '') out[f] = String(o[f]);
  return out;
}

/** parseCSV reads RFC 4180 CSV into rows of strings. */
export function parseCSV(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  let i = 0;
  const s = text.replace(/^\ufeff/, '');
  while (i < s.length) {
    const c = s[i];
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          f += '"';
          i += 2;
          continue;
        }
        q = false;
        i++;
        continue;
      }
      f += c;
      i++;
      continue;
    }
    if (c === '"' && f === '') {
      q = true;
    } else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
    i++;
  }
  if (q) throw new HandlerError('invalid', 'CSV: a quoted field is not closed');
  if (f !== '' || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** exportHistory returns { filename, mime, text } of the whole history. */
export async function exportHistory(db, { format = 'json', engineId = '', now = new Date() } = {}) {
  const [batches, invitations] = await Promise.all([getAll(db, 'batches'), getAll(db, 'invitations')]);
  batches.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  invitations.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : a.id < b.id ? -1 : 1));
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'csv') {
    const byId = new Map(batches.map((b) => [b.id, b]));
    const lines = [CSV_COLUMNS.join(',')];
    for (const inv of invitations) {
      const b = byId.get(inv.batchId);
      const v = {
        ...inv,
        member: inv.member === true ? 'true' : inv.member === false ? 'false' : '',
        flags: (inv.flags ?? []).join(' '),
        batchCreatedAt: b?.createdAt ?? '',
        batchSurface: b?.surface ?? '',
        batchTarget: b?.target ?? '',
        batchCount: b?.count ?? '',
        batchVerdict: b?.decision?.verdict ?? '',
        batchFriction: b?.decision?.friction ?? '',
        batchPageUrl: b?.pageUrl ?? '',
        batchEngineId: b?.engineId ?? '',
      };
      lines.push(CSV_COLUMNS.map((c) => cell(v[c])).join(','));
    }
    return { filename: `inviteguard-history-${stamp}.csv`, mime: 'text/csv', text: lines.join('\r\n') + '\r\n', count: invitations.length };
  }
  const strip = ({ record, ...b }) => b; // the server record is derived data, large, and rebuilt on demand
  const rules = await exportRules(db);
  const doc = { format: FORMAT, version: 1, exportedAt: now.toISOString(), engineId, batches: batches.map(strip), invitations, rules };
  return { filename: `inviteguard-history-${stamp}.json`, mime: 'application/json', text: JSON.stringify(doc, null, 1), count: invitations.length };
}

function checkTime(v, where, optional = false) {
  if ((v == null || v === '') && optional) return undefined;
  const t = Date.parse(v);
  if (typeof v !== 'string' || Number.isNaN(t)) throw new HandlerError('invalid', `${where}: "${v}" is not a date and time`);
  return new Date(t).toISOString() === v ? v : new Date(t).toISOString();
}

/** checkInvitation validates one imported invitation; where names it in the error. */
function checkInvitation(inv, where) {
  if (!inv || typeof inv !== 'object') throw new HandlerError('invalid', `${where}: not an object`);
  for (const f of ['id', 'key']) if (typeof inv[f] !== 'string' || !inv[f].trim()) throw new HandlerError('invalid', `${where}: ${f} is missing`);
  if (!NETWORKS.has(inv.network)) throw new HandlerError('invalid', `${where}: network "${inv.network}" is not ${CORE_NETWORKS.join(' or ')}`);
  if (!STATES.has(inv.state)) throw new HandlerError('invalid', `${where}: state "${inv.state}" is unknown`);
  const out = { batchId: '', name: '', surface: '', target: '', verdict: '', engineId: '', ...pickStrings(inv, IMPORT_INV_STRINGS), source: 'import' };
  out.sentAt = checkTime(inv.sentAt, `${where}: sentAt`);
  if (typeof inv.member === 'boolean') out.member = inv.member;
  out.flags = Array.isArray(inv.flags) ? inv.flags.slice(0, MAX_FLAGS).map(String) : [];
  for (const f of OPTIONAL_TIMES) {
    const t = checkTime(inv[f], `${where}: ${f}`, true);
    if (t) out[f] = t;
    else delete out[f];
  }
  return out;
}

function checkBatch(b, where) {
  if (!b || typeof b !== 'object' || typeof b.id !== 'string' || !b.id) throw new HandlerError('invalid', `${where}: id is missing`);
  if (!NETWORKS.has(b.network)) throw new HandlerError('invalid', `${where}: network "${b.network}" is not ${CORE_NETWORKS.join(' or ')}`);
  const out = { surface: '', target: '', engineId: '', pageUrl: '', ...pickStrings(b, IMPORT_BATCH_STRINGS), source: 'import' };
  out.createdAt = checkTime(b.createdAt, `${where}: createdAt`);
  out.releasedAt = checkTime(b.releasedAt, `${where}: releasedAt`, true) ?? out.createdAt;
  if (!STATES.has(out.state)) out.state = 'sent';
  out.count = Math.max(0, Math.trunc(Number(b.count)) || 0);
  out.decision = decisionOf(b.decision);
  return out;
}

/** decisionOf keeps what the popup shows of a batch's decision: {verdict, friction, count, reasons}. */
function decisionOf(d) {
  if (!d || typeof d !== 'object') return null;
  const reasons = Array.isArray(d.reasons) ? d.reasons.slice(0, 64).filter((r) => r && typeof r.code === 'string') : [];
  return {
    ...pickStrings(d, ['verdict', 'friction']),
    count: Math.max(0, Math.trunc(Number(d.count)) || 0),
    reasons: reasons.map((r) => (r.params && typeof r.params === 'object' && !Array.isArray(r.params) ? { code: r.code, params: r.params } : { code: r.code })),
  };
}

/** fromCSV turns CSV text into { batches, invitations }. */
function fromCSV(text) {
  const rows = parseCSV(text);
  if (!rows.length) throw new HandlerError('invalid', 'CSV: the file is empty');
  const head = rows[0].map((h) => h.trim());
  const missing = ['id', 'key', 'network', 'state', 'sentAt'].filter((c) => !head.includes(c));
  if (missing.length) throw new HandlerError('invalid', `CSV: the header lacks ${missing.join(', ')} (export a file to see the columns)`);
  const batches = new Map();
  const invitations = [];
  for (let r = 1; r < rows.length; r++) {
    const v = {};
    head.forEach((h, i) => (v[h] = uncell(rows[r][i] ?? '')));
    const inv = {};
    for (const f of INV_FIELDS) if (v[f] !== undefined && v[f] !== '') inv[f] = v[f];
    inv.batchId = v.batchId ?? '';
    inv.surface = v.surface ?? '';
    inv.target = v.target ?? '';
    inv.member = v.member === 'true' ? true : v.member === 'false' ? false : undefined;
    if (inv.member === undefined) delete inv.member;
    inv.flags = v.flags ? v.flags.split(' ') : [];
    inv.verdict = v.verdict ?? '';
    inv.engineId = v.engineId ?? '';
    inv.__line = r + 1;
    invitations.push(inv);
    if (inv.batchId && v.batchCreatedAt && !batches.has(inv.batchId)) {
      batches.set(inv.batchId, {
        id: inv.batchId,
        network: inv.network,
        surface: v.batchSurface ?? '',
        target: v.batchTarget ?? '',
        createdAt: v.batchCreatedAt,
        releasedAt: v.batchCreatedAt,
        state: 'sent',
        count: Number(v.batchCount) || 0,
        engineId: v.batchEngineId ?? '',
        decision: v.batchVerdict ? { verdict: v.batchVerdict, friction: v.batchFriction ?? '', count: Number(v.batchCount) || 0 } : null,
        pageUrl: v.batchPageUrl ?? '',
      });
    }
  }
  return { batches: [...batches.values()], invitations };
}

/** megabytes formats a byte count for a message ("64", "80.2"). */
export function megabytes(n) {
  return String(Math.round((n / 2 ** 20) * 10) / 10);
}

/** importHistory checks and stores an exported file; returns what it added and skipped. */
export async function importHistory(db, { text, format, now = new Date() }) {
  if (text.length > MAX_IMPORT_BYTES)
    throw new HandlerError('too_large', `the file has ${megabytes(text.length)} MB; at most ${megabytes(MAX_IMPORT_BYTES)} MB can be imported at once`);
  if (!text.trim()) throw new HandlerError('invalid', 'the file is empty');
  const fmt = format ?? (text.trimStart().startsWith('{') ? 'json' : 'csv');
  let data;
  if (fmt === 'json') {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new HandlerError('invalid', `JSON: ${err.message}`);
    }
    if (data?.format !== FORMAT) throw new HandlerError('invalid', `not an Invite Guard history (format "${data?.format ?? ''}", want "${FORMAT}")`);
    if (!Array.isArray(data.batches) || !Array.isArray(data.invitations)) throw new HandlerError('invalid', 'the file lacks the batches and invitations lists');
  } else data = fromCSV(text);
  if (data.invitations.length + data.batches.length > MAX_ROWS) throw new HandlerError('too_large', `at most ${MAX_ROWS} rows can be imported at once`);
  const batches = data.batches.map((b, i) => checkBatch(b, `batch ${i + 1}`));
  const invitations = data.invitations.map((inv, i) => {
    const where = inv.__line ? `line ${inv.__line}` : `invitation ${i + 1}`;
    const { __line, ...rest } = inv;
    return checkInvitation(rest, where);
  });
  const rules = checkRules(data.rules); // the taught buttons (JSON only; older files have none)
  const tx = db.transaction(['batches', 'invitations', 'rules'], 'readwrite');
  const bs = tx.objectStore('batches');
  const is = tx.objectStore('invitations');
  const [haveB, haveI, taught] = await Promise.all([req(bs.getAllKeys()), req(is.getAllKeys()), addRules(tx.objectStore('rules'), rules)]);
  const hb = new Set(haveB);
  const hi = new Set(haveI);
  const res = { batches: 0, invitations: 0, rules: taught.added, skipped: taught.skipped, importedAt: now.toISOString() };
  for (const b of batches) {
    if (hb.has(b.id)) res.skipped++;
    else {
      bs.add(b);
      hb.add(b.id);
      res.batches++;
    }
  }
  for (const inv of invitations) {
    if (hi.has(inv.id)) res.skipped++;
    else {
      is.add(inv);
      hi.add(inv.id);
      res.invitations++;
    }
  }
  await done(tx);
  return res;
}
