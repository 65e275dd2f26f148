// German words of XING's contact requests ("Kontaktanfrage"; sites/xing/words/concepts.js says what each is for).

export default {
  request: ['kontaktanfrage', 'kontaktanfragen', '(?:als )?kontakt hinzufügen'],
  sends: ['(?:(?:kontakt)?anfrage )?(?:senden|absenden|abschicken|verschicken)', '(?:als )?kontakt hinzufügen'],
  titleName: ['^kontaktanfrage\\s+an\\s+(.+)$', '^(.+?)\\s+als\\s+kontakt\\s+hinzufügen$'],
};
