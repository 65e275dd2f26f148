// What the extension's pages (options, popup) share: translated static text and the status line (elements are built with shared/el.js).

import { i18n } from '../shared/i18n.js';

/** translatePage fills every [data-i18n] element with its message and sets the document language. */
export function translatePage() {
  document.documentElement.lang = i18n.lang;
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = i18n.t(e.dataset.i18n);
}

/** say shows a status message, green or red. */
export function say(node, text, ok) {
  node.textContent = text;
  node.className = `status ${ok ? 'ok' : 'error'}`;
}
