// English words of the shared concepts (sites/words/concepts.js says what each is for).
// Written as people read them; folded at load (sites/common/vocab.js).

export default {
  named: [
    { re: '^pending,? click to withdraw (?:the )?invitation sent to (.+)$', not: 'pending' },
    { re: '^withdrawn? (?:the )?invitation (?:sent )?to (.+)$', not: 'withdraw' },
    { re: '^(?:the )?invitation (?:was )?sent to (.+)$', not: 'pending' },
    { re: "^accept (.+?)'s? invitation$", not: 'accept' },
    { re: '^accept (?:the )?invitation from (.+)$', not: 'accept' },
    { re: '^ignore (?:an |the )?invitation (?:to connect )?from (.+)$', not: 'ignore' },
    { re: '^decline (?:an |the )?invitation (?:to connect )?from (.+)$', not: 'ignore' },
    { re: '^reply to conversation with (.+)$', not: 'reply' },
    { re: '^(?:send (?:a )?)?message (?:to )?(.+)$', not: 'message' },
    { re: '^(?:un)?follow (.+)$', not: 'follow' },
    { re: '^more actions for (.+)$', not: 'more' },
    { re: "^view (.+?)'s? profile$", not: 'view' },
    { re: '^endorse (.+?) for (.+)$', not: 'endorse' },
  ],
  inviteFrames: ['^invite (.+) to connect$', '^connect with (.+)$', '^send (?:an )?invitation to (.+?)(?: to connect)?$'],
  notInvite: ['withdraw', 'withdrawn', 'withdrawing', 'pending', 'accept', 'accepted', 'ignore', 'decline', 'reply', 'unfollow', 'unsend'],
  leading: ['follow', 'following', 'like', 'liked', 'react', 'comment', 'repost', 'reposted', 'share', 'endorse', 'endorsed', 'save', 'saved', 'unsave', 'apply', 'easy apply', 'more', 'message', 'cancel', 'dismiss', 'close', 'report', 'block', 'remove', 'view', 'see', 'show', 'hide', 'skip', 'back', 'next'],
  trailing: [],
  countNouns: ['connections', 'contacts', 'people', 'persons', 'invitations', 'invites', 'members', 'colleagues', 'leads'],
  countVerbs: ['add', 'invite', 'send', 'connect', 'all'],
  emailGate: ['\\bto verify (?:that )?this member knows you\\b', "\\bplease enter (?:their|his|her|the member's) email\\b", "\\benter (?:their|the member's) email(?: address)? to connect\\b"],
  add: ['add'],
  connect: ['connect'],
  invite: ['invite', 'invites', 'invitation', 'invitations'],
  send: ['send'],
  all: ['all', 'everyone'],
  plural: ['connections', 'contacts', 'invitations', 'people', 'network'],
  otherObject: ['note', 'section', 'skill', 'skills', 'photo', 'comment', 'comments', 'calendar', 'account', 'address', 'e-mail address', 'position', 'experience', 'education', 'post', 'publication', 'language', 'cover', 'link', 'media', 'feature', 'project', 'admin', 'collaborator', 'collaborators', 'reaction', 'emoji', 'gif', 'attachment', 'filter', 'list', 'lists', 'pipeline', 'folder', 'campaign', 'tag', 'tags', 'label', 'favorites', 'cart'],
  selectAll: ['(?:un|de)?select all\\b', 'all(?: ?\\(?\\d[\\d.,]*\\)?)?$'],
  selectAllWords: ['select all'],
  inTargetPrefix: ['already (?:a )?'],
  inTarget: ['invited', 'member', 'a member', 'joined', 'following', 'attending', 'going', 'admin'],
  uiWords: ['select', 'selected', 'deselect', 'invited', 'member', 'pending', 'connect', 'message', 'follow', 'remove', 'more', 'you', '\\d+(st|nd|rd|th)?', '1st', '2nd', '3rd\\+?'],
  uiSelectPrefix: ['select', 'deselect', 'unselect'],
  uiSelectSuffix: [],
  nameLabels: [
    '^(?:select|deselect|unselect|choose|check|invite|add)\\s+(.+)$',
    "^view\\s+(.+?)'s?\\s+profile$",
    "^(.+?)'s\\s+(?:profile\\s+)?(?:picture|photo|image|avatar)$",
    "^(.+?)'\\s+(?:profile\\s+)?(?:picture|photo|image|avatar)$",
    '^(?:profile\\s+(?:picture|photo)\\s+of|photo\\s+of)\\s+(.+)$',
  ],
  event: ['event', 'events', 'webinar', 'live ?event'],
  group: ['group', 'groups'],
  page: ['page', 'pages', 'follow', 'company', 'showcase', 'school', 'newsletter'],
  messaging: ['conversation', 'message', 'messages', 'chat', 'meeting', 'call'],
  selects: ['(?:un|de)?select(?:ed)?', 'choose', 'chosen', 'pick(?:ed)?'],
  selectsEnd: [],
  notMember: ['not (?:yet )?on (?:linkedin|xing)', 'not a member'],
  counterAll: ['all'],
  counterOf: ['of'],
  counterPeople: ['people', 'connections'],
  counterSelected: ['selected'],
  counterLabel: ['selected'],
  teachUi: `invite invites invited invitation invitations connect connection connections send sent add added follow following
unfollow message messages withdraw accept ignore decline reply like comment repost share save apply endorse more remove cancel
dismiss pending view see show join request requests note without with to for from and or of on in at by the a an all everyone
select selected skip next done close back continue contact contacts people person member members profile page group groups
event events post notify mention recommend ask introduce open start get try report block mute hide yes no ok your my new now
network team list email mail nominate welcome hi hello again resend retry`.split(/\s+/),
  teachAction: `invite invitation invitations connect send add follow unfollow following message messages withdraw accept ignore
decline reply like comment repost share save apply endorse remove cancel dismiss pending join request select everyone all`.split(/\s+/),
};
