// i18n: strings from _locales in the browser's language, with {name} parameters.
// chrome.i18n follows the browser's UI language, which is what "the user's language" means here.

const api = globalThis.browser ?? globalThis.chrome;

/**
 * createI18n returns a translator over a lookup function (key → template or "").
 * Templates use {name} placeholders; numbers are formatted for the language, arrays joined.
 */
export function createI18n(lookup, language) {
  const lang = (language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
  const nf = new Intl.NumberFormat(lang);
  const df = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' });
  const fmt = (v) => {
    if (typeof v === 'number') return nf.format(v);
    if (Array.isArray(v)) return v.map(fmt).join(', ');
    if (v instanceof Date) return df.format(v);
    return v == null ? '' : String(v);
  };
  function t(key, params) {
    const tpl = lookup(key);
    if (!tpl) return key; // visible, and the locale tests make sure it never happens
    if (!params) return tpl;
    return tpl.replace(/\{(\w+)\}/g, (m, name) => (name in params ? fmt(params[name]) : m));
  }
  return {
    lang,
    t,
    has: (key) => !!lookup(key),
    /** plural picks key_one or key_other by count and passes count along. */
    plural: (key, count, params = {}) => t(count === 1 ? `${key}_one` : `${key}_other`, { count, ...params }),
    number: (n) => nf.format(n),
    date: (d) => df.format(d instanceof Date ? d : new Date(d)),
  };
}

/** i18n is the translator of the running extension (content script or extension page). */
export const i18n = createI18n((key) => (api?.i18n ? api.i18n.getMessage(key) : ''), api?.i18n ? api.i18n.getUILanguage() : 'en');
