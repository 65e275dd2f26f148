// DOM helpers shared by the site modules: roles, accessible names, check state,
// and the text "chunks" a row shows. Pure reads, except toggle() which clicks.

import { clean } from './text.js';
import { isOurHost } from './ours.js';

// Both cases: an HTML element's tagName is upper-case, an SVG or XHTML element's as written (read for every element of every row).
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'script', 'style', 'template', 'noscript']);

/** hiddenFromReading tells an element whose text is not read: aria-hidden, hidden, display:none inline, or our own UI. */
export function hiddenFromReading(el) {
  if (!el.hasAttributes()) return SKIP.has(el.tagName) || isOurHost(el);
  return (
    SKIP.has(el.tagName) ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.hidden ||
    /display\s*:\s*none/i.test(el.getAttribute('style') || '') ||
    isOurHost(el)
  );
}

/** role returns the explicit role, else the implicit one of the elements the modules care about. */
export function role(el) {
  const attr = el.getAttribute('role');
  const r = attr ? attr.trim().toLowerCase() : '';
  if (r) return r.split(/\s+/)[0];
  const tag = el.tagName;
  if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
  if (tag === 'INPUT') {
    const t = (el.type || '').toLowerCase();
    if (t === 'checkbox') return 'checkbox';
    if (['button', 'submit', 'reset', 'image'].includes(t)) return 'button';
    if (t === 'search') return 'searchbox';
    return 'textbox';
  }
  if (tag === 'TEXTAREA') return 'textbox';
  if (tag === 'A' && el.hasAttribute('href')) return 'link';
  if (tag === 'DIALOG') return 'dialog';
  if (tag === 'LI') return 'listitem';
  if (tag === 'UL' || tag === 'OL') return 'list';
  if (tag === 'FORM') return 'form';
  return '';
}

/** textOf returns the readable text of an element (hidden and aria-hidden parts left out), white space collapsed. */
export function textOf(el) {
  if (!el) return '';
  let out = '';
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.data;
      else if (c.nodeType === 1 && !hiddenFromReading(c)) {
        if (c.tagName === 'IMG' && c.alt) out += ' ' + c.alt + ' ';
        else {
          out += ' ';
          walk(c);
          out += ' ';
        }
      }
    }
  };
  walk(el);
  return clean(out);
}

/**
 * labelIndex maps ids to the <label for=…> elements of a document, built once for
 * a read of many rows (input.labels walks the whole document on every call).
 */
export function labelIndex(doc) {
  const index = new Map();
  for (const l of doc.querySelectorAll('label[for]')) {
    const list = index.get(l.htmlFor);
    if (list) list.push(l);
    else index.set(l.htmlFor, [l]);
  }
  return index;
}

function labelsOf(el, index) {
  if (!index) return el.labels ? [...el.labels] : [];
  const out = [];
  const wrap = el.closest('label');
  if (wrap) out.push(wrap);
  if (el.id) for (const l of index.get(el.id) || []) if (l !== wrap) out.push(l);
  return out;
}

/**
 * accName approximates the accessible name: aria-labelledby, aria-label, labels,
 * value, alt, content, title. index (from labelIndex) speeds up reading many rows.
 */
export function accName(el, index) {
  if (!el || el.nodeType !== 1) return '';
  const doc = el.ownerDocument;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const t = clean(
      ids
        .split(/\s+/)
        .map((id) => textOf(doc.getElementById(id)))
        .join(' '),
    );
    if (t) return t;
  }
  const al = clean(el.getAttribute('aria-label'));
  if (al) return al;
  if (el.tagName === 'INPUT') {
    const t = (el.type || '').toLowerCase();
    if (['button', 'submit', 'reset'].includes(t)) return clean(el.value) || (t === 'submit' ? 'Submit' : '');
    if (t === 'image') return clean(el.alt);
    const labels = labelsOf(el, index);
    if (labels.length) return clean(labels.map(textOf).join(' '));
    return clean(el.getAttribute('title') || el.getAttribute('placeholder'));
  }
  if (el.tagName === 'TEXTAREA') {
    const labels = labelsOf(el, index);
    if (labels.length) return clean(labels.map(textOf).join(' '));
    return clean(el.getAttribute('title') || el.getAttribute('placeholder'));
  }
  if (el.tagName === 'IMG') return clean(el.alt);
  return textOf(el) || clean(el.getAttribute('title'));
}

/** isCheckLike tells a row's selection control: checkbox, role=checkbox/switch/menuitemcheckbox, a toggle button, a selectable option. */
export function isCheckLike(el) {
  const r = role(el);
  if (r === 'checkbox' || r === 'switch' || r === 'menuitemcheckbox') return true;
  if (el.tagName === 'INPUT' && (el.type || '').toLowerCase() === 'checkbox') return true;
  if (r === 'button' && el.hasAttribute('aria-pressed')) return true;
  if ((r === 'option' || r === 'row' || r === 'gridcell') && el.hasAttribute('aria-selected')) {
    const owner = el.closest('[role="listbox"],[role="grid"],[role="treegrid"]');
    return !!owner && owner.getAttribute('aria-multiselectable') === 'true';
  }
  return false;
}

/** CHECK_SELECTOR finds the candidates for isCheckLike. */
export const CHECK_SELECTOR =
  'input[type="checkbox" i],[role="checkbox"],[role="switch"],[role="menuitemcheckbox"],[aria-pressed],[role="option"][aria-selected],[role="row"][aria-selected],[role="gridcell"][aria-selected]';

/** isChecked reads a check-like control's state. */
export function isChecked(el) {
  if (el.tagName === 'INPUT' && (el.type || '').toLowerCase() === 'checkbox' && !el.hasAttribute('aria-checked')) return el.checked;
  const v = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed') ?? el.getAttribute('aria-selected');
  if (v != null) return v === 'true';
  return !!el.checked;
}

/** isDisabled tells a control the user cannot change. */
export function isDisabled(el) {
  if (el.disabled || el.getAttribute('aria-disabled') === 'true') return true;
  const fs = el.closest('fieldset[disabled]');
  return !!fs;
}

/** isButtonLike tells an element that acts as a button: button, input button, role=button/menuitem, a link styled as a button. */
export function isButtonLike(el) {
  const r = role(el);
  if (r === 'button' || r === 'menuitem') return !isCheckLike(el);
  if (el.tagName === 'A' && /(^|[\s_-])(button|btn)([\s_-]|$)/i.test(el.className || '')) return true;
  return false;
}

/** closestButton returns the button-like element the target is in (the target itself included), or null. */
export function closestButton(target, stop) {
  // A submit event without a submitter (Enter in a field) lands on the form: its default button acts.
  if (target && target.tagName === 'FORM') {
    return target.querySelector('button[type="submit" i], button:not([type]), input[type="submit" i], input[type="image" i]');
  }
  for (let el = target && target.nodeType === 3 ? target.parentElement : target; el && el.nodeType === 1; el = parentOf(el)) {
    if (isButtonLike(el)) return el;
    if (el === stop || el.tagName === 'BODY') break;
  }
  return null;
}

/** parentOf returns the parent element, crossing out of an open shadow root to its host. */
export function parentOf(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode && el.getRootNode();
  return root && root.host ? root.host : null;
}

/** DIALOG_SELECTOR finds modal containers: dialog elements, role dialog/alertdialog, aria-modal, LinkedIn's artdeco modal. */
export const DIALOG_SELECTOR = 'dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"],.artdeco-modal';

/** isShown tells an element (a modal, a step) shown on the page: connected, not hidden, an open <dialog>, laid out. */
export function isShown(el) {
  if (!el.isConnected || el.hidden || el.getAttribute('aria-hidden') === 'true') return false;
  if (el.tagName === 'DIALOG' && !el.open) return false;
  return el.getClientRects().length > 0;
}

/** closestDialog returns the dialog the element is in, or null. */
export function closestDialog(el) {
  return el ? el.closest(DIALOG_SELECTOR) : null;
}

/** dialogTitle returns a dialog's name: aria-labelledby/aria-label, else its first heading. */
export function dialogTitle(dlg) {
  if (!dlg) return '';
  const n = dlg.hasAttribute('aria-labelledby') || dlg.hasAttribute('aria-label') ? accName(dlg) : '';
  if (n) return n;
  const h = dlg.querySelector('h1,h2,h3,[role="heading"],.artdeco-modal__header');
  return h ? textOf(h) : '';
}

const INLINE = new Set(['B', 'I', 'EM', 'STRONG', 'MARK', 'SMALL', 'U', 'S', 'SUB', 'SUP', 'ABBR', 'BDI', 'BDO', 'WBR', 'BR']);

/**
 * chunks returns the texts a container shows, one per text block in document order,
 * leaving out hidden parts and the subtrees for which skip(el) is true.
 * Each chunk is { text, el } where el is the element holding the text.
 * visit(el), when given, sees every element below root in document order, hidden and
 * skipped ones too: a reader that needs more than the texts walks the container once.
 */
export function chunks(root, skip, visit) {
  const out = [];
  let cur = null;
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!c.data.trim()) continue;
        let holder = n;
        while (INLINE.has(holder.tagName) && holder !== root && holder.parentElement) holder = holder.parentElement;
        if (cur && cur.el === holder) cur.text += c.data;
        else {
          cur = { text: c.data, el: holder };
          out.push(cur);
        }
      } else if (c.nodeType === 1) {
        visit?.(c);
        if (!hiddenFromReading(c) && !(skip && skip(c))) {
          if (!INLINE.has(c.tagName)) cur = null;
          walk(c);
          if (!INLINE.has(c.tagName)) cur = null;
        } else if (visit && c.firstElementChild) visitAll(c, visit);
      }
    }
  };
  walk(root);
  for (const c of out) c.text = clean(c.text);
  return out.filter((c) => c.text);
}

/** visitAll calls visit(el) for every element below root, in document order. */
function visitAll(root, visit) {
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) {
    visit(c);
    if (c.firstElementChild) visitAll(c, visit);
  }
}

/**
 * toggle clicks a check-like control the way a user would (so the page's own
 * handlers update its state) and reports whether its state is now `want`.
 * Falls back to the control's label, then to a child, before giving up.
 */
export function toggle(el, want) {
  if (isChecked(el) === want) return true;
  el.click();
  if (isChecked(el) === want) return true;
  // The page listens elsewhere: its label, an inner control, the wrapping label.
  const tries = el.labels ? [...el.labels] : [];
  const inner = el.querySelector('input,button,[role="checkbox"],span,div');
  if (inner) tries.push(inner);
  const label = el.closest('label');
  if (label && !tries.includes(label)) tries.push(label);
  for (const t of tries) {
    t.click();
    if (isChecked(el) === want) return true;
  }
  return isChecked(el) === want;
}
