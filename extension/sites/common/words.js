// Site words as data, per language: what the accessible name of an action says about it.
// Matched on folded text (sites/common/text.js fold: lower-case, no diacritics, plain
// apostrophes, collapsed spaces). Everything here is about the *action*, never about the
// person a label names: a name is data, never a verb and never a count.
//
// - named: frames of labels that carry a person's name (or a phrase the user typed, as in
//   a quick reply). The part in (.+) is data: it is cut out before the label is classified,
//   so "Withdraw invitation sent to Li O'Neill | 3x Founder" is read as "withdraw invitation
//   sent to …" — no count, no word of the name. `not` marks frames of actions that are
//   never an invitation.
// - notInvite: words that, anywhere in the label, make it an action that is not sending an
//   invitation (withdrawing, answering one received, replying).
// - leading / trailing: words that, first (or, in German, last) in the label, name another
//   action (follow, like, comment, repost, endorse, save, apply, message, more …).
// - countNouns: what a count may count ("Add 120 connections"); countVerbs: words a bare
//   count may follow ("Invite 2", "Alle 3 hinzufügen"). A number anywhere else is no count.
// - emailGate: the note modal's variant that asks for the person's email before it sends.

export const WORDS = {
  en: {
    named: [
      { re: /^pending,? click to withdraw (?:the )?invitation sent to (.+)$/, not: 'pending' },
      { re: /^withdrawn? (?:the )?invitation (?:sent )?to (.+)$/, not: 'withdraw' },
      { re: /^(?:the )?invitation (?:was )?sent to (.+)$/, not: 'pending' },
      { re: /^accept (.+?)'s? invitation$/, not: 'accept' },
      { re: /^accept (?:the )?invitation from (.+)$/, not: 'accept' },
      { re: /^ignore (?:an |the )?invitation (?:to connect )?from (.+)$/, not: 'ignore' },
      { re: /^decline (?:an |the )?invitation (?:to connect )?from (.+)$/, not: 'ignore' },
      { re: /^reply to conversation with (.+)$/, not: 'reply' },
      { re: /^(?:send (?:a )?)?message (?:to )?(.+)$/, not: 'message' },
      { re: /^(?:un)?follow (.+)$/, not: 'follow' },
      { re: /^more actions for (.+)$/, not: 'more' },
      { re: /^view (.+?)'s? profile$/, not: 'view' },
      { re: /^endorse (.+?) for (.+)$/, not: 'endorse' },
      { re: /^invite (.+) to connect$/ },
      { re: /^connect with (.+)$/ },
      { re: /^send (?:an )?invitation to (.+?)(?: to connect)?$/ },
    ],
    notInvite: ['withdraw', 'withdrawn', 'withdrawing', 'pending', 'accept', 'accepted', 'ignore', 'decline', 'reply', 'unfollow', 'unsend'],
    leading: ['follow', 'following', 'like', 'liked', 'react', 'comment', 'repost', 'reposted', 'share', 'endorse', 'endorsed', 'save', 'saved', 'unsave', 'apply', 'easy apply', 'more', 'message', 'cancel', 'dismiss', 'close', 'report', 'block', 'remove', 'view', 'see', 'show', 'hide', 'skip', 'back', 'next'],
    trailing: [],
    countNouns: ['connections', 'contacts', 'people', 'persons', 'invitations', 'invites', 'members', 'colleagues', 'leads'],
    countVerbs: ['add', 'invite', 'send', 'connect', 'all'],
    emailGate: [/\bto verify (?:that )?this member knows you\b/, /\bplease enter (?:their|his|her|the member's) email\b/, /\benter (?:their|the member's) email(?: address)? to connect\b/],
  },
  de: {
    named: [
      { re: /^ausstehend,? klicken,? um (?:die )?(?:an (.+?) gesendete )?einladung(?: an (.+?))? zuruckzuziehen$/, not: 'pending' },
      { re: /^(?:die )?(?:an (.+?) gesendete )?einladung(?: an (.+?))? zuruck(?:ziehen|nehmen)$/, not: 'withdraw' },
      { re: /^(?:die )?einladung (?:wurde )?an (.+?) gesendet$/, not: 'pending' },
      { re: /^einladung von (.+?) (?:annehmen|akzeptieren)$/, not: 'accept' },
      { re: /^einladung von (.+?) (?:ignorieren|ablehnen)$/, not: 'ignore' },
      { re: /^(?:auf )?unterhaltung mit (.+?) antworten$/, not: 'reply' },
      { re: /^mit (.+?) antworten$/, not: 'reply' },
      { re: /^nachricht an (.+)$/, not: 'message' },
      { re: /^(.+?) eine nachricht senden$/, not: 'message' },
      { re: /^(?!.*\beinlad)(.+?) (?:folgen|entfolgen|nicht mehr folgen)$/, not: 'follow' },
      { re: /^weitere aktionen fur (.+)$/, not: 'more' },
      { re: /^profil von (.+?) (?:anzeigen|ansehen)$/, not: 'view' },
      { re: /^(.+?) fur (.+?) bestatigen$/, not: 'endorse' },
      { re: /^(.+?) einladen,? sich (?:mit (?:ihnen|dir) )?zu vernetzen$/ },
      { re: /^laden sie (.+?) ein,? sich (?:mit ihnen )?zu vernetzen$/ },
      { re: /^(.+?) (?:zum vernetzen|als kontakt) einladen$/ },
      { re: /^mit (.+?) vernetzen$/ },
    ],
    notInvite: ['zuruckziehen', 'zuruckzuziehen', 'zurucknehmen', 'zuruckgezogen', 'ausstehend', 'annehmen', 'akzeptieren', 'ignorieren', 'ablehnen', 'antworten', 'entfolgen'],
    leading: ['folgen', 'gefallt mir', 'kommentieren', 'kommentar', 'reposten', 'teilen', 'bestatigen', 'speichern', 'gespeichert', 'bewerben', 'einfach bewerben', 'mehr', 'nachricht', 'abbrechen', 'verwerfen', 'schliessen', 'schließen', 'melden', 'blockieren', 'entfernen', 'anzeigen', 'ausblenden', 'uberspringen', 'zuruck', 'weiter'],
    trailing: ['folgen', 'kommentieren', 'reposten', 'teilen', 'bestatigen', 'speichern', 'bewerben', 'anzeigen', 'entfernen', 'melden'],
    countNouns: ['kontakte', 'kontakten', 'personen', 'einladungen', 'mitglieder', 'kollegen'],
    countVerbs: ['hinzufugen', 'einladen', 'senden', 'vernetzen', 'alle', 'allen'],
    emailGate: [/\bum zu (?:bestatigen|verifizieren), dass sie dieses mitglied kennen\b/, /\bgeben sie (?:bitte )?(?:die|seine|ihre) e-?mail(?:-adresse)? ein\b/],
  },
  fr: {
    named: [
      { re: /^en attente,? cliquez pour retirer l'invitation envoyee a (.+)$/, not: 'pending' },
      { re: /^retirer l'invitation (?:envoyee )?a (.+)$/, not: 'withdraw' },
      { re: /^invitation envoyee a (.+)$/, not: 'pending' },
      { re: /^accepter l'invitation de (.+)$/, not: 'accept' },
      { re: /^ignorer (?:l'|une )invitation (?:a se connecter )?de (?:la part de )?(.+)$/, not: 'ignore' },
      { re: /^refuser l'invitation de (.+)$/, not: 'ignore' },
      { re: /^repondre a la conversation avec (.+)$/, not: 'reply' },
      { re: /^(?:envoyer un )?message a (.+)$/, not: 'message' },
      { re: /^(?:ne plus )?suivre (.+)$/, not: 'follow' },
      { re: /^plus d'actions pour (.+)$/, not: 'more' },
      { re: /^voir le profil de (.+)$/, not: 'view' },
      { re: /^recommander (.+?) pour (.+)$/, not: 'endorse' },
      { re: /^inviter (.+?) a (?:rejoindre votre reseau|se connecter)$/ },
      { re: /^se connecter avec (.+)$/ },
    ],
    notInvite: ['retirer', 'retiree', 'retire', 'en attente', 'accepter', 'ignorer', 'refuser', 'repondre'],
    leading: ['suivre', 'abonne', "j'aime", 'reagir', 'commenter', 'commentaire', 'republier', 'partager', 'recommander', 'enregistrer', 'enregistre', 'postuler', 'candidature simplifiee', 'plus', 'message', 'annuler', 'fermer', 'signaler', 'bloquer', 'supprimer', 'voir', 'afficher', 'masquer', 'passer', 'retour', 'suivant'],
    trailing: [],
    countNouns: ['relations', 'contacts', 'personnes', 'invitations', 'membres', 'collegues'],
    countVerbs: ['ajouter', 'inviter', 'envoyer', 'tous', 'toutes', 'tout'],
    emailGate: [/\bpour verifier que (?:ce membre|cette personne) vous connait\b/, /\bveuillez (?:saisir|entrer|indiquer) (?:son|l')adresse e-?mail\b/],
  },
};

export const LANGS = Object.keys(WORDS);

const alt = (list) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const every = (key) => LANGS.flatMap((l) => WORDS[l][key]);

/** NAMED lists every language's named frames ({ re, not }) in order. */
export const NAMED = every('named');
/** NOT_INVITE matches a word that makes an action something other than sending an invitation. */
export const NOT_INVITE = new RegExp(`(?:^|[^\\p{L}])(?:${alt(every('notInvite'))})(?![\\p{L}])`, 'u');
/** LEADING matches another action's word at the start of a label. */
export const LEADING = new RegExp(`^(?:${alt(every('leading'))})(?![\\p{L}'])`, 'u');
/** TRAILING matches another action's word at the end of a label (German word order). */
export const TRAILING = new RegExp(`[^\\p{L}](?:${alt(every('trailing'))})$`, 'u');
const NUM = String.raw`(\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+|\d+)(?![\p{L}\d+%])`;
/** COUNT_PHRASES are the shapes of a stated count: "120 connections", "Invite 2", "alle 3". */
export const COUNT_PHRASES = [
  new RegExp(`(?:^|[^\\p{L}\\d])${NUM}\\s+(?:${alt(every('countNouns'))})(?![\\p{L}])`, 'u'),
  new RegExp(`(?:^|[^\\p{L}])(?:${alt(every('countVerbs'))})\\s+${NUM}`, 'u'),
];
/** EMAIL_GATE matches the text of a note modal that asks for the person's email first. */
export const EMAIL_GATE = new RegExp(every('emailGate').map((r) => r.source).join('|'));
