// The words of LinkedIn's Sent list, per language, as data: the labels that carry a person's name
// (the Withdraw control, the profile picture), the confirm button of the withdraw dialog, and the
// toasts that follow a withdrawal. "{name}" stands for the person's name as the list shows it — any
// text, digits and punctuation included ("Li O'Neill | 3x Founder", "Marta Nguyen (10k+ followers)").
//
// English: from the real 2026 capture (shared/real-pages/README.md) and SITES.md. German and French:
// the wordings seen in SITES.md ("Zurückziehen", "Retirer") and LinkedIn's usual phrasing; the
// German/French toasts have not been captured yet — they are our best reading, kept here so a capture
// only changes this file.

import { fold } from '../common/text.js';

export const SENT_WORDS = {
  en: {
    withdrawLabel: ['Withdraw invitation sent to {name}', 'Withdrawn invitation sent to {name}', 'Withdraw invitation to {name}'],
    picture: ['{name}’s profile picture', '{name}’ profile picture', '{name}’s photo', 'View {name}’s profile'],
    confirm: ['Withdraw invitation sent to {name}', 'Withdrawn invitation sent to {name}', 'Withdraw'],
    withdrawn: ['Invitation to {name} withdrawn.', 'Invitation to {name} withdrawn', 'Your invitation to {name} was withdrawn.'],
    failed: ['Sorry, unable to withdraw invitation to {name}. Please try again.', 'Unable to withdraw invitation to {name}.'],
  },
  de: {
    withdrawLabel: ['Einladung an {name} zurückziehen', 'An {name} gesendete Einladung zurückziehen', 'Einladung zurückziehen, die an {name} gesendet wurde'],
    picture: ['{name}s Profilbild', '{name}’ Profilbild', 'Profilbild von {name}', 'Profil von {name} anzeigen'],
    confirm: ['Einladung an {name} zurückziehen', 'An {name} gesendete Einladung zurückziehen', 'Zurückziehen'],
    withdrawn: ['Einladung an {name} zurückgezogen.', 'Ihre Einladung an {name} wurde zurückgezogen.'],
    failed: [
      'Die Einladung an {name} konnte leider nicht zurückgezogen werden. Bitte versuchen Sie es erneut.',
      'Einladung an {name} konnte nicht zurückgezogen werden.',
    ],
  },
  fr: {
    withdrawLabel: ['Retirer l’invitation envoyée à {name}', 'Retirer l’invitation à {name}', 'Annuler l’invitation envoyée à {name}'],
    picture: ['Photo de profil de {name}', 'Voir le profil de {name}'],
    confirm: ['Retirer l’invitation envoyée à {name}', 'Retirer'],
    withdrawn: ['Invitation à {name} retirée.', 'Votre invitation à {name} a été retirée.'],
    failed: ['Désolé, impossible de retirer l’invitation à {name}. Veuillez réessayer.', 'Impossible de retirer l’invitation à {name}.'],
  },
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** compile turns the templates of one kind (all languages) into regexes on folded text; {name} is captured. */
function compile(kind) {
  const out = [];
  for (const words of Object.values(SENT_WORDS)) {
    for (const tpl of words[kind]) {
      const [before, after = ''] = fold(tpl).split('{name}');
      const named = tpl.includes('{name}');
      out.push(new RegExp(`^${escape(before)}${named ? '(.+?)' : ''}${escape(after)}$`));
    }
  }
  return out;
}

const PATTERNS = Object.fromEntries(['withdrawLabel', 'picture', 'confirm', 'withdrawn', 'failed'].map((k) => [k, compile(k)]));

/**
 * nameIn returns the name a text carries by one of the templates of kind ('withdrawLabel', 'picture',
 * 'withdrawn', 'failed'), folded like fold() ("" when no template fits). Names are compared folded.
 */
export function nameIn(kind, text) {
  const f = fold(text);
  if (!f) return '';
  for (const re of PATTERNS[kind]) {
    const m = re.exec(f);
    if (m && m[1] && m[1].trim()) return m[1].trim();
  }
  return '';
}

/** shownName cuts the name out of the original text (case and accents kept) at the folded name's place. */
export function shownName(kind, text) {
  const f = nameIn(kind, text);
  if (!f) return '';
  // fold keeps the length of most texts; where it does not (decomposed letters), return the folded name.
  const t = String(text).replace(/\s+/g, ' ').trim();
  const at = fold(t).indexOf(f);
  const cut = at >= 0 ? t.slice(at, at + f.length) : '';
  return cut && fold(cut) === f ? cut : f;
}

/** matches tells whether a text is one of kind's templates (with any name, or without one). */
export function matches(kind, text) {
  const f = fold(text);
  return !!f && PATTERNS[kind].some((re) => re.test(f));
}
