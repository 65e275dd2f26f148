// Browser-neutral access to Invite Guard's UI for the scenario list: works on a Playwright page and on
// a puppeteer-core page alike (evaluate, mouse, keyboard). Controls are found by role and accessible
// name (aria-label, the label, or the text) inside Invite Guard's closed shadow roots (reached through
// the debugging protocol: closed-roots.mjs), or in the document of an extension page, and clicked with
// the mouse: trusted input, as a user's.

import { inRoots } from './closed-roots.mjs';

export const wait = (ms) => new Promise((r) => setTimeout(r, ms));

/** until polls fn until it returns something truthy and returns it; throws after timeout. */
export async function until(fn, { timeout = 15000, interval = 50, what = 'a condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(interval);
  }
}

/** pattern makes a string or RegExp something evaluate can carry. */
const pattern = (p) => (p instanceof RegExp ? { re: p.source, flags: p.flags } : { s: p });

// Runs in the page: finds the first visible element with the role and name (or, for role 'text', the
// innermost element whose text contains it), scrolls it into view and describes it.
function findInPage({ role, name, root }, ...shadowRoots) {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (s) => (name.re ? new RegExp(name.re, name.flags).test(s) : role === 'text' ? s.includes(name.s) : s === name.s);
  const roots = [];
  if (root === 'document') roots.push(document);
  roots.push(...shadowRoots);
  const sel = {
    button: 'button,[role=button]',
    checkbox: 'input[type=checkbox],[role=checkbox]',
    textbox: 'input:not([type]),input[type=text],input[type=number],input[type=url],input[type=password],textarea',
    dialog: 'dialog,[role=dialog]',
    text: '*',
  }[role];
  const nameOf = (e) => norm(e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent);
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  for (const r of roots) {
    for (const e of r.querySelectorAll(sel)) {
      if (e.tagName === 'STYLE' || e.tagName === 'SCRIPT') continue;
      if (role === 'text') {
        if (!test(norm(e.textContent)) || [...e.children].some((c) => test(norm(c.textContent)))) continue;
      } else if (!test(nameOf(e))) continue;
      if (role !== 'dialog' && !visible(e)) continue;
      if (role !== 'dialog' && role !== 'text') e.scrollIntoView({ block: 'center' });
      const b = e.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, checked: !!e.checked, disabled: !!e.disabled, text: norm(e.textContent) };
    }
  }
  return null;
}

/**
 * ui returns the finder of one page: root 'document' also searches the page itself (an extension
 * page); by default only Invite Guard's shadow roots on a site's page are searched.
 */
export function ui(page, { root = 'shadow' } = {}) {
  const find = (role, name) =>
    root === 'document' ? page.evaluate(findInPage, { role, name: pattern(name), root }) : inRoots(page, findInPage, { role, name: pattern(name), root });
  // wait1 waits for the control (an enabled one when enabled is true) and describes it.
  const wait1 = (role, name, timeout = 15000, enabled = false) =>
    until(
      async () => {
        const found = await find(role, name);
        return found && !(enabled && found.disabled) ? found : null;
      },
      { timeout, what: `${role} “${name}”${enabled ? ', enabled' : ''}` },
    );
  return {
    find,
    wait: wait1,
    waitText: (text, timeout) => wait1('text', text, timeout),
    async waitGone(role, name, timeout = 15000) {
      await until(async () => !(await find(role, name)), { timeout, what: `${role} “${name}” to go` });
    },
    state: (role, name) => wait1(role, name),
    /**
     * click clicks the control once it is enabled, as a person waits for a greyed-out button: the dialog's
     * first frame shows "Send N invitations" disabled until the decision fills the same host.
     */
    async click(role, name, timeout = 15000) {
      const at = await wait1(role, name, timeout, true);
      await page.mouse.click(at.x, at.y);
    },
    async type(role, name, text) {
      await this.click(role, name);
      await page.keyboard.type(text);
    },
  };
}
