// The dialog's and the toasts' styles, inside their shadow roots (the page's CSS cannot reach them).

const SVG_NS = 'http://www.w3.org/2000/svg';
const SHIELD_PATH = 'M12 2 4 5v6c0 5.2 3.4 9.9 8 11 4.6-1.1 8-5.8 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z';

/**
 * shieldIcon returns the Invite Guard shield as an SVG element of `size` pixels, made in `doc` (built with
 * the DOM, no markup strings).
 */
export function shieldIcon(doc = document, size = 20) {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', SHIELD_PATH);
  svg.append(path);
  return svg;
}

export const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
dialog.modal {
  position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none;
  margin: 0; padding: 0; border: 0; background: transparent; overflow: hidden; color: inherit;
}
dialog.modal::backdrop { background: transparent; }
dialog.modal:focus { outline: none; }
.overlay {
  position: fixed; inset: 0; z-index: 2147483646; display: flex; justify-content: center; align-items: center;
  padding: 24px; background: rgba(15, 23, 42, .52);
  contain: strict; /* a relayout boundary: what changes in the dialog is laid out without the page's thousands of rows */
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1e293b;
}
.overlay[data-place="start"] { align-items: flex-start; }
.overlay[data-place="end"] { align-items: flex-end; }
.overlay[data-side="left"] { justify-content: flex-start; }
.overlay[data-side="right"] { justify-content: flex-end; }
.panel {
  width: min(640px, 100%); max-height: calc(100vh - 48px); display: flex; flex-direction: column;
  background: #fff; border-radius: 14px; box-shadow: 0 24px 64px rgba(15, 23, 42, .35), 0 2px 6px rgba(15, 23, 42, .12);
  overflow: hidden;
}
header { padding: 18px 24px 10px; flex: none; }
.brand { display: flex; align-items: center; gap: 8px; color: #1d4ed8; font-weight: 600; font-size: 13px; letter-spacing: .02em; }
h2 { margin: 8px 0 2px; font-size: 19px; line-height: 1.3; font-weight: 650; color: #0f172a; }
.where { color: #64748b; font-size: 13px; }
.checking { margin: 10px 0 16px; color: #475569; }
.body { padding: 0 24px; overflow: auto; flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
.body > * { flex: none; }
.body > .viewport { flex: 0 1 auto; }
.reasons { list-style: none; margin: 8px 0 14px; padding: 0; display: grid; gap: 6px; }
.reasons li { display: flex; gap: 8px; align-items: flex-start; padding: 8px 12px; border-radius: 8px; background: #fffbeb; color: #78350f; }
.reasons li.block { background: #fef2f2; color: #7f1d1d; }
.reasons li::before { content: "!"; flex: none; width: 18px; height: 18px; border-radius: 50%; background: #f59e0b; color: #fff; font-weight: 700; font-size: 12px; display: grid; place-items: center; margin-top: 1px; }
.reasons li.block::before { background: #dc2626; }
.stats { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 10px; padding: 0; list-style: none; }
.stat { display: inline-flex; align-items: baseline; gap: 6px; border: 1px solid #e2e8f0; border-radius: 999px; padding: 4px 12px; font-size: 13px; color: #475569; background: #fff; }
.stat b { font-size: 14px; font-weight: 650; color: #0f172a; font-variant-numeric: tabular-nums; }
.stat.warn { border-color: #fcd34d; background: #fffbeb; color: #78350f; }
.stat.warn b { color: #92400e; }
.budget { font-size: 13px; color: #475569; margin: 0 0 12px; }
.listhead { display: flex; align-items: flex-end; gap: 4px 8px; flex-wrap: wrap; margin: 4px 0 6px; }
.listhead .title { margin-right: auto; }
.listhead h3 { margin: 0; font-size: 14px; font-weight: 600; }
.kept { display: block; color: #64748b; font-size: 12px; font-variant-numeric: tabular-nums; }
.tools { display: flex; gap: 2px; }
.hint { color: #64748b; font-size: 12px; margin: 0 0 6px; }
.link { border: 0; background: none; color: #1d4ed8; font: inherit; font-size: 13px; padding: 2px 4px; border-radius: 4px; cursor: pointer; }
.link:hover { text-decoration: underline; }
.viewport { position: relative; overflow-y: auto; border: 1px solid #e2e8f0; border-radius: 10px; margin-bottom: 14px; }
.spacer { position: relative; width: 100%; }
.row { position: absolute; left: 0; right: 0; height: 44px; display: flex; align-items: center; gap: 10px; padding: 0 12px; border-bottom: 1px solid #f1f5f9; cursor: pointer; }
.row:hover { background: #f8fafc; }
.row.flagged { background: #fffdf5; }
.row input { width: 16px; height: 16px; margin: 0; accent-color: #1d4ed8; flex: none; }
.who { min-width: 0; flex: 1 1 auto; display: flex; flex-direction: column; }
.name { font-weight: 550; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: #0f172a; }
.key { font-size: 12px; color: #64748b; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chips { display: flex; gap: 4px; flex: none; max-width: 50%; overflow: hidden; }
.chip { font-size: 11px; font-weight: 600; padding: 2px 8px; border-radius: 999px; background: #fef3c7; color: #92400e; white-space: nowrap; }
.chip.not_member { background: #e0e7ff; color: #3730a3; }
.chip.reinvite_locked, .chip.over_budget, .chip.opted_out { background: #fee2e2; color: #991b1b; }
.friction { margin: 0 0 12px; }
.friction:empty { display: none; }
.friction p { margin: 0; }
.friction label { display: block; font-weight: 600; margin-bottom: 6px; }
.friction input { width: 100%; max-width: 200px; font: inherit; font-size: 16px; padding: 8px 12px; border: 1px solid #cbd5e1; border-radius: 8px; }
.friction input:focus { outline: 2px solid #1d4ed8; outline-offset: 1px; border-color: #1d4ed8; }
.friction .note { color: #475569; }
.blocked { padding: 12px 14px; border-radius: 10px; background: #fef2f2; color: #7f1d1d; border: 1px solid #fecaca; }
.blocked strong { display: block; margin-bottom: 4px; }
.fallback { padding: 12px 14px; border-radius: 10px; background: #fff7ed; color: #7c2d12; border: 1px solid #fed7aa; margin: 8px 0 14px; }
footer { padding: 14px 24px 18px; border-top: 1px solid #e2e8f0; background: #f8fafc; flex: none; }
.buttons { display: flex; justify-content: flex-end; gap: 10px; }
footer button { font: inherit; font-weight: 600; padding: 9px 18px; border-radius: 8px; cursor: pointer; border: 1px solid transparent; }
.cancel { background: #fff; color: #1e293b; border-color: #cbd5e1; }
.cancel:hover { background: #f1f5f9; }
.confirm { background: #1d4ed8; color: #fff; }
.confirm:hover { background: #1e40af; }
.confirm:disabled { background: #94a3b8; cursor: not-allowed; }
button:focus-visible, .row input:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.toast {
  position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483646;
  min-width: 320px; max-width: calc(100vw - 32px); background: #0f172a; color: #f8fafc; border-radius: 12px;
  box-shadow: 0 12px 32px rgba(15, 23, 42, .4); overflow: hidden;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.toast .line { display: flex; align-items: center; gap: 14px; padding: 12px 14px 12px 16px; }
.toast .brand { color: #93c5fd; }
.toast .text { flex: 1; font-variant-numeric: tabular-nums; }
.toast button { font: inherit; font-weight: 700; color: #0f172a; background: #fbbf24; border: 0; border-radius: 8px; padding: 7px 16px; cursor: pointer; }
.toast button:hover { background: #f59e0b; }
.toast .bar { height: 3px; background: #fbbf24; transform-origin: left; }
.toast.info .bar { display: none; }
.toast.above { bottom: 96px; }
`;
