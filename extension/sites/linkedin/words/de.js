// German words of LinkedIn's screens (sites/linkedin/words/concepts.js says what each is for).
// "Zurückziehen" and "Personen (1.052)" are seen in SITES.md; the toasts have not been captured yet —
// our best reading, kept here so that a capture only changes this file.

export default {
  withdrawLabel: ['Einladung an {name} zurückziehen', 'An {name} gesendete Einladung zurückziehen', 'Einladung zurückziehen, die an {name} gesendet wurde'],
  picture: ['{name}s Profilbild', '{name}’ Profilbild', 'Profilbild von {name}', 'Profil von {name} anzeigen'],
  confirm: ['Einladung an {name} zurückziehen', 'An {name} gesendete Einladung zurückziehen', 'Zurückziehen'],
  withdrawn: ['Einladung an {name} zurückgezogen.', 'Ihre Einladung an {name} wurde zurückgezogen.'],
  failed: [
    'Die Einladung an {name} konnte leider nicht zurückgezogen werden. Bitte versuchen Sie es erneut.',
    'Einladung an {name} konnte nicht zurückgezogen werden.',
  ],
  withdraw: ['zurückziehen', 'einladung zurückziehen'],
  withdrawEnd: ['zurückziehen'],
  loadMore: ['(?:mehr|weitere)(?: ergebnisse| einladungen)? (?:anzeigen|laden)'],
  ageStart: ['gesendet\\b', 'vor \\d+\\b', 'heute\\b', 'gestern\\b'],
  ageEnd: ['\\bgesendet'],
  sentTab: ['gesendet'],
  receivedTab: ['eingegangen', 'erhalten'],
  totalNouns: ['personen', 'alle', 'kontakte'],
  rateLimit: ['zu viele (anfragen|einladungen)', 'keine einladungen mehr', 'einladungslimit', 'limit erreicht', 'versuchen sie es später'],
  mutual: ['gemeinsame?'],
  sentTo: ['gesendet an\\s+(.+)$', '^einladung an\\s+(.+?)\\s+zurückziehen$'],
  connectBare: ['vernetzen', 'als kontakt hinzufügen'],
  noteModal: [
    '(?:möchten sie|möchtest du) (?:eine )?nachricht hinzufügen',
    'nachricht zu (?:ihrer|deiner) einladung',
    '(?:ihre|deine) einladung (?:personalisieren|anpassen)',
  ],
  noteSend: ['senden', 'jetzt senden', 'einladung senden', 'ohne (?:eine )?nachricht senden'],
  modalNamed: ['\\beinladung an ([^.!?]+?)(?: mit einer nachricht|[.!?]|$)'],
  titleTarget: [
    '^(?:kontakte|personen|ihr netzwerk) einladen,?\\s+(.+?)\\s+zu folgen$',
    '^(?:kontakte|personen)?\\s*(?:zu|zur|zum|in die|in)\\s+(?:veranstaltung|gruppe|seite|event)?\\s*[„"«]?(.+?)[“"»]?\\s+einladen$',
    '^(?:kontakte|personen)\\s+(?:zu|zur|zum|in)\\s+[„"«]?(.+?)[“"»]?\\s+einladen$',
  ],
  genericDeterminer: ['ihre ', 'ihr ', 'diese ', 'unsere '],
  genericTarget: ['veranstaltung', 'gruppe', 'seite', 'netzwerk'],
};
