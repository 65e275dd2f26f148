// A made-up fourth language of XING's words (test/unit/words.test.mjs; never shipped).

export default {
  request: ['richiesta di contatto', 'aggiungi ai contatti'],
  sends: ['invia(?: la richiesta)?'],
  titleName: ['^richiesta di contatto a\\s+(.+)$'],
};
