// The concepts of the words every site module shares, one entry each: its kind (sites/common/vocab.js)
// and what it is for. Every language file (en.js, de.js, fr.js …) has every concept; `empty: true`
// marks a concept a language may leave empty (German puts some verbs last, English and French do not).
// Everything here is about the *action* or the interface, never about the person a label names: a
// name is data, never a verb and never a count.

export const CONCEPTS = {
  named: {
    kind: 'frames',
    about: 'labels of other actions that carry a name, e.g. "Withdraw invitation sent to (.+)"; the (.+) is cut out, `not` says which action it is',
  },
  inviteFrames: { kind: 'patterns', about: 'labels of an invitation that carry the invited person\'s name ("Invite (.+) to connect")' },
  notInvite: { kind: 'words', about: 'words that, anywhere in a label, make it something other than sending an invitation (withdraw, accept, reply …)' },
  leading: { kind: 'words', about: 'words that, first in a label, name another action (follow, like, save, more …)' },
  trailing: { kind: 'words', about: 'words that, last in a label, name another action (German word order)', empty: true },
  countNouns: { kind: 'words', about: 'what a stated count may count ("Add 120 connections")' },
  countVerbs: { kind: 'words', about: 'words a bare count may follow ("Invite 2", "Alle 3 hinzufügen")' },
  emailGate: { kind: 'patterns', about: "the note modal variant that asks for the person's email before it sends" },
  add: { kind: 'words', about: 'the verb "add"' },
  connect: { kind: 'words', about: 'the verb "connect"' },
  invite: { kind: 'words', about: 'the verb "invite" and its nouns' },
  send: { kind: 'words', about: 'the verb "send"' },
  all: { kind: 'words', about: '"all", "everyone"' },
  plural: { kind: 'words', about: 'nouns naming people in plural (connections, contacts, network)' },
  otherObject: { kind: 'words', about: 'objects that make an add/invite button about something other than people (a note, a skill, a photo …)' },
  selectAll: { kind: 'patterns', about: 'the whole label of a "Select all" control, from its start' },
  selectAllWords: { kind: 'words', about: '"select all" anywhere in a label' },
  inTargetPrefix: { kind: 'patterns', about: 'what may come before a status saying the person is already in the target ("already ")', empty: true },
  inTarget: { kind: 'patterns', about: "a row's whole status text saying the person is already in (or invited to) the group, page or event" },
  uiWords: { kind: 'patterns', about: 'short interface texts a row shows that are never a name ("Invited", "Mitglied", "2nd")' },
  uiSelectPrefix: { kind: 'patterns', about: 'a "Select …" label\'s first word', empty: true },
  uiSelectSuffix: { kind: 'patterns', about: 'a "… auswählen" label\'s last word', empty: true },
  nameLabels: { kind: 'raw', about: 'decorations around a name in a label or a picture\'s alt text ("Select (.+)", "(.+)\'s profile picture")' },
  event: { kind: 'patterns', about: "words of an event (an invite modal's title)" },
  group: { kind: 'words', about: 'words of a group' },
  page: { kind: 'words', about: 'words of a page, company or school (and following one)' },
  messaging: { kind: 'words', about: 'words of conversations and calls, where "Invite" and "Add" never send invitations' },
  selects: { kind: 'patterns', about: "a row toggle's name that says select, from its start" },
  selectsEnd: { kind: 'patterns', about: "a row toggle's name that says select, at its end", empty: true },
  notMember: { kind: 'patterns', about: "a row's note that the person is not on the network (an email invitation)" },
  counterAll: { kind: 'raw', about: '"All" before a selection counter ("All 500 selected")' },
  counterOf: { kind: 'raw', about: '"of" in "3 of 40 selected"' },
  counterPeople: { kind: 'raw', about: 'who is counted in "3 people selected"' },
  counterSelected: { kind: 'raw', about: '"selected" after a count ("3 selected")' },
  counterLabel: { kind: 'raw', about: '"Selected" before a count ("Selected: 3")' },
  teachUi: { kind: 'words', about: "interface words never part of a person's name (a taught rule's name shape)" },
  teachAction: { kind: 'words', about: "action words a taught rule's name slot never holds" },
};
