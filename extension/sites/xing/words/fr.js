// French words of XING's contact requests (sites/xing/words/concepts.js says what each is for).

export default {
  request: ['demande de contact', 'demande de mise en relation', 'ajouter (?:comme|aux|à vos) contacts?'],
  sends: ['envoyer(?: la demande(?: de contact)?)?'],
  titleName: ['^demande\\s+de\\s+(?:contact|mise\\s+en\\s+relation)\\s+(?:à|avec)\\s+(.+)$', '^(?:envoyer\\s+une\\s+demande\\s+de\\s+contact\\s+à)\\s+(.+)$'],
};
