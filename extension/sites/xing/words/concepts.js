// The concepts of XING's own words: its kind (sites/common/vocab.js) and what it is for. Every language
// file (en.js, de.js, fr.js …) has every concept.

export const CONCEPTS = {
  request: { kind: 'patterns', about: 'words that make a dialog or button about a contact request' },
  sends: { kind: 'patterns', about: 'the whole name of a button that sends a contact request ("Senden", "Send request")' },
  titleName: { kind: 'raw', about: 'a title naming the recipient (one group): "Kontaktanfrage an (.+)"' },
};
