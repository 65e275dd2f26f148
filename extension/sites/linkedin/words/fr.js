// French words of LinkedIn's screens (sites/linkedin/words/concepts.js says what each is for).
// "Retirer" is seen in SITES.md; the toasts have not been captured yet — our best reading, kept here so
// that a capture only changes this file.

export default {
  withdrawLabel: ['Retirer l’invitation envoyée à {name}', 'Retirer l’invitation à {name}', 'Annuler l’invitation envoyée à {name}'],
  picture: ['Photo de profil de {name}', 'Voir le profil de {name}'],
  confirm: ['Retirer l’invitation envoyée à {name}', 'Retirer'],
  withdrawn: ['Invitation à {name} retirée.', 'Votre invitation à {name} a été retirée.'],
  failed: ['Désolé, impossible de retirer l’invitation à {name}. Veuillez réessayer.', 'Impossible de retirer l’invitation à {name}.'],
  withdraw: ['retirer', "retirer l'invitation", "annuler l'invitation"],
  withdrawEnd: [],
  loadMore: ['(?:afficher|voir|charger) plus(?: de (?:résultats|invitations))?', 'afficher la suite'],
  ageStart: ['envoyée?s?\\b', 'il y a \\d+\\b', "aujourd'hui\\b", 'hier\\b'],
  ageEnd: [],
  sentTab: ['envoyées?', 'envoyé'],
  receivedTab: ['reçues?', 'reçu'],
  totalNouns: ['personnes', 'tous', 'toutes', 'relations'],
  rateLimit: ['trop de (demandes|invitations)', "plus d'invitations", 'limite atteinte', 'réessayez plus tard'],
  mutual: ['en commun'],
  sentTo: ['envoyée à\\s+(.+)$'],
  connectBare: ['se connecter', 'entrer en relation'],
  noteModal: ['ajouter une note à votre invitation', 'personnalis\\w* (?:votre|cette) invitation'],
  noteSend: ['envoyer', 'envoyer maintenant', "envoyer l'invitation", 'envoyer sans (?:une )?note'],
  modalNamed: ['\\binvitation à ([^.!?]+?)(?: en ajoutant une note|[.!?]|$)'],
  titleTarget: [
    '^inviter (?:des |vos )?(?:relations|personnes|contacts)? ?à (?:suivre|rejoindre|participer à)\\s+(.+)$',
    '^inviter (?:des |vos )?(?:relations|personnes|contacts)? ?(?:à|au|aux)\\s+(?:l[’\']|la |le )?(?:événement|groupe|page)?\\s*[:«"]?\\s*(.+?)\\s*[»"]?$',
  ],
  genericDeterminer: ['votre ', 'cet ', 'cette ', 'notre ', "l[’']", 'la ', 'le '],
  genericTarget: ['événement', 'groupe', 'réseau'],
};
