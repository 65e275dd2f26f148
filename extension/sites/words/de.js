// German words of the shared concepts (sites/words/concepts.js says what each is for).
// Written as people read them (ä, ö, ü, ß); folded at load (sites/common/vocab.js).

export default {
  named: [
    { re: '^ausstehend,? klicken,? um (?:die )?(?:an (.+?) gesendete )?einladung(?: an (.+?))? zurückzuziehen$', not: 'pending' },
    { re: '^(?:die )?(?:an (.+?) gesendete )?einladung(?: an (.+?))? zurück(?:ziehen|nehmen)$', not: 'withdraw' },
    { re: '^(?:die )?einladung (?:wurde )?an (.+?) gesendet$', not: 'pending' },
    { re: '^einladung von (.+?) (?:annehmen|akzeptieren)$', not: 'accept' },
    { re: '^einladung von (.+?) (?:ignorieren|ablehnen)$', not: 'ignore' },
    { re: '^(?:auf )?unterhaltung mit (.+?) antworten$', not: 'reply' },
    { re: '^mit (.+?) antworten$', not: 'reply' },
    { re: '^nachricht an (.+)$', not: 'message' },
    { re: '^(.+?) eine nachricht senden$', not: 'message' },
    { re: '^(?!.*\\beinlad)(.+?) (?:folgen|entfolgen|nicht mehr folgen)$', not: 'follow' },
    { re: '^weitere aktionen für (.+)$', not: 'more' },
    { re: '^profil von (.+?) (?:anzeigen|ansehen)$', not: 'view' },
    { re: '^(.+?) für (.+?) bestätigen$', not: 'endorse' },
  ],
  inviteFrames: [
    '^(.+?) einladen,? sich (?:mit (?:ihnen|dir) )?zu vernetzen$',
    '^laden sie (.+?) ein,? sich (?:mit ihnen )?zu vernetzen$',
    '^(.+?) (?:zum vernetzen|als kontakt) einladen$',
    '^mit (.+?) vernetzen$',
  ],
  notInvite: ['zurückziehen', 'zurückzuziehen', 'zurücknehmen', 'zurückgezogen', 'ausstehend', 'annehmen', 'akzeptieren', 'ignorieren', 'ablehnen', 'antworten', 'entfolgen'],
  leading: ['folgen', 'gefällt mir', 'kommentieren', 'kommentar', 'reposten', 'teilen', 'bestätigen', 'speichern', 'gespeichert', 'bewerben', 'einfach bewerben', 'mehr', 'nachricht', 'abbrechen', 'verwerfen', 'schliessen', 'schließen', 'melden', 'blockieren', 'entfernen', 'anzeigen', 'ausblenden', 'überspringen', 'zurück', 'weiter'],
  trailing: ['folgen', 'kommentieren', 'reposten', 'teilen', 'bestätigen', 'speichern', 'bewerben', 'anzeigen', 'entfernen', 'melden'],
  countNouns: ['kontakte', 'kontakten', 'personen', 'einladungen', 'mitglieder', 'kollegen'],
  countVerbs: ['hinzufügen', 'einladen', 'senden', 'vernetzen', 'alle', 'allen'],
  emailGate: ['\\bum zu (?:bestätigen|verifizieren), dass sie dieses mitglied kennen\\b', '\\bgeben sie (?:bitte )?(?:die|seine|ihre) e-?mail(?:-adresse)? ein\\b'],
  add: ['hinzufügen', 'aufnehmen'],
  connect: ['vernetzen', 'verbinden'],
  invite: ['einladen', 'einladunge', 'einladungen'], // 'einladunge': the old 'einladungen?' matched it, and not 'einladung' (kept as it was)
  send: ['senden', 'absenden', 'versenden', 'verschicken', 'schicken'],
  all: ['alle', 'allen', 'alles'],
  plural: ['kontakte', 'einladungen', 'personen', 'netzwerk'],
  otherObject: ['notiz', 'abschnitt', 'kenntniss', 'kenntnisse', 'foto', 'kommentar', 'kalender', 'konto', 'adresse', 'erfahrung', 'ausbildung', 'beitrag', 'sprache', 'titelbild', 'medien', 'projekt', 'anhang', 'filter', 'liste', 'listen', 'ordner', 'kampagne', 'favoriten', 'warenkorb'],
  selectAll: ['(?:alle|alles) (?:aus|ab)wählen\\b', 'alle markieren\\b', 'alle(?: ?\\(?\\d[\\d.,]*\\)?)?$'],
  selectAllWords: ['alle auswählen', 'alles auswählen'],
  inTargetPrefix: [],
  inTarget: ['bereits (?:mitglied|eingeladen)', 'eingeladen', 'mitglied', 'folgt(?: bereits)?', 'nimmt teil', 'teilnehmer(?:in)?'],
  uiWords: ['ausgewählt', 'auswählen', 'eingeladen', 'mitglied', 'ausstehend', 'vernetzen', 'nachricht', 'folgen', 'entfernen', 'mehr', 'sie', '1\\.', '2\\.', '3\\.'],
  uiSelectPrefix: [],
  uiSelectSuffix: ['auswählen', 'abwählen'],
  nameLabels: [
    '^(.+?)\\s+(?:auswählen|abwählen|markieren|einladen|hinzufügen)$',
    '^profilbild\\s+von\\s+(.+)$',
    "^(.+?)'s?\\s*profilbild$",
    '^(.+?)s\\s*profilbild$', // the genitive: "Josef Seibolds Profilbild"
    '^profil\\s+von\\s+(.+?)\\s+(?:anzeigen|ansehen)$',
  ],
  event: ['veranstaltung', 'veranstaltungen'],
  group: ['gruppe', 'gruppen'],
  page: ['seite', 'folgen', 'unternehmen', 'hochschule'],
  messaging: ['unterhaltung', 'nachricht', 'nachrichten', 'besprechung', 'anruf'],
  selects: ['(?:aus|ab)gewählt', '(?:aus|ab)wählen', 'markiert'],
  selectsEnd: ['auswählen', 'abwählen'],
  notMember: ['nicht (?:auf|bei) (?:linkedin|xing)', 'noch kein mitglied'],
  counterAll: ['alle'],
  counterOf: ['von'],
  counterPeople: ['personen', 'kontakte'],
  counterSelected: ['ausgewählt', 'gewählt', 'markiert'],
  counterLabel: ['ausgewählt'],
  teachUi: `einladen einladung einladungen eingeladen vernetzen senden absenden versenden verschicken hinzufügen folgen nachricht nachrichten
zurückziehen annehmen akzeptieren ignorieren ablehnen antworten gefällt kommentieren teilen speichern bewerben bestätigen mehr
entfernen abbrechen schließen schliessen ausstehend anzeigen ansehen beitreten anfrage kontaktanfrage kontaktanfragen notiz ohne mit an für
von und oder alle auswählen ausgewählt weiter fertig kontakt kontakte kontakten personen mitglied mitglieder profil seite gruppe
veranstaltung beitrag jetzt ja nein ihre ihr sie ihnen meine mein netzwerk erneut`.split(/\s+/),
  teachAction: `einladen einladung einladungen vernetzen senden hinzufügen folgen nachricht nachrichten zurückziehen annehmen akzeptieren ignorieren
ablehnen antworten teilen speichern entfernen abbrechen beitreten anfrage alle`.split(/\s+/),
};
