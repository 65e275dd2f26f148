// English words of LinkedIn's screens (sites/linkedin/words/concepts.js says what each is for).
// From the real 2026 capture (shared/real-pages/README.md) and SITES.md.

export default {
  withdrawLabel: ['Withdraw invitation sent to {name}', 'Withdrawn invitation sent to {name}', 'Withdraw invitation to {name}'],
  picture: ['{name}’s profile picture', '{name}’ profile picture', '{name}’s photo', 'View {name}’s profile'],
  confirm: ['Withdraw invitation sent to {name}', 'Withdrawn invitation sent to {name}', 'Withdraw'],
  withdrawn: ['Invitation to {name} withdrawn.', 'Invitation to {name} withdrawn', 'Your invitation to {name} was withdrawn.'],
  failed: ['Sorry, unable to withdraw invitation to {name}. Please try again.', 'Unable to withdraw invitation to {name}.'],
  withdraw: ['withdraw', 'withdrawn', 'withdraw invitation'],
  withdrawEnd: [],
  loadMore: ['(?:load|show|see|view) more(?: results| invitations)?'],
  ageStart: ['sent\\b'],
  ageEnd: ['\\b(?:ago|today|yesterday)'],
  sentTab: ['sent'],
  receivedTab: ['received'],
  totalNouns: ['people', 'all', 'connections'],
  rateLimit: [
    'out of invitations',
    "you'?re out of invitations",
    "you'?ve reached",
    'too many requests',
    'reached the (weekly )?(invitation )?limit',
    'try again later',
  ],
  mutual: ['mutual'],
  sentTo: ['sent to\\s+(.+)$'],
  connectBare: ['connect'],
  noteModal: ['add a note to (?:your|this) invitation', '(?:personali[sz]e|customi[sz]e) (?:your|this) invitation', 'include a (?:personal )?note'],
  noteSend: ['send', 'send now', 'send invitation', 'send without (?:a )?note'],
  modalNamed: ['\\binvitation to ([^.!?]+?)(?: by adding a note| with a note|[.!?]|$)'],
  titleTarget: [
    '^invite (?:your )?(?:connections|people|network|contacts)? ?to (?:follow|join|attend)\\s+(.+)$',
    '^invite (?:your )?(?:connections|people|contacts) to (?:the )?(?:event|group|page)[:\\s]+(.+)$',
    '^invite (?:your )?(?:connections|people|contacts)? ?to\\s+(.+)$',
  ],
  genericDeterminer: ['the ', 'your ', 'this ', 'our '],
  genericTarget: ['event', 'group', 'page', 'network'],
};
