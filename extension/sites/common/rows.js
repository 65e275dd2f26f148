// The shape every bulk invitation screen shares: a list of rows, each with one
// check-like control and a person, inside a container with one action button.
// Rows are found by partition, not by class names: a row is the largest element
// around a check control that holds no other check control.

import { CHECK_SELECTOR, isCheckLike, isChecked, isDisabled, isButtonLike, accName, chunks, labelIndex, toggle } from './dom.js';
import { EMAIL, clean, fold, isSelectAllName, isUiWordFolded, looksLikeName, meansInTargetFolded, nameFromLabel, nameInTexts } from './text.js';
import { emailKey, nameKey, profileKey } from './keys.js';
import { insideOurs, isOurHost } from './ours.js';
import { COUNTER, NOT_MEMBER, SELECTS } from './words.js';

/** checksIn returns the row controls inside root in page order: check-like, not nested in another, not our UI, not "Select all". */
export function checksIn(root, index = labelIndex(root.ownerDocument || root)) {
  if (insideOurs(root)) return [];
  const all = [...root.querySelectorAll(CHECK_SELECTOR)].filter((el) => isCheckLike(el) && !isOurHost(el) && selects(el, index));
  const set = new Set(all);
  // Whether an element (below root) is or is inside another check, a table's header (its control is the
  // table's "select all", labelled or not) or one of our hosts: asked once per element, however many
  // checks share it as an ancestor (a list of 5,000 rows shares most of them).
  const excluded = new Map();
  const isExcluded = (a) => {
    if (!a || a === root) return false;
    let v = excluded.get(a);
    if (v === undefined) {
      v = set.has(a) || a.tagName === 'TH' || a.tagName === 'THEAD' || a.getAttribute('role') === 'columnheader' || isOurHost(a) || isExcluded(a.parentElement);
      excluded.set(a, v);
    }
    return v;
  };
  return all.filter((el) => !isExcluded(el.parentElement) && !isSelectAllName(accName(el, index)));
}

/**
 * selects tells whether a check-like control selects its row. Toggle buttons
 * (aria-pressed) are everywhere — Like, Follow, Save — so one counts only when it
 * is unnamed or its name says select (possibly with the person's name).
 */
function selects(el, index) {
  if (!el.hasAttribute('aria-pressed') || el.hasAttribute('aria-checked')) return true;
  const name = accName(el, index);
  return !name || /^[✓✔☑+]$/.test(name) || SELECTS.test(fold(name));
}

/** containCounts maps every ancestor (up to root) of the checks to how many checks it holds. */
export function containCounts(checks, root) {
  const count = new Map();
  for (const c of checks) {
    for (let a = c.parentElement; a; a = a.parentElement) {
      count.set(a, (count.get(a) || 0) + 1);
      if (a === root) break;
    }
  }
  return count;
}

/** rowOf returns the largest element below scope around check that holds no other check. */
export function rowOf(check, scope, count) {
  let row = check;
  while (row.parentElement && row.parentElement !== scope && (count.get(row.parentElement) || 0) <= 1) row = row.parentElement;
  return row;
}

function skipControls(el) {
  return isButtonLike(el) && el.tagName !== 'A';
}

/**
 * walkRow reads a row in one walk: its text chunks as chunks(row, skipControls) gives them, its links
 * with an href (hidden ones too, in page order: row.querySelectorAll('a[href]')), its first picture and
 * its first picture with an alt text.
 */
function walkRow(row) {
  const links = [];
  let img = null;
  let imgAlt = null;
  const cs = chunks(row, skipControls, (el) => {
    const tag = el.localName;
    if (tag === 'a' && el.hasAttribute('href')) links.push(el);
    else if (tag === 'img') {
      img ??= el;
      if (!imgAlt && el.hasAttribute('alt')) imgAlt = el;
    }
  });
  return { cs, links, img, imgAlt };
}

/**
 * classify tells what a row's text is: { f (folded), ui, status, email, notMember, selectAll, countOnly }.
 * texts keeps the answers of one read: a list repeats its headlines and statuses ("Pending", "Invited",
 * "Product Manager at …"), and each answer folds the text and tries the vocabulary's expressions.
 */
function classify(text, texts) {
  let k = texts.get(text);
  if (k) return k;
  const f = fold(text);
  k = {
    f,
    ui: isUiWordFolded(f),
    status: meansInTargetFolded(f),
    email: text.includes('@') && EMAIL.test(text),
    notMember: NOT_MEMBER.test(f),
    selectAll: isSelectAllName(text),
    countOnly: /^\(?\d+\)?$/.test(text),
  };
  texts.set(text, k);
  return k;
}

/**
 * readRow reads one row: { el, check, key, name, email, profile, headline, status,
 * member, selected, disabled, inTarget, personLike, selectAll }. texts: classify's answers
 * for the read this row is part of.
 */
export function readRow(row, check, index, noDisabledFieldset = false, texts = new Map()) {
  const base = row.ownerDocument.baseURI;
  const { cs, links, img, imgAlt } = walkRow(row);
  const profileLinks = [];
  let profile = '';
  let mailto = '';
  for (const a of links) {
    const href = a.getAttribute('href');
    const k = profileKey(href, base);
    if (k) {
      profileLinks.push(a);
      if (!profile) profile = k;
    }
    if (!mailto && /^mailto:/i.test(href)) mailto = emailKey(href);
  }
  for (const c of cs) {
    const k = classify(c.text, texts);
    c.f = k.f;
    c.ui = k.ui;
    c.status = k.status;
    c.email = k.email;
    c.k = k;
  }
  const checkName = accName(check, index);
  const emailChunk = cs.find((c) => c.email);
  const email = mailto || (emailChunk ? emailKey(emailChunk.text) : '') || emailKey(check.value) || emailKey(checkName);

  let name = '';
  if (profileLinks.length) {
    const inLinks = cs.filter((c) => profileLinks.some((l) => l.contains(c.el))).map((c) => c.text);
    name = nameInTexts([...inLinks, ...profileLinks.map((l) => l.getAttribute('aria-label') || '')]);
  }
  if (!name) {
    const c = cs.find((x) => !x.ui && looksLikeName(x.text));
    if (c) name = c.text;
  }
  if (!name) name = nameFromLabel(checkName);
  if (!name && imgAlt) name = nameFromLabel(imgAlt.alt);
  if (!name) {
    const c = cs.find((x) => !x.email && !x.ui && !x.status && x.text.length <= 70);
    if (c) name = c.text;
  }
  const notMember = cs.some((c) => c.k.notMember);
  const plain = (c) => c.text !== name && !c.email && !c.ui && !c.status && c.text.length > 1 && !c.k.selectAll && !c.k.notMember;
  const nameAt = cs.findIndex((c) => c.text === name);
  const headlineChunk = cs.slice(nameAt + 1).find(plain) || (nameAt < 0 ? cs.find(plain) : null);
  const headline = headlineChunk ? headlineChunk.text : '';
  const statusChunk = cs.find((c) => c.status);
  const disabled = noDisabledFieldset ? !!check.disabled || check.getAttribute('aria-disabled') === 'true' : isDisabled(check);
  const selectAll = cs.length > 0 && cs.every((c) => c.k.selectAll || c.k.countOnly);
  let member;
  if (profile) member = true;
  else if (notMember) member = false;
  else if (headline) member = true;
  else if (email) member = false;
  const personLike = !selectAll && !!(profile || email || img || looksLikeName(name));
  return {
    el: row,
    check,
    key: profile || email || nameKey(name),
    name: clean(name) || email,
    email,
    profile,
    headline,
    status: statusChunk ? statusChunk.text : '',
    member,
    selected: isChecked(check) && !disabled,
    disabled,
    inTarget: !!statusChunk,
    personLike,
    selectAll,
  };
}

/**
 * readRows reads the rows of scope (in page order); only person-like rows are
 * returned, at most limit of them (detect asks for a few, read for all). A caller
 * that found the checks already passes what it built on the way: the label index
 * and the checks' contain counts (listAround's, over a root above scope: the counts
 * below scope are the same).
 */
export function readRows(scope, checks, limit = Infinity, built = {}) {
  const index = built.index ?? labelIndex(scope.ownerDocument || scope);
  if (!checks) checks = checksIn(scope, index);
  const count = built.count ?? containCounts(checks, scope);
  const noDisabledFieldset = !(scope.ownerDocument || scope).querySelector('fieldset[disabled]');
  const rows = [];
  const texts = new Map();
  for (const c of checks) {
    if (rows.length >= limit) break;
    if (!scope.contains(c) || c === scope) continue;
    const r = readRow(rowOf(c, scope, count), c, index, noDisabledFieldset, texts);
    if (r.personLike) rows.push(r);
  }
  return rows;
}

/**
 * listAround finds the list an action button belongs to: the nearest ancestor of
 * the action (up to root) holding at least minRows person-like rows.
 * Returns { scope, rows, selected } or null; rows is a sample of at most `sample` rows
 * (detect must stay cheap on a list of thousands); selected is how many of the scope's
 * row controls are checked and enabled (a preview of the count read() finds: the hold
 * opens its dialog on it before the rows are read).
 */
export function listAround(action, root, minRows, sample = 12) {
  const index = labelIndex(root.ownerDocument || root);
  const checks = checksIn(root, index);
  if (checks.length < minRows) return null;
  const count = containCounts(checks, root);
  let last = 0;
  for (let a = action.parentElement; a; a = a.parentElement) {
    const n = count.get(a) || 0;
    if (n >= minRows && n !== last) {
      last = n;
      const inside = checks.filter((c) => a.contains(c));
      const rows = readRows(a, inside, Math.max(minRows, sample), { index, count });
      if (rows.length >= minRows) return { scope: a, rows, selected: countSelected(inside) };
    }
    if (a === root) break;
  }
  return null;
}

/** countSelected counts the checked controls among checks that the user can change (no walk up for a disabled fieldset). */
export function countSelected(checks) {
  let n = 0;
  for (const c of checks) if (isChecked(c) && !c.disabled && c.getAttribute('aria-disabled') !== 'true') n++;
  return n;
}

/**
 * applyKeep makes the rows' selection equal the kept keys by clicking their own
 * controls. Returns { changed, failed } where failed lists the keys whose row
 * would not follow (the caller must then not release the action).
 */
export function applyKeep(rows, keep) {
  const want = keep instanceof Set ? keep : new Set(keep);
  let changed = 0;
  const failed = [];
  for (const r of rows) {
    if (r.disabled) {
      if (want.has(r.key) && !r.selected) failed.push(r.key);
      continue;
    }
    const w = want.has(r.key);
    if (r.selected === w) continue;
    if (toggle(r.check, w)) changed++;
    else failed.push(r.key);
  }
  return { changed, failed };
}

/** recipientOf turns a read row into the contract's recipient. */
export function recipientOf(r, withTarget) {
  const out = { key: r.key, name: r.name, selected: r.selected };
  if (r.member !== undefined) out.member = r.member;
  if (withTarget) out.inTarget = r.inTarget;
  out.optedOut = false;
  return out;
}

/** counterIn returns the count a selection counter in root states, or null. */
export function counterIn(root) {
  for (const c of chunks(root)) {
    for (const re of COUNTER) {
      const m = re.exec(c.text);
      if (m) return Number(m[1].replace(/\D/g, ''));
    }
  }
  return null;
}

/**
 * answer builds read()'s answer from the recipients: `expected` is the count the
 * page states (a button's "Add 120 connections", a "25 selected" counter), or null.
 * No recipients (or a detection that found none) → unreadable: content/hold keeps
 * the action held. A stated count above the selected rows read → throws: the list
 * is virtualised or filtered, and a dialog of the visible rows would understate
 * what the page sends.
 */
export function answer(recipients, expected, detected, extra = {}) {
  const out = { recipients, ...extra };
  if (expected != null) out.expected = expected;
  if (recipients.length === 0 || detected.unreadable) {
    out.unreadable = true;
    return out;
  }
  const selected = recipients.filter((r) => r.selected).length;
  if (expected != null && expected > selected) {
    throw new Error(`the page says ${expected} people are selected, but only ${selected} of them could be read`);
  }
  return out;
}
