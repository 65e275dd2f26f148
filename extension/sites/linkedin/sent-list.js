// LinkedIn's Sent invitations list (/mynetwork/invitation-manager/sent/): reading
// every card, the total, "Load more", a card's Withdraw control and the confirm
// dialog that follows it. Detection and reading only: the withdrawal runner that
// clicks is built on these (issue 5). Every finder tries roles, accessible names
// and visible text in English, German and French before LinkedIn's class names.

import { accName, chunks, closestDialog, DIALOG_SELECTOR, isButtonLike, isShown, role, textOf } from '../common/dom.js';
import { clean, fold, isUiWord, looksLikeName, nameInTexts, nameFromLabel } from '../common/text.js';
import { linkedInProfileKey } from '../common/keys.js';
import { pathOf } from '../common/screens.js';
import { matches, nameIn, shownName } from './sent-words.js';
import { AGE, LOAD_MORE, MUTUAL, RATE_LIMIT, RECEIVED_TAB, SENT_TAB, SENT_TO, TOTAL, WITHDRAW } from './matchers.js';
import { insideOurs } from '../common/ours.js';

import { HOSTS, MANAGER_PATH, SENT_PATH, SIGN_IN_PATH } from './places.js';

export { SENT_PATH };

// The words (withdraw, load more, ages, tabs, totals, rate limits) are sites/linkedin/words/<lang>.js, compiled in matchers.js.
const WITHDRAW_SELECTOR = '[data-view-name="sent-invitations-withdraw-single"], .invitation-card__action-btn';
// Where it may appear: toasts, alerts, live regions, and dialogs (the withdraw dialog too).
const LIMIT_PLACES = `[role="alert"], [role="alertdialog"], [role="status"], [aria-live], .artdeco-toast-item, .artdeco-inline-feedback, ${DIALOG_SELECTOR}`;

const CONTROLS = 'button,a[href],[role="button"],[role="link"]';

function isWithdraw(el) {
  if (el.matches(WITHDRAW_SELECTOR)) return true;
  // A link to a profile is the person, whatever the name says ("Withdraw Ng’s profile picture").
  if (el.matches('a[href]') && linkedInProfileKey(el.getAttribute('href'), el.ownerDocument.baseURI)) return false;
  return WITHDRAW.test(fold(accName(el))) || WITHDRAW.test(fold(textOf(el)));
}

function controlsIn(root) {
  return [...root.querySelectorAll(CONTROLS)].filter((el) => !insideOurs(el) && !closestDialog(el));
}

/** withdrawControls returns every Withdraw control of the list (outside dialogs), in page order. */
function withdrawControls(doc) {
  const found = controlsIn(doc.body).filter(isWithdraw);
  // A control inside another one (a <span role=button> in a <button>) counts once: keep the outer.
  const set = new Set(found);
  return found.filter((el) => !insideAny(el, set));
}

const CARD_STOP = 'ul,ol,[role="list"],main,[role="main"],body,section,[role="tabpanel"]';

/**
 * findCards returns the invitation cards in page order: around each Withdraw
 * control, the largest ancestor holding no other one (below the list); then the
 * list items with a profile link that hold no Withdraw control (still loading, or
 * a markup only known by its items). Linear in the page size: a scan reads 1,000s.
 */
export function findCards(doc) {
  if (currentTab(doc) === 'received') return []; // Accept/Ignore rows are never Sent cards
  const controls = withdrawControls(doc);
  const count = new Map();
  for (const c of controls) {
    for (let a = c.parentElement; a; a = a.parentElement) count.set(a, (count.get(a) || 0) + 1);
  }
  const cards = controls.map((c) => {
    const li = c.closest('[role="listitem"], li.invitation-card, li');
    let card = c;
    for (let a = c.parentElement; a && !a.matches(CARD_STOP) && count.get(a) === 1; a = a.parentElement) {
      card = a;
      if (a === li) break;
    }
    return card;
  });
  const isCard = new Set(cards);
  const holdsCard = new Set();
  for (const card of cards) for (let a = card.parentElement; a && !holdsCard.has(a); a = a.parentElement) holdsCard.add(a);
  const extra = [];
  for (const el of doc.querySelectorAll('[role="listitem"], li.invitation-card')) {
    if (isCard.has(el) || holdsCard.has(el) || insideAny(el, isCard) || closestDialog(el)) continue;
    if (el.querySelector('a[href*="/in/"]')) extra.push(el);
  }
  if (!extra.length) return cards;
  return [...cards, ...extra].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * findNewCards returns the cards not in known (a WeakSet of cards already read), in page order, looking
 * only at list items not seen before — a scan of thousands of rows looks at each row once — and falling
 * back to findCards when the list is not made of list items holding one Withdraw control each.
 */
export function findNewCards(doc, known) {
  if (currentTab(doc) === 'received') return [];
  const slow = () => findCards(doc).filter((c) => !known.has(c));
  const out = [];
  for (const li of doc.querySelectorAll('[role="listitem"], li')) {
    if (known.has(li) || insideOurs(li) || closestDialog(li)) continue;
    if (li.querySelector('[role="listitem"], li')) return slow(); // nested items: let findCards decide
    const withdraws = [...li.querySelectorAll(CONTROLS)].filter(isWithdraw).length;
    if (withdraws > 1) return slow();
    if (withdraws === 1 || li.querySelector('a[href*="/in/"]')) out.push(li);
  }
  return out.length ? out : slow();
}

function insideAny(el, set) {
  for (let a = el.parentElement; a; a = a.parentElement) if (set.has(a)) return true;
  return false;
}

function skipInCard(el) {
  return role(el) === 'button' || (isButtonLike(el) && el.tagName !== 'A') || (el.tagName === 'A' && isWithdraw(el));
}

/** labelledName reads the name a card's labels carry: its Withdraw control's, then its picture's ('' if none). */
function labelledName(card) {
  const w = findWithdraw(card);
  const fromWithdraw = w ? shownName('withdrawLabel', accName(w)) : '';
  if (fromWithdraw) return fromWithdraw;
  for (const el of card.querySelectorAll('img[alt], [role="img"][aria-label]')) {
    const n = shownName('picture', el.getAttribute('alt') || el.getAttribute('aria-label'));
    if (n) return n;
  }
  return '';
}

/** readCard reads one card: { key, name, headline, ageText, note } (core.SentCard). */
export function readCard(card, doc = card.ownerDocument) {
  const base = doc.baseURI;
  const links = [...card.querySelectorAll('a[href]')].filter((a) => linkedInProfileKey(a.getAttribute('href'), base));
  const key = links.length ? linkedInProfileKey(links[0].getAttribute('href'), base) : '';
  const noteEl = card.querySelector('[data-testid="expandable-text-box"], .invitation-card__custom-message, blockquote, q');
  const note = noteEl
    ? clean(
        chunks(noteEl, skipInCard)
          .map((c) => c.text)
          .join(' '),
      )
    : '';
  const cs = chunks(card, (el) => skipInCard(el) || el === noteEl);

  const oldTitle = card.querySelector('.invitation-card__tvm-title, .invitation-card__title');
  let name = oldTitle ? nameInTexts([textOf(oldTitle)]) : '';
  if (!name) {
    // The labels name the person whatever the name holds (digits, "|", "(she/her)"): prefer the text the
    // card shows for it, which has the same letters.
    const labelled = labelledName(card);
    if (labelled) name = cs.find((c) => fold(c.text) === fold(labelled))?.text || labelled;
  }
  if (!name) name = nameInTexts(cs.filter((c) => links.some((l) => l.contains(c.el))).map((c) => c.text));
  if (!name) {
    for (const img of card.querySelectorAll('img[alt]')) {
      name = nameFromLabel(img.alt);
      if (name) break;
    }
  }
  if (!name) name = nameInTexts(links.map((l) => l.getAttribute('aria-label') || ''));
  if (!name) {
    // "Withdraw invitation sent to Jane Doe", "Einladung an Jane Doe zurückziehen".
    const w = findWithdraw(card);
    const m = w && SENT_TO.exec(clean(w.getAttribute('aria-label')));
    if (m) name = nameInTexts([m.slice(1).find(Boolean)]);
  }
  if (!name) {
    const c = cs.find((x) => looksLikeName(x.text));
    if (c) name = c.text;
  }

  const badge = card.querySelector('.time-badge, time');
  const ageChunk = cs.find((c) => AGE.test(fold(c.text)));
  const ageText = badge ? clean(textOf(badge)) : ageChunk ? ageChunk.text : '';

  const oldSub = card.querySelector('.invitation-card__subtitle, .invitation-card__occupation');
  let headline = oldSub ? clean(textOf(oldSub)) : '';
  if (!headline) {
    const at = cs.findIndex((c) => c.text === name);
    const h = cs
      .slice(at + 1)
      .find((c) => c.text !== name && c.text !== ageText && !AGE.test(fold(c.text)) && !isUiWord(c.text) && !MUTUAL.test(c.text) && c.text.length > 1);
    headline = h ? h.text : '';
  }
  return { key, name, headline, ageText, note };
}

/** readCards reads every card: [{ card, key, name, headline, ageText, note }]. */
export function readCards(doc) {
  return findCards(doc).map((card) => ({ card, ...readCard(card, doc) }));
}

/** readTotal returns the count text the page shows ("People (1,100)", "Personen (1.052)"), or ''. */
export function readTotal(doc) {
  for (const el of doc.querySelectorAll('[role="tab"], button, a, h1, h2, h3, span, li')) {
    if (el.textContent.length > 80 || closestDialog(el)) continue;
    const t = clean(textOf(el));
    if (t.length < 40 && TOTAL.test(t)) return t;
  }
  return '';
}

/** findSentTab returns the control that opens the Sent tab (outside our UI), or null. */
export function findSentTab(doc) {
  return [...doc.querySelectorAll('[role="tab"], a[href], button')].find((el) => !insideOurs(el) && SENT_TAB.test(fold(accName(el)))) || null;
}

/** currentTab tells which tab the page shows: 'sent', 'received' or '' (unknown). */
export function currentTab(doc) {
  const selected = doc.querySelector('[role="tab"][aria-selected="true"], [aria-current="page"], [aria-current="true"], .artdeco-tab.active');
  if (selected) {
    const t = fold(accName(selected));
    if (SENT_TAB.test(t)) return 'sent';
    if (RECEIVED_TAB.test(t)) return 'received';
  }
  const path = pathOf(doc);
  if (SENT_PATH.test(path)) return 'sent';
  if (MANAGER_PATH.test(path)) return 'received';
  return '';
}

/** findLoadMore returns the "Load more" control outside the cards, or null when the list is complete. */
export function findLoadMore(doc) {
  const cards = new Set(findCards(doc));
  for (const el of controlsIn(doc.body)) {
    if (cards.has(el) || insideAny(el, cards)) continue;
    if (el.disabled || el.getAttribute('aria-disabled') === 'true') continue;
    if (LOAD_MORE.test(fold(accName(el))) || LOAD_MORE.test(fold(textOf(el)))) return el;
  }
  return null;
}

/** findWithdraw returns a card's Withdraw control, or null. */
export function findWithdraw(card) {
  const marked = card.querySelector(WITHDRAW_SELECTOR);
  if (marked) return marked;
  return [...card.querySelectorAll(CONTROLS)].find(isWithdraw) || null;
}

/**
 * findConfirm returns the open withdraw confirmation: { dialog, confirm } where
 * confirm is the button that withdraws, or null when no such dialog is open.
 */
export function findConfirm(doc) {
  const dialogs = [...doc.querySelectorAll(DIALOG_SELECTOR)].filter((d) => !insideOurs(d) && !d.closest('[hidden],[aria-hidden="true"]') && isShown(d));
  for (const dialog of dialogs.reverse()) {
    const buttons = [...dialog.querySelectorAll('button,[role="button"],a[href]')];
    const byLabel = buttons.find((b) => nameIn('withdrawLabel', b.getAttribute('aria-label')));
    const byText = buttons.find(
      (b) => matches('confirm', accName(b)) || matches('confirm', textOf(b)) || WITHDRAW.test(fold(accName(b))) || WITHDRAW.test(fold(textOf(b))),
    );
    const byClass = dialog.querySelector('.artdeco-modal__confirm-dialog-btn');
    const confirm = byLabel || byText || byClass;
    if (confirm) return { dialog, confirm };
  }
  return null;
}

/** isProfileURL tells a key that is a profile URL (any URL): such an invitation is only ever found by that URL. */
export function isProfileURL(key) {
  return /^https?:\/\//i.test(String(key ?? '').trim());
}

/** cardByKey returns the card (with a Withdraw control) whose profile key is key, or null. */
function cardByKey(doc, key) {
  const base = doc.baseURI;
  let cards = null;
  for (const a of doc.querySelectorAll('a[href*="/in/"], a[href*="/pub/"]')) {
    if (insideOurs(a) || linkedInProfileKey(a.getAttribute('href'), base) !== key) continue;
    // Fast path: the list item around the link, confirmed by its own Withdraw control and its own key.
    const li = a.closest('[role="listitem"], li');
    if (li && findWithdraw(li) && readCard(li, doc).key === key) return li;
    cards ??= new Set(findCards(doc));
    for (let c = a; c; c = c.parentElement) if (cards.has(c) && findWithdraw(c) && readCard(c, doc).key === key) return c;
  }
  return null;
}

/**
 * findCard finds the card of one invitation, never a namesake's:
 *   - an invitation with a profile URL (key) is found by that URL only, whatever the names on the list;
 *   - one without (an email, "name:…") by its name only when opts.complete says the whole list is
 *     loaded, exactly one card of it has that name, and that card's profile is none of opts.taken
 *     (the profile keys of other known invitations: their cards are theirs).
 * Returns { card, by: 'key' | 'name' } or null.
 */
export function findCard(doc, { key, name }, { complete = false, taken = [] } = {}) {
  if (isProfileURL(key)) {
    const want = linkedInProfileKey(key, doc.baseURI) || key;
    const card = cardByKey(doc, want);
    return card ? { card, by: 'key' } : null;
  }
  if (!name || !complete) return null;
  const n = fold(name);
  const hits = findCards(doc).filter((c) => fold(readCard(c, doc).name) === n);
  if (hits.length !== 1 || !findWithdraw(hits[0])) return null;
  const cardKey = readCard(hits[0], doc).key;
  if (cardKey && taken.some((k) => (linkedInProfileKey(k, doc.baseURI) || k) === cardKey)) return null;
  return { card: hits[0], by: 'name' };
}

/** countByName counts the cards showing a name (folded comparison). */
export function countByName(doc, name) {
  const n = fold(name);
  return findCards(doc).filter((c) => fold(readCard(c, doc).name) === n).length;
}

const SCROLLS = /^(?:auto|scroll|overlay)$/;

/**
 * findScroller returns the element that scrolls the list: the nearest ancestor of the last card (or of
 * the list) that scrolls vertically, else the document's scrolling element (the window).
 */
export function findScroller(doc) {
  const cards = findCards(doc);
  const from = cards[cards.length - 1] || doc.querySelector('[data-testid="lazy-column"], [role="list"], main, [role="main"]');
  const win = doc.defaultView;
  for (let a = from?.parentElement; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) {
    if (a.scrollHeight > a.clientHeight + 1 && SCROLLS.test(win.getComputedStyle(a).overflowY)) return a;
  }
  return doc.scrollingElement || doc.documentElement;
}

const TOAST_PLACES = '[role="alert"], [role="status"], [aria-live]:not([aria-live="off"]), .artdeco-toast-item';

/** toasts returns the toast-like elements the page shows (not our UI), each once (the outermost). */
export function toasts(doc) {
  const all = [...doc.querySelectorAll(TOAST_PLACES)].filter((el) => !insideOurs(el) && !el.closest('[hidden]'));
  const set = new Set(all);
  return all.filter((el) => !insideAny(el, set) || el.getAttribute('role') === 'alert');
}

/**
 * readToast reads the withdraw toast for a name among els (default: every toast shown):
 * { kind: 'withdrawn' | 'failed', text } or null. A toast about someone else is not this card's.
 */
export function readToast(doc, name, els = toasts(doc)) {
  const n = fold(name);
  for (const el of els) {
    if (!el.isConnected) continue;
    // The toast's own text, without its Dismiss button; each text block too (a title line, a link).
    const parts = chunks(el, (c) => isButtonLike(c) || role(c) === 'button').map((c) => c.text);
    for (const text of [parts.join(' '), ...parts]) {
      for (const kind of ['failed', 'withdrawn']) {
        const who = nameIn(kind, text);
        if (who && (!n || who === n)) return { kind, text: text.slice(0, 300) };
      }
    }
  }
  return null;
}

/** problem tells an unexpected page: 'login' (signed out), 'rate_limit' (a limit message), or ''. */
export function problem(doc) {
  const path = pathOf(doc);
  if (SIGN_IN_PATH.test(path) || doc.querySelector('input[type="password"]')) return 'login';
  return rateLimitText(doc) ? 'rate_limit' : '';
}

/** rateLimitText returns the text of a rate-limit message the page shows (not our own UI, not hidden), or ''. */
export function rateLimitText(doc) {
  for (const el of doc.querySelectorAll(LIMIT_PLACES)) {
    if (insideOurs(el)) continue;
    if (el.tagName === 'DIALOG' && !el.open) continue;
    if (el.hidden || el.closest('[hidden]')) continue;
    const t = textOf(el);
    if (t && RATE_LIMIT.test(fold(t))) return t.slice(0, 300);
  }
  return '';
}

/** isSentPage tells the Sent list (by URL, or by its selected tab on the invitation manager). */
export function isSentPage(doc) {
  return currentTab(doc) === 'sent';
}

/** The Sent-list reader (not a sending module: content/hold does not use it). */
export default {
  id: 'linkedin.sent-list',
  network: 'linkedin',
  hosts: HOSTS,
  isSentPage,
  currentTab,
  findSentTab,
  findCards,
  findNewCards,
  readCard,
  readCards,
  readTotal,
  findLoadMore,
  findWithdraw,
  findConfirm,
  findCard,
  countByName,
  findScroller,
  toasts,
  readToast,
  isProfileURL,
  problem,
  rateLimitText,
};
