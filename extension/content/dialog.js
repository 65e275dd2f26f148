// The confirmation dialog: a closed shadow root on a host we created (content/layer.js), role="dialog",
// aria-modal, named "Invite Guard". It shows the decision of the core, lets the user keep or drop rows
// (a virtualised list, so 5,000 rows stay fast), asks for the friction the core wants, and answers
// { confirmed: true, keep: [indexes], decision } or { confirmed: false }.
// Every handler that could send something ignores untrusted (script-made) events.
// Before its first frame the dialog reads the layout once (to keep its confirm button away from the
// button the user clicked): on a page of thousands of rows each layout read is a layout of the page.

import { shieldIcon } from './style.js';
import { el } from '../shared/el.js';
import { mountDialogHost, pageHasModal, showLayer, toTopLayer } from './layer.js';
import { createRowList } from './rowlist.js';
import { watchIntact } from './intact.js';

const BREAKDOWN_ALWAYS = ['members', 'notMembers', 'recentlyInvited', 'reinviteLocked', 'overBudget'];
const BREAKDOWN_IF_ANY = ['unknown', 'inTarget', 'optedOut', 'duplicates'];
const WARN_STATS = new Set(['notMembers', 'recentlyInvited', 'reinviteLocked', 'overBudget', 'inTarget', 'optedOut', 'duplicates']);
// Why flagged rows start unchecked: these reasons of the first answer stay on screen after re-asking.
const FLAG_REASONS = new Set(['not_members', 'recently_invited', 'reinvite_locked', 'in_target', 'opted_out', 'duplicates', 'over_budget']);
const FRICTIONS = ['none', 'click', 'type', 'blocked'];
// Where the panel may go, in order of preference, when the confirm button would sit over the clicked one.
const PLACES = [
  ['center', ''],
  ['start', ''],
  ['end', ''],
  ['center', 'left'],
  ['center', 'right'],
  ['start', 'left'],
  ['end', 'right'],
];
const REASK_DELAY_MS = 120;
const OVERLAY_PADDING = 24; // .overlay's padding (content/style.js)

function centre(e) {
  const r = e.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

function rectsOverlap(a, b, margin = 24) {
  return !(a.right + margin < b.left || b.right + margin < a.left || a.bottom + margin < b.top || b.bottom + margin < a.top);
}

/** renderReason renders one core reason (or one of hold's own) in the user's language. */
export function renderReason(i18n, reason, decision) {
  const p = reason.params ?? {};
  if (reason.code === 'message_issue') {
    const issue = decision?.message?.issues?.find((x) => x.code === p.code);
    const ip = { ...(issue?.params ?? p) };
    if (Array.isArray(ip.signals)) ip.signals = ip.signals.map((s) => i18n.t(`signal_${s}`));
    return i18n.t('reason_message_issue', { issue: i18n.t(`issue_${p.code}`, ip) });
  }
  return i18n.t(`reason_${reason.code}`, p);
}

const byIndex = (decision) => new Map((decision?.flagged ?? []).map((f) => [f.index, f]));

/**
 * openDialog shows the dialog and resolves when the user confirms or cancels.
 * opts: { i18n, network, surface, target, recipients, decision (null for the fallback), error,
 *         extraReasons, minFriction, avoidRect, reask(keepIndexes) → Promise<{decision}|{error}>, openOptions,
 *         into (the first frame content/pending.js showed: its host, already on screen, takes the dialog) }
 */
export function openDialog(opts) {
  const d = newState(opts);
  // Filled before it is shown: showing it lays it out (its focusing steps), and that is the one layout
  // before the first frame; focusing and measuring it after that read a clean layout.
  buildDialog(d);
  renderWhere(d);
  renderSummary(d);
  d.list.draw(true);
  // The core answered for the page's selection; when it suggests fewer, ask again for the kept rows
  // so that the friction follows what would really be sent.
  if (!d.fallback && opts.recipients.some((r, i) => !!r.selected !== !!d.kept[i])) reask(d);
  if (!opts.into) showLayer(d.host, d.modal, d.overModal);
  listen(d);
  (d.root.querySelector('#ig-type') ?? d.ui.cancelBtn).focus({ preventScroll: true });
  placeAwayFrom(d, opts.avoidRect);
  return {
    result: d.result,
    host: d.host,
    /** cancel closes the dialog as if the user cancelled (the page navigated away, …). */
    cancel: () => close(d, { confirmed: false }),
  };
}

/** newState is the dialog's state: the decision shown, the kept rows, the flags, the re-ask in flight. */
function newState(opts) {
  const { recipients } = opts;
  const n = recipients.length;
  const decision = opts.decision;
  const fallback = !decision;
  const kept = new Uint8Array(n);
  if (fallback) recipients.forEach((r, i) => (kept[i] = r.selected ? 1 : 0));
  else for (const i of decision.suggested ?? []) if (i >= 0 && i < n) kept[i] = 1;
  // The core flags only the rows it was asked about (the selected ones). A re-ask for the kept rows
  // says nothing about the rows left out, so those keep the first answer's flags: an unchecked row
  // still says why ("Invited recently until …").
  const firstFlags = byIndex(decision);
  const d = {
    opts,
    i18n: opts.i18n,
    recipients,
    n,
    decision,
    fallback,
    kept,
    keptCount: kept.reduce((a, b) => a + b, 0),
    firstFlagReasons: (decision?.reasons ?? []).filter((r) => FLAG_REASONS.has(r.code)),
    firstBreakdown: decision?.breakdown ?? null,
    firstFlags,
    flagsByIndex: firstFlags,
    answeredFor: new Set(recipients.flatMap((r, i) => (r.selected ? [i] : []))),
    suggestedSet: new Set(decision?.suggested ?? []),
    reaskSeq: 0,
    reaskPending: false,
    reaskTimer: 0,
    typed: '',
    previousFocus: opts.into ? opts.into.previousFocus : document.activeElement,
    resolveResult: null,
  };
  d.result = new Promise((r) => (d.resolveResult = r));
  return d;
}

const flagsOf = (d, i) => (d.answeredFor.has(i) ? d.flagsByIndex.get(i) : d.firstFlags.get(i));

/** buildDialog creates the host, the skeleton and the virtualised list. */
function buildDialog(d) {
  const { i18n, fallback } = d;
  const { host, root, overModal } = d.opts.into ?? mountDialogHost('dialog');
  d.host = host;
  d.root = root;
  d.overModal = overModal;
  const ui = {
    headline: el('h2', { id: 'ig-title' }),
    where: el('div', { class: 'where' }),
    reasonsList: el('ul', { class: 'reasons' }),
    fallbackBox: fallback ? el('div', { class: 'fallback', role: 'alert' }) : null,
    stats: el('ul', { class: 'stats' }),
    budget: el('p', { class: 'budget' }),
    keptLabel: el('span', { class: 'kept', 'aria-live': 'polite' }),
    btnAll: el('button', { class: 'link', type: 'button', text: i18n.t('list_select_all') }),
    btnSuggested: fallback ? null : el('button', { class: 'link', type: 'button', text: i18n.t('list_select_suggested') }),
    btnNone: el('button', { class: 'link', type: 'button', text: i18n.t('list_select_none') }),
    hint: fallback ? null : el('p', { class: 'hint', text: i18n.t('list_hint') }),
    friction: el('div', { class: 'friction' }),
    coveredBox: el('div', { class: 'blocked', role: 'alert', hidden: true, text: i18n.t('dialog_covered') }),
    cancelBtn: el('button', { class: 'cancel', type: 'button', text: i18n.t('button_cancel') }),
    confirmBtn: el('button', { class: 'confirm', type: 'button' }),
  };
  d.ui = ui;
  d.list = createRowList({
    recipients: d.recipients,
    kept: d.kept,
    i18n,
    flagsOf: (i) => flagsOf(d, i),
    onToggle: (i, on) => setKept(d, i, on),
    label: i18n.t('list_heading'),
  });
  const tools = el('div', { class: 'tools' }, ui.btnAll, ui.btnSuggested, ui.btnNone);
  if (d.n <= 1) tools.hidden = true; // nothing to choose between
  d.panel = el(
    'div',
    { class: 'panel' },
    el('header', {}, brand(i18n), ui.headline, ui.where),
    el(
      'div',
      { class: 'body' },
      ui.fallbackBox,
      ui.reasonsList,
      ui.stats,
      ui.budget,
      el('div', { class: 'listhead' }, el('div', { class: 'title' }, el('h3', { text: i18n.t('list_heading') }), ui.keptLabel), tools),
      ui.hint,
      d.list.viewport,
    ),
    el('footer', {}, ui.coveredBox, ui.friction, el('div', { class: 'buttons' }, ui.cancelBtn, ui.confirmBtn)),
  );
  d.overlay = el('div', { class: 'overlay' }, d.panel);
  if (d.opts.into) {
    d.opts.into.stop(); // the first frame's listeners: this dialog's own take over
    d.modal = d.opts.into.modal;
    d.modal.replaceChildren(d.overlay);
  } else {
    d.modal = modalOf(i18n, d.overlay);
    root.append(d.modal);
  }
}

/** brand is the dialog's name line: the shield and "Invite Guard". */
export function brand(i18n) {
  return el('div', { class: 'brand' }, shieldIcon(), el('span', { text: i18n.t('dialog_title') }));
}

/** modalOf wraps the overlay in the dialog element both frames share; Esc is handled (trusted only) by its listeners. */
export function modalOf(i18n, overlay) {
  const modal = el(
    'dialog',
    { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': i18n.t('dialog_title'), 'aria-describedby': 'ig-title' },
    overlay,
  );
  modal.addEventListener('cancel', (e) => e.preventDefault());
  return modal;
}

/** whereText is the screen and network line: "Contact import on LinkedIn". */
export function whereText(i18n, { surface, network }) {
  return i18n.t('dialog_where', { surface: i18n.t(`surface_${surface}`), network: i18n.t(`network_${network}`) });
}

/** renderWhere writes the screen and network (and target) line, and the fallback's explanation. */
function renderWhere(d) {
  const { i18n, opts, ui } = d;
  const where1 = whereText(i18n, opts);
  ui.where.textContent = opts.target ? `${where1} · ${i18n.t('dialog_target', { target: opts.target })}` : where1;
  if (ui.fallbackBox) {
    const body = opts.error?.code === 'read' ? opts.error.message : i18n.t('fallback_body', { error: opts.error?.message ?? opts.error?.code ?? '?' });
    ui.fallbackBox.append(el('strong', { text: i18n.t('fallback_title') }), el('div', { text: body }));
  }
}

/** friction0 is the friction asked for: the core's, at least the hold's minimum. */
function friction0(d) {
  if (d.fallback) return d.opts.minFriction === 'type' ? 'type' : 'click';
  const f = d.decision.friction;
  const min = d.opts.minFriction ?? 'none';
  return FRICTIONS.indexOf(f) >= FRICTIONS.indexOf(min) ? f : min;
}

function confirmText(d) {
  return d.decision?.confirmText || String(d.keptCount);
}

/** renderSummary writes the headline, reasons, breakdown, budget and kept count, then the friction. */
function renderSummary(d) {
  const { i18n, ui, decision } = d;
  ui.headline.textContent = i18n.plural('dialog_headline', d.keptCount);
  ui.reasonsList.replaceChildren();
  const current = decision?.reasons ?? [];
  const kept0 = d.firstFlagReasons.filter((r) => !current.some((c) => c.code === r.code));
  const reasons = [...(d.opts.extraReasons ?? []), ...current, ...kept0];
  for (const r of reasons) {
    const blockIssue = r.code === 'message_issue' && r.params?.severity === 'block';
    ui.reasonsList.append(el('li', { class: r.code === 'over_block_limit' || blockIssue ? 'block' : null, text: renderReason(i18n, r, decision) }));
  }
  ui.reasonsList.hidden = reasons.length === 0;
  ui.stats.replaceChildren();
  // The breakdown describes the batch the page was about to send (the first answer), so it stays
  // consistent with the flags in the list; the headline and the button follow the kept selection.
  const bd = d.firstBreakdown;
  if (bd) {
    for (const k of [...BREAKDOWN_ALWAYS, ...BREAKDOWN_IF_ANY.filter((k) => bd[k] > 0)]) {
      ui.stats.append(
        el(
          'li',
          { class: WARN_STATS.has(k) && bd[k] > 0 ? 'stat warn' : 'stat' },
          el('b', { text: i18n.number(bd[k] ?? 0) }),
          el('span', { text: i18n.t(`breakdown_${k}`) }),
        ),
      );
    }
  }
  ui.stats.hidden = !bd;
  const b = decision?.budget;
  ui.budget.hidden = !b;
  if (b) ui.budget.textContent = i18n.t('budget_line', b);
  ui.keptLabel.textContent = i18n.t('list_kept', { kept: d.keptCount, total: d.n });
  if (ui.hint) ui.hint.hidden = d.flagsByIndex.size === 0 && d.firstFlags.size === 0;
  renderFriction(d);
}

/** renderFriction shows what the friction asks for: a typed number, a blocked box, a note, or nothing. */
function renderFriction(d) {
  const f = friction0(d);
  const { friction } = d.ui;
  const typeInput = friction.querySelector('input');
  const hadFocus = typeInput && d.root.activeElement === typeInput;
  friction.replaceChildren();
  if (f === 'type') {
    const input = typedInput(d);
    friction.append(el('label', { for: 'ig-type', text: d.i18n.t('friction_type_label', { count: confirmText(d) }) }), input);
    if (hadFocus) input.focus();
  } else if (f === 'blocked') friction.append(blockedBox(d));
  else if (f === 'click') friction.append(el('p', { class: 'note', text: d.i18n.t('friction_click') }));
  updateConfirm(d);
}

/**
 * typedInput is the field the number is typed in. The number counts only as the user types it: every edit
 * must be announced by a trusted beforeinput on the very text we hold. A script's value (set from a
 * reference it should not have), an execCommand insertion (its input event is trusted but has no
 * beforeinput) and untrusted events are undone, so a pre-filled "30x" cannot become "30" with one Backspace.
 */
function typedInput(d) {
  const input = el('input', { id: 'ig-type', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' });
  input.value = d.typed;
  let userEdit = false;
  input.addEventListener('beforeinput', (e) => {
    userEdit = e.isTrusted && input.value === d.typed;
    if (!userEdit && e.cancelable) {
      e.preventDefault();
      input.value = d.typed;
    }
  });
  input.addEventListener('input', (e) => {
    const ok = e.isTrusted && userEdit;
    userEdit = false;
    if (!ok) {
      input.value = d.typed; // a page script cannot type for the user
      return;
    }
    d.typed = input.value;
    updateConfirm(d);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.isTrusted) {
      e.preventDefault();
      if (input.value === d.typed) tryConfirm(d, e);
      else input.value = d.typed;
    }
  });
  return input;
}

/** blockedBox says why the batch cannot be sent as it is, with the way to the options. */
function blockedBox(d) {
  const { i18n, decision } = d;
  const limit = decision?.reasons?.find((r) => r.code === 'over_block_limit')?.params?.limit;
  const box = el('div', { class: 'blocked', role: 'alert' }, el('strong', { text: i18n.t('friction_blocked_title') }));
  const msgBlock = decision?.message && decision.message.ok === false;
  if (limit != null) box.append(el('div', { text: i18n.t('friction_blocked_help', { limit }) }));
  if (msgBlock) box.append(el('div', { text: i18n.t('friction_blocked_message') }));
  const optionsBtn = el('button', { class: 'link', type: 'button', text: i18n.t('open_options') });
  optionsBtn.addEventListener('click', (e) => e.isTrusted && d.opts.openOptions?.());
  box.append(optionsBtn);
  return box;
}

function canConfirm(d) {
  if (d.reaskPending || d.keptCount === 0) return false;
  const f = friction0(d);
  if (f === 'blocked') return false;
  if (f === 'type') return d.typed.trim() === confirmText(d);
  return true;
}

function updateConfirm(d) {
  const { i18n, ui } = d;
  ui.confirmBtn.textContent = d.keptCount === 0 ? i18n.t('button_send_none') : i18n.plural('button_send', d.keptCount);
  ui.confirmBtn.disabled = !canConfirm(d);
}

// --- selection and re-asking the core ---

function setKept(d, i, on) {
  if (!!d.kept[i] === on) return;
  d.kept[i] = on ? 1 : 0;
  d.keptCount += on ? 1 : -1;
  selectionChanged(d);
}

function setAll(d, pred) {
  d.keptCount = 0;
  for (let i = 0; i < d.n; i++) {
    d.kept[i] = pred(i) ? 1 : 0;
    d.keptCount += d.kept[i];
  }
  d.list.draw(true);
  selectionChanged(d);
}

function keptIndexes(d) {
  const out = [];
  for (let i = 0; i < d.n; i++) if (d.kept[i]) out.push(i);
  return out;
}

function selectionChanged(d) {
  d.typed = '';
  reask(d);
}

/** reask asks the core again for the kept rows (debounced); until it answers nothing can be confirmed. */
function reask(d) {
  const { i18n, ui, opts } = d;
  ui.headline.textContent = i18n.plural('dialog_headline', d.keptCount);
  ui.keptLabel.textContent = i18n.t('list_kept', { kept: d.keptCount, total: d.n });
  if (d.fallback || !opts.reask) {
    renderFriction(d);
    return;
  }
  d.reaskPending = true;
  updateConfirm(d);
  clearTimeout(d.reaskTimer);
  d.reaskTimer = setTimeout(async () => {
    const seq = ++d.reaskSeq;
    const asked = keptIndexes(d);
    const answer = await opts.reask(asked);
    if (seq !== d.reaskSeq) return;
    d.reaskPending = false;
    if (answer?.decision) {
      d.decision = answer.decision;
      d.flagsByIndex = byIndex(d.decision);
      d.answeredFor = new Set(asked);
    } else {
      // The core cannot answer: stay safe, ask for the number to be typed.
      opts.minFriction = 'type';
    }
    renderSummary(d);
    d.list.draw(true);
  }, REASK_DELAY_MS);
}

// --- closing ---

function close(d, value) {
  d.intact.stop();
  clearTimeout(d.reaskTimer);
  d.reaskSeq++;
  if (d.modal.open) d.modal.close();
  d.host.remove();
  document.removeEventListener('focusin', d.keepFocus, true);
  const prev = d.previousFocus;
  if (prev && prev.isConnected && typeof prev.focus === 'function') prev.focus({ preventScroll: true });
  d.resolveResult(value);
}

/**
 * tryConfirm confirms on a trusted click or Enter. A page can still remove, hide or cover the host (not
 * reach inside): a confirmation given to a dialog the user may not see as we drew it is refused
 * (content/intact.js).
 */
function tryConfirm(d, e) {
  if (!e.isTrusted || !canConfirm(d)) return;
  const at = e.type === 'click' && e.detail > 0 ? { x: e.clientX, y: e.clientY } : centre(d.ui.confirmBtn);
  const why = d.intact.check(at);
  if (why) {
    console.warn(`Invite Guard: the dialog was ${why}; the confirmation is refused`);
    showCovered(d);
    return;
  }
  close(d, { confirmed: true, keep: keptIndexes(d), decision: d.decision, count: d.keptCount });
}

function showCovered(d) {
  d.ui.coveredBox.hidden = false;
  if (!pageHasModal() && d.host.hasAttribute('popover') && !d.host.matches(':popover-open')) toTopLayer(d.host);
}

/** listen wires the buttons, the keys, the focus trap and the watch on the host. */
function listen(d) {
  const { ui, host, modal } = d;
  ui.btnAll.addEventListener('click', (e) => e.isTrusted && setAll(d, () => true));
  ui.btnNone.addEventListener('click', (e) => e.isTrusted && setAll(d, () => false));
  ui.btnSuggested?.addEventListener('click', (e) => e.isTrusted && setAll(d, (i) => d.suggestedSet.has(i)));
  d.intact = watchIntact({
    host,
    box: d.panel,
    minSize: { width: Math.min(240, innerWidth / 2), height: Math.min(160, innerHeight / 2) },
    inTopLayer: () => modal.open && (!host.hasAttribute('popover') || host.matches(':popover-open')),
  });
  ui.confirmBtn.addEventListener('click', (e) => tryConfirm(d, e));
  ui.cancelBtn.addEventListener('click', (e) => e.isTrusted && close(d, { confirmed: false }));
  d.overlay.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(d, { confirmed: false });
    } else if (e.key === 'Tab') trapTab(d, e);
  });
  // Keys typed in the dialog are ours: the page's shortcuts do not see them.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  d.keepFocus = (e) => {
    if (e.target !== host && host.isConnected) {
      e.stopPropagation();
      (d.root.querySelector('#ig-type') ?? ui.cancelBtn).focus();
    }
  };
  document.addEventListener('focusin', d.keepFocus, true);
}

function focusables(d) {
  return [...d.root.querySelectorAll('button:not([disabled]), input:not([disabled])')].filter((x) => !x.closest('[hidden]') && x.getClientRects().length);
}

function trapTab(d, e) {
  const list = focusables(d);
  if (!list.length) return;
  const i = list.indexOf(d.root.activeElement);
  const next = e.shiftKey ? (i <= 0 ? list.length - 1 : i - 1) : i === list.length - 1 ? 0 : i + 1;
  e.preventDefault();
  list[next].focus();
}

/**
 * placeAwayFrom moves the panel so that its confirm button is not over (nor next to) the clicked button
 * (rect), trying PLACES in order. One layout read: the panel's size is the same in every place (only the
 * overlay's alignment changes), so where the button would be is computed, not measured again.
 */
function placeAwayFrom(d, rect) {
  if (!rect) return;
  const { overlay, panel } = d;
  const o = overlay.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  const c = d.ui.confirmBtn.getBoundingClientRect();
  const x = { '': o.left + (o.width - p.width) / 2, left: o.left + OVERLAY_PADDING, right: o.right - OVERLAY_PADDING - p.width };
  const y = { center: o.top + (o.height - p.height) / 2, start: o.top + OVERLAY_PADDING, end: o.bottom - OVERLAY_PADDING - p.height };
  const [dx0, dy0] = [c.left - p.left, c.top - p.top];
  let chosen = PLACES[PLACES.length - 1];
  for (const [place, side] of PLACES) {
    const left = x[side] + dx0;
    const top = y[place] + dy0;
    if (!rectsOverlap({ left, top, right: left + c.width, bottom: top + c.height }, rect)) {
      chosen = [place, side];
      break;
    }
  }
  overlay.dataset.place = chosen[0];
  overlay.dataset.side = chosen[1];
}
