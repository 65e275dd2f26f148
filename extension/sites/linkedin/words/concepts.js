// The concepts of LinkedIn's own words, one entry each: its kind (sites/common/vocab.js) and what it is
// for. Every language file (en.js, de.js, fr.js …) has every concept; `empty: true` marks one a language
// may leave empty. "{name}" in a template stands for the person's name as the page shows it — any text,
// digits and punctuation included ("Li O'Neill | 3x Founder").

export const CONCEPTS = {
  withdrawLabel: { kind: 'templates', about: "the Sent list's Withdraw control's label, naming the person" },
  picture: { kind: 'templates', about: "a profile picture's alt text, naming the person" },
  confirm: { kind: 'templates', nameOptional: true, about: "the withdraw dialog's confirm button (with or without the name)" },
  withdrawn: { kind: 'templates', about: 'the toast after a withdrawal' },
  failed: { kind: 'templates', about: 'the toast after a withdrawal that failed' },
  withdraw: { kind: 'patterns', about: "a Withdraw control's name, from its start" },
  withdrawEnd: { kind: 'patterns', about: "a Withdraw control's name, at its end (German word order)", empty: true },
  loadMore: { kind: 'patterns', about: 'the whole name of the Sent list\'s "Load more"' },
  ageStart: { kind: 'patterns', about: 'the start of the age a Sent card shows ("Sent 3 weeks ago", "Vor 3 Wochen gesendet")' },
  ageEnd: { kind: 'patterns', about: 'the end of the age a Sent card shows', empty: true },
  sentTab: { kind: 'patterns', about: "the Sent tab's name, from its start" },
  receivedTab: { kind: 'patterns', about: "the Received tab's name, from its start" },
  totalNouns: { kind: 'raw', about: 'what the total counts ("People (1,100)")' },
  rateLimit: { kind: 'patterns', about: 'a rate-limit message ("You\'re out of invitations")' },
  mutual: { kind: 'raw', about: '"mutual connections" on a card, never its headline' },
  sentTo: { kind: 'raw', about: "a Withdraw label naming the person (one group), the last resort for a card's name" },
  connectBare: { kind: 'words', about: 'the visible text of a Connect button' },
  noteModal: { kind: 'patterns', about: 'the title or text of the note modal a Connect click opens' },
  noteSend: { kind: 'patterns', about: "the note modal's buttons that send (whole name)" },
  modalNamed: { kind: 'raw', about: 'a sentence of the note modal naming the person (one group)' },
  titleTarget: { kind: 'raw', about: "an invite modal's title naming its page, event or group (one group)" },
  genericDeterminer: { kind: 'raw', about: 'a determiner before a generic target word ("your ", "l’")' },
  genericTarget: { kind: 'raw', about: 'a target word that names no particular page, event or group' },
};
