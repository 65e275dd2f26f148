// A rule the user taught ("Hold this button with Invite Guard"): where it applies (the site's host and a
// path pattern) and what it holds (the button's role and the SHAPE of its accessible name). Pure string
// functions, shared by the content script (matching, the screen report) and the service worker
// (making, validating and storing rules). A rule never holds a class name, an id or a person's name:
// people's names, numbers and e-mail addresses become the slots {name}, {n} and {email}.

import { clean, fold, EMAIL } from '../sites/common/text.js';
import { TEACH_ACTION, TEACH_UI } from '../sites/common/words.js';
import { DOMAIN_RE } from '../sites/index.js';

/** SLOTS are the placeholders of a name shape. */
export const SLOTS = ['{name}', '{n}', '{email}'];

/** ROLES a taught control may have. */
export const ROLES = ['button', 'link', 'menuitem'];

/** HOST matches the hosts the extension runs on (the sites' domains and their subdomains: the manifest's host permissions). */
const HOST = new RegExp(`^(?:[a-z0-9-]+\\.)*${DOMAIN_RE}$`);

/** RuleError is a refusal with a code the UI translates (teach_error_<code>). */
export class RuleError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// ------------------------------------------------------------------ path patterns

// Segments after which the next one names a person, a company, a group … (a slug, never a route).
const ENTITY = new Set(['in', 'pub', 'profile', 'company', 'school', 'showcase', 'groups', 'events', 'newsletters', 'pulse', 'hashtag', 'pages']);

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** segmentsOf splits a URL path into its non-empty segments. */
function segmentsOf(path) {
  return String(path ?? '')
    .split(/[?#]/)[0]
    .split('/')
    .filter(Boolean);
}

/** wild tells a path segment that is an id, a slug or a name rather than a route. */
function wild(seg, prev) {
  const s = decode(seg);
  return (
    /\d/.test(s) || // numbers and ids: 12345, anna-schmidt-4821, urn:li:…
    /[^\x20-\x7e]/.test(s) || // non-ASCII: a name or a slug in another script
    /[:=@,;~%+]/.test(s) || // URNs, e-mails, encoded values
    s.length > 40 ||
    (/^[A-Za-z0-9_-]{16,}$/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s)) || // opaque ids
    ENTITY.has(prev)
  );
}

// pathPattern generalises a URL path: ids, slugs and names become "*" ("/in/anna-schmidt-4821/" → "/in/*/").
export function pathPattern(path) {
  const segs = segmentsOf(path);
  const out = segs.map((s, i) => (wild(s, i > 0 ? decode(segs[i - 1]).toLowerCase() : '') ? '*' : decode(s).toLowerCase()));
  return out.length ? `/${out.join('/')}/` : '/';
}

/** pathMatches tells whether a URL path fits a pattern: same number of segments, "*" matches one. */
export function pathMatches(pattern, path) {
  const want = segmentsOf(pattern);
  const have = segmentsOf(path);
  if (want.length !== have.length) return false;
  return want.every((w, i) => w === '*' || w === decode(have[i]).toLowerCase());
}

// ------------------------------------------------------------------ name shapes

// Words of the interface (sites/words, TEACH_UI): never part of a person's name, and a capitalised one
// at the start of a label is the label's verb or noun, not a name.
const UI = TEACH_UI;

// Words of an action a person's name slot never holds (TEACH_ACTION): a rule taught on "Invite {name}"
// must not match a button that says Withdraw, Accept, Message, Follow … in the name's place.
const ACTION = TEACH_ACTION;

// Decorations that belong to a name: titles, degrees ("Dr.", ", MBA").
const TITLES = new Set(['dr', 'prof', 'mba', 'phd', 'msc', 'bsc', 'ma', 'md', 'jr', 'sr', 'ii', 'iii', 'dipl', 'ing', 'mag', 'cpa', 'pmp']);
// Lower-case particles inside names ("Ludwig van Beethoven", "Chloé de la Tour").
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'zu',
  'bin',
  'al',
  'el',
  'ter',
  'ten',
  'y',
  'dos',
  'das',
]);

const EDGE_PUNCT = /^[\s"'“”‘’„«»‹›.,;:!?¡¿…*]+|[\s"'“”‘’„«»‹›.,;:!?¡¿…*]+$/g;
const EMAIL_ONLY = new RegExp(`^${EMAIL.source}$`);
const NUMBER = /^[#(]?[+-]?\d[\d.,'\u00a0\u202f]*[)%]?$/;
const PICTO = /\p{Extended_Pictographic}/u;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** tokensOf splits a label into tokens, a parenthesised group ("(10k+ followers)") staying one token. */
export function tokensOf(label) {
  return clean(label).match(/\([^()]{0,60}\)\S*|\S+/g) ?? [];
}

/** core strips a token's edge punctuation and folds it; '' for pure punctuation ("|", "·", "–"). */
function core(tok) {
  if (SLOTS.includes(tok)) return tok;
  const t = tok.replace(EDGE_PUNCT, '');
  return /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(t) ? fold(t) : '';
}

/**
 * kindOf classifies one token: 'glue' (punctuation), 'email', 'num', 'namey' (clearly part of a name:
 * digits mixed with letters, emoji, a non-Latin script, a capital inside the label), 'decor' (title,
 * degree, parenthesised addition), 'particle', 'capfirst' (a capitalised first word) or 'fixed'.
 */
function kindOf(tok, i) {
  if (SLOTS.includes(tok)) return 'slot';
  const bare = tok.replace(EDGE_PUNCT, '');
  const c = core(tok);
  if (!c) return 'glue';
  if (EMAIL_ONLY.test(bare)) return 'email';
  if (NUMBER.test(bare)) return 'num';
  if (/^\(.*\)$/.test(bare)) return /\d|\p{Lu}|\p{Extended_Pictographic}/u.test(bare) ? 'namey' : 'decor';
  if (/\d/.test(bare) || PICTO.test(bare) || NON_LATIN_LETTER.test(bare)) return 'namey';
  if (TITLES.has(c.replace(/\.$/, ''))) return 'decor';
  if (PARTICLES.has(c)) return 'particle';
  if (UI.has(c)) return 'fixed';
  if (/^\p{Lu}/u.test(bare) || /^[\p{Lu}\p{Lt}]/u.test(bare.replace(/^[(„"'“‘]/, ''))) return i === 0 ? 'capfirst' : 'namey';
  return 'fixed';
}

/** interfaceOnly tells a text made only of interface words ("View profile", "Message"), never a name. */
export function interfaceOnly(text) {
  const cores = tokensOf(text).map(core).filter(Boolean);
  return cores.length > 0 && cores.every(interfaceWord);
}

/** sameTokens tells whether the folded token lists a and b are equal. */
function sameTokens(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** markKnown marks the tokens that spell one of the people's names the page shows. */
function markKnown(cores, marks, knownNames) {
  for (const n of knownNames) {
    const want = tokensOf(n).map(core).filter(Boolean);
    if (!want.length || want.join('').length < 2 || want.every(interfaceWord)) continue;
    for (let i = 0; i + want.length <= cores.length; i++) {
      if (sameTokens(cores.slice(i, i + want.length), want)) for (let k = i; k < i + want.length; k++) marks[k] = true;
    }
  }
}

/** nameLike tells a run of tokens that can be a person's name: no interface word in it. */
function nameLike(cores) {
  return cores.length > 0 && cores.length <= 12 && cores.every((c) => c && !interfaceWord(c));
}

/** interfaceWord tells a folded word of the interface that a name never holds (particles aside). */
function interfaceWord(c) {
  return (UI.has(c) || ACTION.has(c)) && !PARTICLES.has(c);
}

/**
 * markSiblings compares the label with the labels of the page's other controls of the same role: where
 * they share a beginning and an end ("Invite … to join") and differ only in a name-like middle, the
 * middle is a person's name, and the shared words are the button's own (shared by different people's
 * buttons, they name nobody: "Beitritt" in "… um Beitritt bitten" stays a word). Returns the indexes of
 * the shared words.
 */
function markSiblings(cores, marks, siblings) {
  let best = null;
  for (const s of siblings) {
    const other = tokensOf(s).map(core).filter(Boolean);
    const idx = cores.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
    const mine = idx.map((i) => cores[i]);
    let p = 0;
    while (p < mine.length && p < other.length && mine[p] === other[p]) p++;
    let q = 0;
    while (q < mine.length - p && q < other.length - p && mine[mine.length - 1 - q] === other[other.length - 1 - q]) q++;
    const middle = mine.slice(p, mine.length - q);
    const theirs = other.slice(p, other.length - q);
    if (p + q === 0 || !middle.length || !theirs.length || !nameLike(middle) || !nameLike(theirs)) continue;
    if (!best || p + q > best.fixed) best = { fixed: p + q, from: idx[p], to: idx[mine.length - q - 1] };
  }
  if (!best) return new Set();
  for (let k = best.from; k <= best.to; k++) marks[k] = true;
  return new Set(cores.flatMap((c, i) => (c && !marks[i] ? [i] : [])));
}

/**
 * nameShape generalises an accessible name: the people's names it contains become {name}, numbers {n},
 * e-mail addresses {email}. knownNames: the names of people the page shows; siblings: the names of the
 * page's other controls of the same role. Returns the shape ("Invite {name} to join").
 */
export function nameShape(label, { knownNames = [], siblings = [] } = {}) {
  const toks = tokensOf(label);
  const cores = toks.map(core);
  const marks = toks.map(() => false);
  markKnown(cores, marks, knownNames);
  const known = marks.slice();
  const shared = markSiblings(cores, marks, siblings);
  const kinds = toks.map((t, i) => (marks[i] ? 'name' : shared.has(i) && !known[i] ? 'fixed' : kindOf(t, i)));
  // A capitalised first word is a name when a name follows it ("Anna Schmidt einladen").
  const next = (i, skip = ['glue']) => {
    for (let k = i + 1; k < kinds.length; k++) if (!skip.includes(kinds[k])) return kinds[k];
    return '';
  };
  if (kinds[0] === 'capfirst') kinds[0] = ['namey', 'name', 'decor'].includes(next(0, ['glue', 'particle'])) ? 'namey' : 'fixed';
  const isName = (k) => k === 'name' || k === 'namey';
  // Decorations, particles and punctuation join a name when they stand next to it.
  const out = [];
  for (let i = 0; i < toks.length; ) {
    if (isName(kinds[i]) || (kinds[i] === 'decor' && isName(next(i, ['glue', 'decor', 'particle'])))) {
      let j = i + 1;
      let end = i;
      while (j < toks.length && ['name', 'namey', 'decor', 'glue', 'particle', 'num'].includes(kinds[j])) {
        if (kinds[j] !== 'glue' && kinds[j] !== 'particle' && (kinds[j] !== 'num' || isName(next(j)))) end = j;
        j++;
      }
      if (out[out.length - 1] !== '{name}') out.push('{name}');
      i = end + 1;
      continue;
    }
    const k = kinds[i];
    if (k === 'num') out.push('{n}');
    else if (k === 'email') out.push('{email}');
    else if (k === 'slot') out.push(toks[i]);
    else if (k === 'glue') {
      /* punctuation alone says nothing */
    } else out.push(toks[i].replace(EDGE_PUNCT, '') || toks[i]);
    i++;
  }
  return out.join(' ');
}

/** fixedWords returns the folded words of a shape outside its slots. */
function fixedWords(shape) {
  return tokensOf(shape)
    .map(core)
    .filter((c) => c && !SLOTS.includes(c));
}

/**
 * shapeMatches tells whether an accessible name has the shape: the fixed words equal (case, accents and
 * punctuation aside), {n} one number, {email} one address, {name} one to twelve words none of which is
 * an interface or action word.
 */
export function shapeMatches(shape, label) {
  const want = tokensOf(shape).map(core).filter(Boolean);
  const toks = tokensOf(label).filter((t) => core(t));
  const have = toks.map(core);
  const bare = toks.map((t) => t.replace(EDGE_PUNCT, ''));
  const at = (w, h) => {
    if (w === want.length) return h === have.length;
    const slot = want[w];
    if (slot === '{n}') return h < have.length && NUMBER.test(bare[h]) && at(w + 1, h + 1);
    if (slot === '{email}') return h < have.length && EMAIL_ONLY.test(bare[h]) && at(w + 1, h + 1);
    if (slot === '{name}') {
      for (let end = h + 1; end <= Math.min(have.length, h + 12); end++) {
        const part = have.slice(h, end);
        if (part.some(interfaceWord)) break;
        if (at(w + 1, end)) return true;
      }
      return false;
    }
    return h < have.length && have[h] === slot && at(w + 1, h + 1);
  };
  return at(0, 0);
}

// ------------------------------------------------------------------ rules

/**
 * makeRule turns what the content script saw on a right-click into a rule, or throws a RuleError.
 * seen: { host, path, role, name, knownNames, siblings }.
 */
export function makeRule(seen, { id = crypto.randomUUID(), now = new Date() } = {}) {
  const host = String(seen?.host ?? '').toLowerCase();
  if (!HOST.test(host)) throw new RuleError('host', `Invite Guard runs on LinkedIn and XING only, not on "${host}"`);
  if (!ROLES.includes(seen.role)) throw new RuleError('not_button', 'this is not a button or link Invite Guard can hold');
  const name = clean(seen.name);
  if (!name) throw new RuleError('no_name', 'this button has no name Invite Guard can recognise it by');
  const shape = nameShape(name.slice(0, 300), { knownNames: seen.knownNames ?? [], siblings: seen.siblings ?? [] });
  if (!fixedWords(shape).some((w) => /\p{L}/u.test(w))) throw new RuleError('only_name', `the button's name ("${shape}") says nothing but a name or a number`);
  const rule = { id, host, path: pathPattern(seen.path), role: seen.role, name: shape, createdAt: now.toISOString() };
  validateRule(rule);
  return rule;
}

/** validateRule checks a rule (a stored or an imported one); where names it in the error. Returns the rule. */
export function validateRule(r, where = 'rule') {
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new RuleError('invalid', `${where}: not an object`);
  if (typeof r.id !== 'string' || !r.id.trim() || r.id.length > 100) throw new RuleError('invalid', `${where}: id is missing`);
  if (typeof r.host !== 'string' || !HOST.test(r.host)) throw new RuleError('invalid', `${where}: host "${r.host}" is not a LinkedIn or XING host`);
  if (typeof r.path !== 'string' || !/^\/(?:(?:\*|[a-z0-9._~!$&'()-]+)\/)*$/.test(r.path) || r.path.length > 300) {
    throw new RuleError('invalid', `${where}: path "${r.path}" is not a path pattern like "/groups/*/members/"`);
  }
  if (!ROLES.includes(r.role)) throw new RuleError('invalid', `${where}: role "${r.role}" is not one of ${ROLES.join(', ')}`);
  if (typeof r.name !== 'string' || !r.name.trim() || r.name.length > 300) throw new RuleError('invalid', `${where}: name is missing`);
  for (const m of r.name.match(/\{[^}]*\}?/g) ?? [])
    if (!SLOTS.includes(m)) throw new RuleError('invalid', `${where}: name has an unknown slot "${m}" (slots: ${SLOTS.join(' ')})`);
  const words = fixedWords(r.name);
  if (!words.some((w) => /\p{L}/u.test(w))) throw new RuleError('invalid', `${where}: name "${r.name}" has no word outside its slots`);
  if (words.some((w) => /\d|@/.test(w))) throw new RuleError('invalid', `${where}: name "${r.name}" holds a number or an address outside a slot`);
  if (typeof r.createdAt !== 'string' || Number.isNaN(Date.parse(r.createdAt)))
    throw new RuleError('invalid', `${where}: createdAt "${r.createdAt}" is not a date and time`);
  return r;
}

/** sameRule tells two rules that hold the same buttons (whatever their ids). */
export function sameRule(a, b) {
  return a.host === b.host && a.path === b.path && a.role === b.role && fold(a.name) === fold(b.name);
}

/** ruleMatches tells whether a control (host, path, role, accessible name) is held by the rule. */
export function ruleMatches(rule, { host, path, role, name }) {
  return rule.host === host && rule.role === role && pathMatches(rule.path, path) && shapeMatches(rule.name, name);
}
