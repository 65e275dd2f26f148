// Locators for Invite Guard's own UI, now that it lives in closed shadow roots (Playwright's locators
// pierce open roots only). ours(page) offers the part of Playwright's Locator the tests use — getByRole,
// getByText, getByLabel, first, waitFor, click, check, uncheck, fill, isDisabled, isChecked, isVisible,
// boundingBox, getAttribute, inputValue, textContent — with Playwright's matching (a string name is a
// case-insensitive substring unless exact; a RegExp is tested) and its waiting (actions wait until the
// element is visible, enabled and the one hit at its centre). Elements are found through the roots
// closed-roots.mjs reaches over the debugging protocol; every action is the mouse or the keyboard:
// trusted input, as a user's.

import { inRoots } from './closed-roots.mjs';

const TIMEOUT = 30000;
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const pattern = (p, exact) => (p instanceof RegExp ? { re: p.source, flags: p.flags } : p == null ? null : { s: String(p), exact: !!exact });

// Runs in the page's main world with the closed roots: resolves the steps, describes the element chosen
// (the first visible match, else the first), optionally scrolled into view.
function resolveIn({ steps, scroll, nth }, ...roots) {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text, m) => (m.re ? new RegExp(m.re, m.flags).test(text) : m.exact ? text === m.s : text.toLowerCase().includes(m.s.toLowerCase()));
  const SEL = {
    button: 'button,[role=button]',
    checkbox: 'input[type=checkbox],[role=checkbox]',
    textbox: 'input:not([type]),input[type=text],input[type=number],textarea,[role=textbox]',
    dialog: 'dialog,[role=dialog],[role=alertdialog]',
    region: '[role=region]',
    status: '[role=status]',
    alert: '[role=alert]',
    link: 'a[href],[role=link]',
  };
  const byIds = (e, attr) =>
    (e.getAttribute(attr) || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => e.getRootNode().getElementById?.(id)?.textContent ?? '')
      .join(' ');
  const labelOf = (e) =>
    norm(e.getAttribute('aria-label') || byIds(e, 'aria-labelledby') || (e.labels ? [...e.labels].map((l) => l.textContent).join(' ') : ''));
  const nameOf = (e) => labelOf(e) || norm(e.textContent);
  const skip = (e) => ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(e.tagName);
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && (e.checkVisibility ? e.checkVisibility() : true);
  };
  let scopes = roots;
  for (const st of steps) {
    const next = [];
    for (const sc of scopes) {
      const sel = st.by === 'role' ? SEL[st.role] : st.by === 'label' ? 'input,textarea,select,[role=textbox],[role=checkbox]' : '*';
      for (const e of sc.querySelectorAll(sel)) {
        if (skip(e) || next.includes(e)) continue;
        if (st.by === 'role') {
          if (st.name && !matches(nameOf(e), st.name)) continue;
          if (!visible(e) && !(st.role === 'dialog' && e.open)) continue; // roles: hidden elements are not in the tree
        } else if (st.by === 'label') {
          if (!matches(labelOf(e), st.name)) continue;
        } else if (st.by === 'text') {
          const t = norm(e.textContent);
          if (!matches(t, st.name) || [...e.children].some((c) => !skip(c) && matches(norm(c.textContent), st.name))) continue;
        }
        next.push(e);
      }
    }
    scopes = next;
  }
  if (!scopes.length) return { count: 0 };
  const e = nth != null ? scopes[nth] : (scopes.find(visible) ?? scopes[0]);
  if (!e) return { count: 0 };
  if (scroll) e.scrollIntoView({ block: 'center', inline: 'center' });
  const r = e.getBoundingClientRect();
  const x = r.x + r.width / 2;
  const y = r.y + r.height / 2;
  const hit = e.getRootNode().elementFromPoint?.(x, y);
  const attrs = {};
  for (const a of e.attributes) attrs[a.name] = a.value;
  return {
    count: scopes.length,
    visible: visible(e),
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
    hits: !!hit && (hit === e || e.contains(hit) || (hit.tagName === 'LABEL' && hit.control === e) || (e.labels && [...e.labels].includes(hit))),
    checked: !!e.checked || e.getAttribute('aria-checked') === 'true',
    disabled: !!e.disabled || e.getAttribute('aria-disabled') === 'true',
    value: e.value ?? null,
    text: e.textContent,
    attrs,
  };
}

class Loc {
  constructor(page, steps, nth = null) {
    this.page = page;
    this.steps = steps;
    this.nth_ = nth;
  }
  #child(step) {
    return new Loc(this.page, [...this.steps, step]);
  }
  nth(i) {
    return new Loc(this.page, this.steps, i);
  }
  getByRole(role, { name, exact } = {}) {
    return this.#child({ by: 'role', role, name: pattern(name, exact) });
  }
  getByText(text, { exact } = {}) {
    return this.#child({ by: 'text', name: pattern(text, exact) });
  }
  getByLabel(text, { exact } = {}) {
    return this.#child({ by: 'label', name: pattern(text, exact) });
  }
  first() {
    return this.nth(0);
  }
  describe(scroll = false) {
    return inRoots(this.page, resolveIn, { steps: this.steps, scroll, nth: this.nth_ }).catch(() => ({ count: 0 }));
  }
  async #until(ok, what, timeout = TIMEOUT, scroll = false) {
    const end = Date.now() + timeout;
    for (;;) {
      const d = await this.describe(scroll);
      if (ok(d)) return d;
      if (Date.now() > end) throw new Error(`timed out (${timeout} ms) waiting for ${JSON.stringify(this.steps)} to be ${what}`);
      await wait(50);
    }
  }
  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    const ok = {
      visible: (d) => d.count > 0 && d.visible,
      attached: (d) => d.count > 0,
      detached: (d) => d.count === 0,
      hidden: (d) => d.count === 0 || !d.visible,
    }[state];
    await this.#until(ok, state, timeout);
  }
  async #actionable(timeout) {
    return this.#until((d) => d.count > 0 && d.visible && !d.disabled && d.hits, 'visible, enabled and hit at its centre', timeout, true);
  }
  async click({ timeout = TIMEOUT } = {}) {
    const d = await this.#actionable(timeout);
    await this.page.mouse.click(d.box.x + d.box.width / 2, d.box.y + d.box.height / 2);
  }
  async #setChecked(want, timeout) {
    const d = await this.#actionable(timeout);
    if (d.checked !== want) await this.page.mouse.click(d.box.x + d.box.width / 2, d.box.y + d.box.height / 2);
    await this.#until((x) => x.count > 0 && x.checked === want, want ? 'checked' : 'unchecked', 5000);
  }
  check({ timeout = TIMEOUT } = {}) {
    return this.#setChecked(true, timeout);
  }
  uncheck({ timeout = TIMEOUT } = {}) {
    return this.#setChecked(false, timeout);
  }
  async fill(value, { timeout = TIMEOUT } = {}) {
    await this.click({ timeout });
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    if (value) await this.page.keyboard.type(String(value));
    await this.#until((d) => d.value === String(value), `filled with ${value}`, 5000);
  }
  async isDisabled({ timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).disabled;
  }
  async isChecked({ timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).checked;
  }
  async isVisible() {
    const d = await this.describe();
    return d.count > 0 && d.visible;
  }
  async boundingBox({ timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).box;
  }
  async getAttribute(name, { timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).attrs[name] ?? null;
  }
  async inputValue({ timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).value;
  }
  async textContent({ timeout = TIMEOUT } = {}) {
    return (await this.#until((d) => d.count > 0, 'attached', timeout)).text;
  }
  async count() {
    return (await this.describe()).count;
  }
}

/** ours returns the root locator of Invite Guard's UI on a page (every closed root of ours at once). */
export function ours(page) {
  return new Loc(page, []);
}
