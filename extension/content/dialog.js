// The confirmation dialog: a closed shadow root on a host we created (content/layer.js), role="dialog",
// aria-modal, named "Invite Guard". It shows the decision of the core, lets the user keep or drop rows
// (a virtualised list, so 5,000 rows stay fast), asks for the friction the core wants, and answers
// { confirmed: true, keep: [indexes], decision } or { confirmed: false }.
// Every handler that could send something ignores untrusted (script-made) events.

import { shieldIcon } from './style.js';
import { el } from '../shared/el.js';
import { mountHost, pageHasModal, toTopLayer } from './layer.js';
import { createRowList } from './rowlist.js';
import { watchIntact } from './intact.js';

const BREAKDOWN_ALWAYS = ['members', 'notMembers', 'recentlyInvited', 'reinviteLocked', 'overBudget'];
const BREAKDOWN_IF_ANY = ['unknown', 'inTarget', 'optedOut', 'duplicates'];
const WARN_STATS = new Set(['notMembers', 'recentlyInvited', 'reinviteLocked', 'overBudget', 'inTarget', 'optedOut', 'duplicates']);
const REASK_DELAY_MS = 120;

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

/**
 * openDialog shows the dialog and resolves when the user confirms or cancels.
 * opts: { i18n, network, surface, target, recipients, decision (null for the fallback), error,
 *         extraReasons, minFriction, avoidRect, reask(keepIndexes) → Promise<{decision}|{error}>, openOptions }
 */
export function openDialog(opts) {
  const { i18n, recipients } = opts;
  const n = recipients.length;
  const { host, root } = mountHost('dialog');
  const previousFocus = document.activeElement;

  let decision = opts.decision;
  const fallback = !decision;
  // Why flagged rows start unchecked: these reasons of the first answer stay on screen after re-asking.
  const FLAG_REASONS = new Set(['not_members', 'recently_invited', 'reinvite_locked', 'in_target', 'opted_out', 'duplicates', 'over_budget']);
  const firstFlagReasons = (decision?.reasons ?? []).filter((r) => FLAG_REASONS.has(r.code));
  const firstBreakdown = decision?.breakdown ?? null;
  const kept = new Uint8Array(n);
  if (fallback) recipients.forEach((r, i) => (kept[i] = r.selected ? 1 : 0));
  else for (const i of decision.suggested ?? []) if (i >= 0 && i < n) kept[i] = 1;
  let keptCount = kept.reduce((a, b) => a + b, 0);
  // The core flags only the rows it was asked about (the selected ones). A re-ask for the kept rows
  // says nothing about the rows left out, so those keep the first answer's flags: an unchecked row
  // still says why ("Invited recently until …").
  const byIndex = (d) => new Map((d?.flagged ?? []).map((f) => [f.index, f]));
  const firstFlags = byIndex(decision);
  let flagsByIndex = firstFlags;
  let answeredFor = new Set(recipients.flatMap((r, i) => (r.selected ? [i] : [])));
  const indexFlags = (asked) => {
    flagsByIndex = byIndex(decision);
    answeredFor = new Set(asked);
  };
  const flagsOf = (i) => (answeredFor.has(i) ? flagsByIndex.get(i) : firstFlags.get(i));

  let reaskSeq = 0;
  let reaskPending = false;
  let reaskTimer = 0;
  let typed = '';
  let resolveResult;
  const result = new Promise((r) => (resolveResult = r));

  // --- skeleton ---
  const headline = el('h2', { id: 'ig-title' });
  const where = el('div', { class: 'where' });
  const reasonsList = el('ul', { class: 'reasons' });
  const fallbackBox = fallback ? el('div', { class: 'fallback', role: 'alert' }) : null;
  const stats = el('ul', { class: 'stats' });
  const budget = el('p', { class: 'budget' });
  const keptLabel = el('span', { class: 'kept', 'aria-live': 'polite' });
  const btnAll = el('button', { class: 'link', type: 'button', text: i18n.t('list_select_all') });
  const btnSuggested = fallback ? null : el('button', { class: 'link', type: 'button', text: i18n.t('list_select_suggested') });
  const btnNone = el('button', { class: 'link', type: 'button', text: i18n.t('list_select_none') });
  const hint = fallback ? null : el('p', { class: 'hint', text: i18n.t('list_hint') });
  // --- the virtualised list ---
  const list = createRowList({
    recipients,
    kept,
    i18n,
    flagsOf,
    onToggle: (i, on) => setKept(i, on),
    label: i18n.t('list_heading'),
  });
  const viewport = list.viewport;
  const drawRows = (force) => list.draw(force);
  const friction = el('div', { class: 'friction' });
  const coveredBox = el('div', { class: 'blocked', role: 'alert', hidden: true, text: i18n.t('dialog_covered') });
  const cancelBtn = el('button', { class: 'cancel', type: 'button', text: i18n.t('button_cancel') });
  const confirmBtn = el('button', { class: 'confirm', type: 'button' });

  const panel = el(
    'div',
    { class: 'panel' },
    el('header', {}, el('div', { class: 'brand' }, shieldIcon(), el('span', { text: i18n.t('dialog_title') })), headline, where),
    el(
      'div',
      { class: 'body' },
      fallbackBox,
      reasonsList,
      stats,
      budget,
      el('div', { class: 'listhead' }, el('div', { class: 'title' }, el('h3', { text: i18n.t('list_heading') }), keptLabel), el('div', { class: 'tools' }, btnAll, btnSuggested, btnNone)),
      hint,
      viewport,
    ),
    el('footer', {}, coveredBox, friction, el('div', { class: 'buttons' }, cancelBtn, confirmBtn)),
  );
  if (n <= 1) panel.querySelector('.tools').hidden = true; // nothing to choose between
  const overlay = el('div', { class: 'overlay' }, panel);
  // We live in the top layer, above any z-index of the page. Over a modal <dialog> of the page only
  // another modal dialog is interactive, so then ours is modal too; otherwise a popover host is enough
  // and much cheaper (showModal makes the rest of the page inert: 100–400 ms on a 5,000-row page).
  const modal = el('dialog', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': i18n.t('dialog_title'), 'aria-describedby': 'ig-title' }, overlay);
  modal.addEventListener('cancel', (e) => e.preventDefault()); // Esc is handled (trusted only) below
  root.append(modal);
  if (pageHasModal()) modal.showModal();
  else {
    toTopLayer(host);
    modal.show();
  }

  // --- rendering ---
  const where1 = i18n.t('dialog_where', { surface: i18n.t(`surface_${opts.surface}`), network: i18n.t(`network_${opts.network}`) });
  where.textContent = opts.target ? `${where1} · ${i18n.t('dialog_target', { target: opts.target })}` : where1;
  if (fallbackBox) {
    const body = opts.error?.code === 'read' ? opts.error.message : i18n.t('fallback_body', { error: opts.error?.message ?? opts.error?.code ?? '?' });
    fallbackBox.append(el('strong', { text: i18n.t('fallback_title') }), el('div', { text: body }));
  }

  function friction0() {
    if (fallback) return opts.minFriction === 'type' ? 'type' : 'click';
    const order = ['none', 'click', 'type', 'blocked'];
    const f = decision.friction;
    const min = opts.minFriction ?? 'none';
    return order.indexOf(f) >= order.indexOf(min) ? f : min;
  }
  function confirmText() {
    return decision?.confirmText || String(keptCount);
  }

  function renderSummary() {
    headline.textContent = i18n.plural('dialog_headline', keptCount);
    reasonsList.replaceChildren();
    const current = decision?.reasons ?? [];
    const kept0 = firstFlagReasons.filter((r) => !current.some((c) => c.code === r.code));
    const reasons = [...(opts.extraReasons ?? []), ...current, ...kept0];
    for (const r of reasons) {
      const blockIssue = r.code === 'message_issue' && r.params?.severity === 'block';
      reasonsList.append(el('li', { class: r.code === 'over_block_limit' || blockIssue ? 'block' : null, text: renderReason(i18n, r, decision) }));
    }
    reasonsList.hidden = reasons.length === 0;
    stats.replaceChildren();
    // The breakdown describes the batch the page was about to send (the first answer), so it stays
    // consistent with the flags in the list; the headline and the button follow the kept selection.
    const bd = firstBreakdown;
    if (bd) {
      for (const k of [...BREAKDOWN_ALWAYS, ...BREAKDOWN_IF_ANY.filter((k) => bd[k] > 0)]) {
        stats.append(el('li', { class: WARN_STATS.has(k) && bd[k] > 0 ? 'stat warn' : 'stat' }, el('b', { text: i18n.number(bd[k] ?? 0) }), el('span', { text: i18n.t(`breakdown_${k}`) })));
      }
    }
    stats.hidden = !bd;
    const b = decision?.budget;
    budget.hidden = !b;
    if (b) budget.textContent = i18n.t('budget_line', b);
    keptLabel.textContent = i18n.t('list_kept', { kept: keptCount, total: n });
    if (hint) hint.hidden = flagsByIndex.size === 0 && firstFlags.size === 0;
    renderFriction();
  }

  function renderFriction() {
    const f = friction0();
    const typeInput = friction.querySelector('input');
    const hadFocus = typeInput && root.activeElement === typeInput;
    friction.replaceChildren();
    if (f === 'type') {
      const text = confirmText();
      const input = el('input', { id: 'ig-type', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' });
      input.value = typed;
      // The number counts only as the user types it: every edit must be announced by a trusted beforeinput
      // on the very text we hold. A script's value (set from a reference it should not have), an
      // execCommand insertion (its input event is trusted but has no beforeinput) and untrusted events are
      // undone, so a pre-filled "30x" cannot become "30" with one Backspace.
      let userEdit = false;
      input.addEventListener('beforeinput', (e) => {
        userEdit = e.isTrusted && input.value === typed;
        if (!userEdit && e.cancelable) {
          e.preventDefault();
          input.value = typed;
        }
      });
      input.addEventListener('input', (e) => {
        const ok = e.isTrusted && userEdit;
        userEdit = false;
        if (!ok) {
          input.value = typed; // a page script cannot type for the user
          return;
        }
        typed = input.value;
        updateConfirm();
      });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.isTrusted) {
          e.preventDefault();
          if (input.value === typed) tryConfirm(e);
          else input.value = typed;
        }
      });
      friction.append(el('label', { for: 'ig-type', text: i18n.t('friction_type_label', { count: text }) }), input);
      if (hadFocus) input.focus();
    } else if (f === 'blocked') {
      const limit = decision?.reasons?.find((r) => r.code === 'over_block_limit')?.params?.limit;
      const box = el('div', { class: 'blocked', role: 'alert' }, el('strong', { text: i18n.t('friction_blocked_title') }));
      const msgBlock = decision?.message && decision.message.ok === false;
      if (limit != null) box.append(el('div', { text: i18n.t('friction_blocked_help', { limit }) }));
      if (msgBlock) box.append(el('div', { text: i18n.t('friction_blocked_message') }));
      const optionsBtn = el('button', { class: 'link', type: 'button', text: i18n.t('open_options') });
      optionsBtn.addEventListener('click', (e) => e.isTrusted && opts.openOptions?.());
      box.append(optionsBtn);
      friction.append(box);
    } else if (f === 'click') {
      friction.append(el('p', { class: 'note', text: i18n.t('friction_click') }));
    }
    updateConfirm();
  }

  function canConfirm() {
    if (reaskPending || keptCount === 0) return false;
    const f = friction0();
    if (f === 'blocked') return false;
    if (f === 'type') return typed.trim() === confirmText();
    return true;
  }

  function updateConfirm() {
    confirmBtn.textContent = keptCount === 0 ? i18n.t('button_send_none') : i18n.plural('button_send', keptCount);
    confirmBtn.disabled = !canConfirm();
  }


  // --- selection and re-asking the core ---
  function setKept(i, on) {
    if (!!kept[i] === on) return;
    kept[i] = on ? 1 : 0;
    keptCount += on ? 1 : -1;
    selectionChanged();
  }
  function setAll(pred) {
    keptCount = 0;
    for (let i = 0; i < n; i++) {
      kept[i] = pred(i) ? 1 : 0;
      keptCount += kept[i];
    }
    drawRows(true);
    selectionChanged();
  }
  const suggestedSet = new Set(decision?.suggested ?? []);
  btnAll.addEventListener('click', (e) => e.isTrusted && setAll(() => true));
  btnNone.addEventListener('click', (e) => e.isTrusted && setAll(() => false));
  btnSuggested?.addEventListener('click', (e) => e.isTrusted && setAll((i) => suggestedSet.has(i)));

  function keptIndexes() {
    const out = [];
    for (let i = 0; i < n; i++) if (kept[i]) out.push(i);
    return out;
  }

  function selectionChanged() {
    typed = '';
    reask();
  }

  function reask() {
    headline.textContent = i18n.plural('dialog_headline', keptCount);
    keptLabel.textContent = i18n.t('list_kept', { kept: keptCount, total: n });
    if (fallback || !opts.reask) {
      renderFriction();
      return;
    }
    reaskPending = true;
    updateConfirm();
    clearTimeout(reaskTimer);
    reaskTimer = setTimeout(async () => {
      const seq = ++reaskSeq;
      const asked = keptIndexes();
      const answer = await opts.reask(asked);
      if (seq !== reaskSeq) return;
      reaskPending = false;
      if (answer?.decision) {
        decision = answer.decision;
        indexFlags(asked);
      } else {
        // The core cannot answer: stay safe, ask for the number to be typed.
        opts.minFriction = 'type';
      }
      renderSummary();
      drawRows(true);
    }, REASK_DELAY_MS);
  }

  // --- closing ---
  function close(value) {
    intact.stop();
    clearTimeout(reaskTimer);
    reaskSeq++;
    if (modal.open) modal.close();
    host.remove();
    document.removeEventListener('focusin', keepFocus, true);
    if (previousFocus && previousFocus.isConnected && typeof previousFocus.focus === 'function') previousFocus.focus({ preventScroll: true });
    resolveResult(value);
  }
  // A page can still remove, hide or cover the host (not reach inside): a confirmation given to a dialog
  // the user may not see as we drew it is refused (content/intact.js).
  const intact = watchIntact({ host, box: panel, minSize: { width: Math.min(240, innerWidth / 2), height: Math.min(160, innerHeight / 2) }, inTopLayer: () => modal.open && (!host.hasAttribute('popover') || host.matches(':popover-open')) });
  function tryConfirm(e) {
    if (!e.isTrusted || !canConfirm()) return;
    const at = e.type === 'click' && e.detail > 0 ? { x: e.clientX, y: e.clientY } : centre(confirmBtn);
    const why = intact.check(at);
    if (why) {
      console.warn(`Invite Guard: the dialog was ${why}; the confirmation is refused`);
      showCovered();
      return;
    }
    close({ confirmed: true, keep: keptIndexes(), decision, count: keptCount });
  }
  function showCovered() {
    coveredBox.hidden = false;
    if (!pageHasModal() && host.hasAttribute('popover') && !host.matches(':popover-open')) toTopLayer(host);
  }
  confirmBtn.addEventListener('click', tryConfirm);
  cancelBtn.addEventListener('click', (e) => e.isTrusted && close({ confirmed: false }));
  overlay.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close({ confirmed: false });
    } else if (e.key === 'Tab') trapTab(e);
  });
  // Keys typed in the dialog are ours: the page's shortcuts do not see them.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());

  function focusables() {
    return [...root.querySelectorAll('button:not([disabled]), input:not([disabled])')].filter((x) => !x.closest('[hidden]') && x.getClientRects().length);
  }
  function trapTab(e) {
    const list = focusables();
    if (!list.length) return;
    const i = list.indexOf(root.activeElement);
    const next = e.shiftKey ? (i <= 0 ? list.length - 1 : i - 1) : i === list.length - 1 ? 0 : i + 1;
    e.preventDefault();
    list[next].focus();
  }
  function keepFocus(e) {
    if (e.target !== host && host.isConnected) {
      e.stopPropagation();
      (root.querySelector('#ig-type') ?? cancelBtn).focus();
    }
  }
  document.addEventListener('focusin', keepFocus, true);

  // --- first paint ---
  renderSummary();
  drawRows(true);
  // The core answered for the page's selection; when it suggests fewer, ask again for the kept rows
  // so that the friction follows what would really be sent.
  if (!fallback && recipients.some((r, i) => !!r.selected !== !!kept[i])) reask();
  placeAwayFrom(opts.avoidRect);
  (root.querySelector('#ig-type') ?? cancelBtn).focus({ preventScroll: true });

  function placeAwayFrom(rect) {
    if (!rect) return;
    for (const [place, side] of [['center', ''], ['start', ''], ['end', ''], ['center', 'left'], ['center', 'right'], ['start', 'left'], ['end', 'right']]) {
      overlay.dataset.place = place;
      overlay.dataset.side = side;
      if (!rectsOverlap(confirmBtn.getBoundingClientRect(), rect)) return;
    }
  }

  return {
    result,
    host,
    /** cancel closes the dialog as if the user cancelled (the page navigated away, …). */
    cancel: () => close({ confirmed: false }),
  };
}
