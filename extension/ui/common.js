// What the extension's pages share: translated static text.

import { i18n } from '../content/i18n.js';

/** translatePage fills every [data-i18n] element with its message and sets the document language. */
export function translatePage() {
  document.documentElement.lang = i18n.lang;
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = i18n.t(e.dataset.i18n);
}
