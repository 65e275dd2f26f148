// Recipient keys, normalised by the same rules as core.NormalizeKey (core/keys.go):
//   LinkedIn profile  → https://www.linkedin.com/in/<slug>/   (slug %-decoded, lower-case)
//   XING profile      → https://www.xing.com/profile/<Name>/ (%-decoded, case kept)
//   email             → lower-cased address
//   otherwise         → "name:" + the lower-cased name, white space collapsed
// On top of the core's rules a site key keeps only the profile part of the path
// (/in/jane/overlay/contact-info/ → /in/jane/) so that every link to a person gives one key.

import { clean, EMAIL } from './text.js';

function decode(p) {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function toURL(href, base) {
  if (!href) return null;
  try {
    return new URL(String(href).trim(), base || 'https://www.linkedin.com/');
  } catch {
    return null;
  }
}

const isHost = (h, domain) => h === domain || h.endsWith('.' + domain);

// Keys of hrefs already seen (a read of 5,000 rows meets 10,000 links; URL parsing dominates).
const seen = new Map();
function cached(kind, href, base, make) {
  const k = kind + '\u0000' + base + '\u0000' + href;
  let v = seen.get(k);
  if (v === undefined) {
    if (seen.size > 20000) seen.clear();
    v = make();
    seen.set(k, v);
  }
  return v;
}

/** linkedInProfileKey returns the key of a LinkedIn profile link, or '' when href is none. */
export function linkedInProfileKey(href, base) {
  if (!href || !/\/(?:in|pub)\//i.test(href)) return '';
  return cached('li', href, base, () => linkedInKeyOf(href, base));
}

function linkedInKeyOf(href, base) {
  const u = toURL(href, base);
  if (!u || !isHost(u.hostname.replace(/\.$/, '').toLowerCase(), 'linkedin.com')) return '';
  const m = /^\/(in|pub)\/([^/]+)(?:\/([^/]+)\/([^/]+)\/([^/]+))?/i.exec(u.pathname);
  if (!m) return '';
  const slug = m[1].toLowerCase() === 'pub' && m[3] ? [m[2], m[3], m[4], m[5]].join('/') : m[2];
  return `https://www.linkedin.com/${m[1].toLowerCase()}/${decode(slug).toLowerCase()}/`;
}

/** xingProfileKey returns the key of a XING profile link, or '' when href is none. */
export function xingProfileKey(href, base) {
  if (!href || !/\/profile\//i.test(href)) return '';
  return cached('xing', href, base, () => xingKeyOf(href, base));
}

function xingKeyOf(href, base) {
  const u = toURL(href, base || 'https://www.xing.com/');
  if (!u || !isHost(u.hostname.replace(/\.$/, '').toLowerCase(), 'xing.com')) return '';
  const m = /^\/profile\/([^/]+)/i.exec(u.pathname);
  if (!m) return '';
  return `https://www.xing.com/profile/${decode(m[1])}/`;
}

/** profileKey returns the key of a LinkedIn or XING profile link, or ''. */
export function profileKey(href, base) {
  return linkedInProfileKey(href, base) || xingProfileKey(href, base);
}

/** emailKey returns the lower-cased address found in s ("mailto:" allowed), or ''. */
export function emailKey(s) {
  const m = EMAIL.exec(String(s ?? ''));
  return m ? m[0].toLowerCase() : '';
}

/** nameKey returns "name:<lower-cased name>", or '' for an empty name. */
export function nameKey(name) {
  const n = clean(name).toLowerCase();
  return n ? 'name:' + n : '';
}

/** recipientKey picks the key of a person: profile URL, else email, else name. */
export function recipientKey({ href, email, name }, base) {
  return profileKey(href, base) || emailKey(email) || nameKey(name);
}
