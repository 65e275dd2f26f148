// What the extension's pages (options, popup) share: translated static text and small DOM helpers.

import { i18n } from '../content/i18n.js';

/** translatePage fills every [data-i18n] element with its message and sets the document language. */
export function translatePage() {
  document.documentElement.lang = i18n.lang;
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = i18n.t(e.dataset.i18n);
}

/** el makes an element: props (text, class, on: {event: fn}, attributes) and children. */
export function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'checked' || k === 'value') e[k] = v;
    else if (v !== undefined && v !== false && v !== null) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...kids.filter((x) => x != null));
  return e;
}

/** say shows a status message, green or red. */
export function say(node, text, ok) {
  node.textContent = text;
  node.className = `status ${ok ? 'ok' : 'error'}`;
}
