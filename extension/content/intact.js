// Is our UI still what the user sees? A page cannot reach into our closed shadow roots, but it can still
// remove, move, restyle, hide, shrink or cover the host element we created. watchIntact answers, for a
// host and the part of it that matters (the undo toast, the dialog's panel), whether it is still shown
// as we showed it; a countdown that is not counts as Undo, a confirm click on a dialog that is not is
// refused. Checks, cheapest first (RATIONALE.md, "Why closed shadow roots?"):
//  - any attribute change on the host, its removal from its parent (even if put back), a popover hidden by
//    someone else (beforetoggle), all seen at once by observers;
//  - at each check: still connected where we put it and in the top layer; checkVisibility (display,
//    visibility, opacity, content-visibility of every ancestor); the host's computed opacity, filter,
//    transform, clip-path and mask untouched; the box not shrunk nor off screen; elementFromPoint at its
//    centre (or at the click) is our host;
//  - where the browser has it (Chromium), IntersectionObserver v2 (trackVisibility): content of the page
//    painted over the box, even with pointer-events: none, makes it not visible.

import { isOurHost } from '../sites/common/ours.js';

const HAS_IO_V2 = typeof IntersectionObserver === 'function' && 'isVisible' in (globalThis.IntersectionObserverEntry?.prototype ?? {});

function restyled(host) {
  const cs = getComputedStyle(host);
  if (cs.display === 'none' || cs.visibility !== 'visible' || Number(cs.opacity) < 1) return true;
  if (cs.filter !== 'none' || cs.transform !== 'none' || cs.clipPath !== 'none') return true;
  return (cs.maskImage ?? 'none') !== 'none';
}

/**
 * watchIntact starts watching host (ours, already shown) and box (inside it). inTopLayer() tells whether
 * the host's layer is still open; minSize ({ width, height }) is the smallest the box may be (default:
 * nine tenths of its size now). onTamper(reason) is called once, at the first change seen by an
 * observer. Returns { check(point?) → '' | reason, stop() }.
 */
export function watchIntact({ host, box, inTopLayer = () => true, minSize, onTamper = () => {} }) {
  const parent = host.parentNode;
  // Measured only when not given: a layout read before the first frame is a layout of the whole page.
  const min = minSize ?? ((r) => ({ width: r.width * 0.9, height: r.height * 0.9 }))(box.getBoundingClientRect());
  let tampered = '';
  let occluded = false;
  let stopped = false;
  const tamper = (why) => {
    if (stopped || tampered) return;
    tampered = why;
    onTamper(why);
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target === host) tamper(`attribute ${r.attributeName} changed`);
      else if (r.type === 'childList' && [...r.removedNodes].includes(host)) tamper('removed');
    }
  });
  mo.observe(host, { attributes: true });
  if (parent) mo.observe(parent, { childList: true });
  const onToggle = (e) => e.newState === 'closed' && tamper('hidden (popover closed)');
  host.addEventListener('beforetoggle', onToggle);
  let io = null;
  if (HAS_IO_V2) {
    try {
      io = new IntersectionObserver(
        (entries) => {
          occluded = !entries[entries.length - 1].isVisible;
        },
        { trackVisibility: true, delay: 100 },
      );
      io.observe(box);
    } catch {
      io = null;
    }
  }

  function check(point) {
    if (tampered) return tampered;
    if (!host.isConnected || host.parentNode !== parent) return 'removed';
    if (!inTopLayer()) return 'hidden (left the top layer)';
    if (box.checkVisibility && !box.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return 'hidden';
    if (restyled(host)) return 'restyled';
    const r = box.getBoundingClientRect();
    if (r.width < min.width || r.height < min.height || r.width < 1 || r.height < 1) return 'shrunk';
    const x = point?.x ?? r.left + r.width / 2;
    const y = point?.y ?? r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return 'off screen';
    const hit = document.elementFromPoint(x, y);
    if (hit !== host) return isOurHost(hit) ? 'covered by another part of Invite Guard' : 'covered';
    if (occluded) return 'covered';
    return '';
  }

  return {
    check,
    stop() {
      stopped = true;
      mo.disconnect();
      io?.disconnect();
      host.removeEventListener('beforetoggle', onToggle);
    },
  };
}
