// A held batch's rows on their way from the content script to the worker (op decide), in one message
// whose size grows as little as possible with the rows. A message is serialised as it leaves the page
// and read again in the worker (Chromium: JSON through the browser process; Firefox: structured clone),
// and neither channel takes a transferable buffer, so what costs is the number of values and bytes:
// 5,000 recipient objects (five fields each) took 500 ms there and back on the loaded test machine,
// the same rows as the lists below 145 ms (RATIONALE.md, "Why the rows travel as lists?").
//   keys   front-coded: front[i] characters shared with key i−1, then tails[i] (a list of LinkedIn
//          profiles shares "https://www.linkedin.com/in/" from row to row)
//   bits   the compact request's row bits (background/compact.js ROW: selected, member, not a member,
//          in the target, opted out)
//   names  only when the core reads them (a message is checked for personalisation); the dialog has them

/** ROW is the compact request's row bits (core.RowSelected …). */
export const ROW = { selected: 1, member: 2, notMember: 4, inTarget: 8, optedOut: 16 };
const ALL_BITS = 31;

/** rowBits is a recipient's bits. */
export function rowBits(r) {
  let b = 0;
  if (r.selected) b |= ROW.selected;
  if (r.member === true) b |= ROW.member;
  if (r.member === false) b |= ROW.notMember;
  if (r.inTarget === true) b |= ROW.inTarget;
  if (r.optedOut) b |= ROW.optedOut;
  return b;
}

/** packRows writes recipients ({key, name, selected, member, inTarget, optedOut}) as the lists above. */
export function packRows(recipients, withNames = false) {
  const front = new Array(recipients.length);
  const tails = new Array(recipients.length);
  const bits = new Array(recipients.length);
  let prev = '';
  for (let i = 0; i < recipients.length; i++) {
    const k = String(recipients[i].key ?? '');
    const max = Math.min(k.length, prev.length);
    let j = 0;
    while (j < max && k.charCodeAt(j) === prev.charCodeAt(j)) j++;
    front[i] = j;
    tails[i] = k.slice(j);
    bits[i] = rowBits(recipients[i]);
    prev = k;
  }
  const out = { front, tails, bits };
  if (withNames) out.names = recipients.map((r) => String(r.name ?? ''));
  return out;
}

/**
 * unpackRows reads the lists back as { keys, bits, names (or null) }, at most max rows; a malformed list
 * throws an Error naming the list and the row.
 */
export function unpackRows(rows, max) {
  const { front, tails, bits, names } = rows ?? {};
  if (!Array.isArray(front) || !Array.isArray(tails) || !Array.isArray(bits)) throw new Error('rows needs the lists front, tails and bits');
  const n = front.length;
  if (tails.length !== n || bits.length !== n) throw new Error(`rows: front has ${n} entries, tails ${tails.length}, bits ${bits.length}`);
  if (names != null && (!Array.isArray(names) || names.length !== n)) throw new Error(`rows: names must have one entry per row (${n})`);
  if (n > max) throw new Error(`at most ${max} recipients, got ${n}`);
  const keys = new Array(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const f = front[i];
    if (!Number.isInteger(f) || f < 0 || f > prev.length) throw new Error(`rows: front[${i}] is ${JSON.stringify(f)}, not 0 to ${prev.length}`);
    if (typeof tails[i] !== 'string') throw new Error(`rows: tails[${i}] is not a string`);
    const k = prev.slice(0, f) + tails[i];
    if (k === '') throw new Error(`recipient ${i} has no key`);
    if (!Number.isInteger(bits[i]) || bits[i] < 0 || bits[i] > ALL_BITS || (bits[i] & ROW.member && bits[i] & ROW.notMember))
      throw new Error(`rows: bits[${i}] is ${JSON.stringify(bits[i])}`);
    if (names != null && typeof names[i] !== 'string') throw new Error(`rows: names[${i}] is not a string`);
    keys[i] = k;
    prev = k;
  }
  return { keys, bits, names: names ?? null };
}
