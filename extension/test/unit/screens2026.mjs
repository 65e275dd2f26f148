// Generated LinkedIn screens in the 2026 markup (shapes from /work/shared/real-pages: SDUI rows
// `div[role=listitem]`, hashed classes, Withdraw as an <a>, a native <dialog> without a role),
// in en/de/fr, for any list of names: the negative screens (Sent list with its withdraw dialog, a
// profile with Pending and its dialog, Received list, messaging, feed, jobs) and the invite screens
// (contact import, an invite-to-follow modal, Connect cards). Every control a test must check carries
// `data-probe="<screen>:<action>"`: `neg:` controls must never be taken, `bulk:` and `connect:` must.

/** NAMES are names as people write them on LinkedIn: digits, titles, degrees, pronouns, emoji, both apostrophes, non-Latin scripts. */
export const NAMES = [
  "Li O'Neill | 3x Founder",
  'Marta Nguyen (10k+ followers)',
  'Dr. Elena Costa',
  'Anna Schmidt, MBA',
  'Priya Raman (she/her)',
  'Liam O’Brien',
  'Tom Becker | 2x Founder',
  'Jörg Müller',
  'Chloé Dubois',
  'Zoë 🚀 Martin',
  'Sam Lee 🌱 | Hiring 5 engineers',
  '李小龙',
  '王芳 (Fang Wang)',
  '山田 太郎',
  '김민준',
  'محمد الأحمد',
  'فاطمة الزهراء',
  'Ahmed Al-Sayed, PhD',
  'José María García-López',
  'Prof. Dr. Hans-Peter Schäfer',
  'Ana Lúcia d’Ávila',
  "D'Arcy O'Connor",
  'Kofi Mensah 2.0',
  'Nguyễn Thị Minh Khai',
  'Ravi Patel (100+ connections)',
  'Jean-Luc Picard 🖖',
  'Ayşe Yılmaz',
  'Oleksandr Shevchenko 🇺🇦',
  'Mary-Kate Smith, CPA, CFA',
  'Dr. Sarah Johnson-Williams (she/they)',
  'Invite Everyone Ltd',
  'Connect Smith',
  '3M Recruiter',
  'Alle Menschen',
  'Tous Ensemble',
  'Olivia Send',
  'Pending Patel',
  'Accept Jones',
  'Withdraw Ng',
  '100 Connections Coach',
];

export const LANGS = ['en', 'de', 'fr'];

const T = {
  en: {
    withdraw: (n) => `Withdraw invitation sent to ${n}`,
    withdrawText: 'Withdraw',
    dlgTitle: 'Withdraw invitation',
    dlgText: 'If you withdraw now, you won’t be able to resend to this person for up to 3 weeks.',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    people: (c) => `People (${c})`,
    sentAgo: 'Sent 2 days ago',
    pending: (n) => `Pending, click to withdraw invitation sent to ${n}`,
    pendingText: 'Pending',
    accept: (n) => `Accept ${n}’s invitation`,
    acceptText: 'Accept',
    ignore: (n) => `Ignore an invitation to connect from ${n}`,
    ignoreText: 'Ignore',
    reply: (p) => `Reply to conversation with ${p}`,
    send: 'Send',
    message: 'Message',
    messageTo: (n) => `Message ${n}`,
    follow: (n) => `Follow ${n}`,
    followText: 'Follow',
    like: 'Like',
    comment: 'Comment',
    repost: 'Repost',
    more: 'More',
    moreFor: (n) => `More actions for ${n}`,
    endorse: (n) => `Endorse ${n} for Product Management`,
    endorseText: 'Endorse',
    save: 'Save',
    apply: (n) => `Easy Apply to Product Manager at ${n} GmbH`,
    applyText: 'Easy Apply',
    viewProfile: (n) => `View ${n}’s profile`,
    add: (c) => `Add ${c} connections`,
    selectAll: 'Select all',
    invite: 'Invite',
    selected: (c) => `${c} selected`,
    inviteTitle: 'Invite connections to follow Acme Corp',
    connect: (n) => `Invite ${n} to connect`,
    connectText: 'Connect',
    titleSent: 'Manage invitations',
    titleReceived: 'Manage invitations',
    quick: (n) => [`Thanks, ${n}!`, 'See you at 3', 'Sounds good 👍'],
  },
  de: {
    withdraw: (n) => `Einladung an ${n} zurückziehen`,
    withdrawText: 'Zurückziehen',
    dlgTitle: 'Einladung zurückziehen',
    dlgText: 'Wenn Sie die Einladung jetzt zurückziehen, können Sie diese Person bis zu 3 Wochen lang nicht erneut einladen.',
    cancel: 'Abbrechen',
    dismiss: 'Verwerfen',
    people: (c) => `Personen (${c})`,
    sentAgo: 'Vor 2 Tagen gesendet',
    pending: (n) => `Ausstehend, klicken, um die an ${n} gesendete Einladung zurückzuziehen`,
    pendingText: 'Ausstehend',
    accept: (n) => `Einladung von ${n} annehmen`,
    acceptText: 'Annehmen',
    ignore: (n) => `Einladung von ${n} ignorieren`,
    ignoreText: 'Ignorieren',
    reply: (p) => `Auf Unterhaltung mit ${p} antworten`,
    send: 'Senden',
    message: 'Nachricht',
    messageTo: (n) => `Nachricht an ${n}`,
    follow: (n) => `${n} folgen`,
    followText: 'Folgen',
    like: 'Gefällt mir',
    comment: 'Kommentieren',
    repost: 'Reposten',
    more: 'Mehr',
    moreFor: (n) => `Weitere Aktionen für ${n}`,
    endorse: (n) => `${n} für Produktmanagement bestätigen`,
    endorseText: 'Bestätigen',
    save: 'Speichern',
    apply: (n) => `Einfach bewerben: Produktmanager bei ${n} GmbH`,
    applyText: 'Einfach bewerben',
    viewProfile: (n) => `Profil von ${n} anzeigen`,
    add: (c) => `Alle ${c} hinzufügen`,
    selectAll: 'Alle auswählen',
    invite: 'Einladen',
    selected: (c) => `${c} ausgewählt`,
    inviteTitle: 'Kontakte einladen, Acme Corp zu folgen',
    connect: (n) => `${n} einladen, sich zu vernetzen`,
    connectText: 'Vernetzen',
    titleSent: 'Einladungen verwalten',
    titleReceived: 'Einladungen verwalten',
    quick: (n) => [`Danke, ${n}!`, 'Bis um 3', 'Klingt gut 👍'],
  },
  fr: {
    withdraw: (n) => `Retirer l’invitation envoyée à ${n}`,
    withdrawText: 'Retirer',
    dlgTitle: 'Retirer l’invitation',
    dlgText: 'Si vous retirez l’invitation maintenant, vous ne pourrez pas la renvoyer à cette personne pendant 3 semaines.',
    cancel: 'Annuler',
    dismiss: 'Ignorer',
    people: (c) => `Personnes (${c})`,
    sentAgo: 'Envoyée il y a 2 jours',
    pending: (n) => `En attente, cliquez pour retirer l’invitation envoyée à ${n}`,
    pendingText: 'En attente',
    accept: (n) => `Accepter l’invitation de ${n}`,
    acceptText: 'Accepter',
    ignore: (n) => `Ignorer l’invitation de ${n}`,
    ignoreText: 'Ignorer',
    reply: (p) => `Répondre à la conversation avec ${p}`,
    send: 'Envoyer',
    message: 'Message',
    messageTo: (n) => `Message à ${n}`,
    follow: (n) => `Suivre ${n}`,
    followText: 'Suivre',
    like: 'J’aime',
    comment: 'Commenter',
    repost: 'Republier',
    more: 'Plus',
    moreFor: (n) => `Plus d’actions pour ${n}`,
    endorse: (n) => `Recommander ${n} pour Gestion de produit`,
    endorseText: 'Recommander',
    save: 'Enregistrer',
    apply: (n) => `Candidature simplifiée : Chef de produit chez ${n} SA`,
    applyText: 'Candidature simplifiée',
    viewProfile: (n) => `Voir le profil de ${n}`,
    add: (c) => `Ajouter ${c} relations`,
    selectAll: 'Tout sélectionner',
    invite: 'Inviter',
    selected: (c) => `${c} sélectionné(s)`,
    inviteTitle: 'Inviter des relations à suivre Acme Corp',
    connect: (n) => `Inviter ${n} à se connecter`,
    connectText: 'Se connecter',
    titleSent: 'Gérer les invitations',
    titleReceived: 'Gérer les invitations',
    quick: (n) => [`Merci, ${n} !`, 'À 3 h alors', 'Parfait 👍'],
  },
};

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** slugOf makes a profile slug from a name (Latin letters, else a stable number). */
export const slugOf = (name, i) =>
  `${
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .trim()
      .replace(/ +/g, '-') || 'member'
  }-${4100 + i}`;
/** keyOf is the profile key of the i-th name. */
export const keyOf = (name, i) => `https://www.linkedin.com/in/${slugOf(name, i)}/`;
const H = (n) => `_${((n * 2654435761) >>> 0).toString(16).slice(0, 6)}`; // class hashes
const probe = (p) => ` data-probe="${p}"`;

function doc(lang, title, body) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)} | LinkedIn</title></head><body><main class="${H(1)}">${body}</main></body></html>`;
}

function avatar(t, name, i) {
  return `<a class="${H(2)}" href="https://www.linkedin.com/in/${slugOf(name, i)}/"><figure class="${H(3)}"><img src="data:," alt="${esc(name)}’s profile picture" width="72" height="72"></figure></a>`;
}

/** sent: the Sent list (rows, Withdraw links) with one open withdraw <dialog> per name. */
function sent(lang, names) {
  const t = T[lang];
  const rows = names
    .map(
      (
        n,
        i,
      ) => `<div role="listitem" componentkey="auto-component-${i}" class="${H(4)}">${avatar(t, n, i)}<div class="${H(5)}"><a href="https://www.linkedin.com/in/${slugOf(n, i)}/"><p class="${H(6)}">${esc(n)}</p></a><p class="${H(7)}">Product · Acme</p><p class="${H(8)}">${t.sentAgo}</p></div>
<a${probe('neg:withdraw-link')} class="${H(9)}" aria-label="${esc(t.withdraw(n))}" href="https://www.linkedin.com/mynetwork/invitation-manager/sent/"><span>${t.withdrawText}</span></a></div>`,
    )
    .join('\n');
  const dialogs = names
    .map(
      (
        n,
      ) => `<dialog data-testid="dialog" aria-labelledby="dialog-header-${esc(slugOf(n, 0))}" open><h2 id="dialog-header-${esc(slugOf(n, 0))}">${t.dlgTitle}</h2><p>${t.dlgText}</p>
<button${probe('neg:withdraw-dismiss')} aria-label="${t.dismiss}" class="${H(10)}"><svg aria-hidden="true"></svg></button>
<button${probe('neg:withdraw-cancel')} class="${H(11)}"><span>${t.cancel}</span></button>
<button${probe('neg:withdraw-confirm')} aria-label="${esc(t.withdraw(n))}" class="${H(12)}"><span>${t.withdrawText}</span></button></dialog>`,
    )
    .join('\n');
  return doc(
    lang,
    t.titleSent,
    `<h1>${t.titleSent}</h1><nav><a${probe('neg:people-pill')} href="/mynetwork/invitation-manager/sent/CONNECTION/">${t.people(names.length)}</a></nav>
<div data-testid="lazy-column" data-component-type="LazyColumn">${rows}</div>${dialogs}`,
  );
}

/** received: the Received list, Accept and Ignore on every row. */
function received(lang, names) {
  const t = T[lang];
  const rows = names
    .map(
      (n, i) => `<div role="listitem" class="${H(13)}">${avatar(t, n, i)}<p>${esc(n)}</p><p>Product · Acme</p>
<button${probe('neg:ignore')} aria-label="${esc(t.ignore(n))}" class="${H(14)}"><span>${t.ignoreText}</span></button>
<button${probe('neg:accept')} aria-label="${esc(t.accept(n))}" class="${H(15)}"><span>${t.acceptText}</span></button></div>`,
    )
    .join('\n');
  return doc(lang, t.titleReceived, `<h1>${t.titleReceived}</h1><div data-testid="lazy-column">${rows}</div>`);
}

/** messaging: one conversation per name, quick replies that send on one click, the Send button of its form. */
function messaging(lang, names) {
  const t = T[lang];
  const threads = names
    .map(
      (n, i) => `<section class="${H(16)}" aria-label="${esc(n)}"><h2>${esc(n)}</h2>${avatar(t, n, i)}
<ul>${t
        .quick(n)
        .map((q) => `<li><button${probe('neg:quick-reply')} aria-label="${esc(t.reply(q))}" class="${H(17)}">${esc(q)}</button></li>`)
        .join('')}</ul>
<form class="${H(18)}"><div role="textbox" contenteditable="true" aria-label="${esc(t.messageTo(n))}"></div><button${probe('neg:message-send')} type="submit" class="${H(19)}">${t.send}</button></form></section>`,
    )
    .join('\n');
  return doc(lang, t.message, threads);
}

/** feed: posts by each name with Follow, Like, Comment, Repost, Send. */
function feed(lang, names) {
  const t = T[lang];
  const posts = names
    .map(
      (n, i) => `<article role="article" class="${H(20)}">${avatar(t, n, i)}<a href="https://www.linkedin.com/in/${slugOf(n, i)}/">${esc(n)}</a>
<button${probe('neg:follow')} aria-label="${esc(t.follow(n))}" class="${H(21)}"><span>+ ${t.followText}</span></button><p>3 invitations to speak, 10k+ views, 2x growth.</p>
<button${probe('neg:like')} aria-pressed="false" class="${H(22)}"><span>${t.like}</span></button>
<button${probe('neg:comment')} class="${H(23)}"><span>${t.comment}</span></button>
<button${probe('neg:repost')} class="${H(24)}"><span>${t.repost}</span></button>
<button${probe('neg:share-send')} class="${H(25)}"><span>${t.send}</span></button></article>`,
    )
    .join('\n');
  return doc(lang, 'Feed', posts);
}

/** profile: a top card per name with Pending (and its withdraw <dialog>), Message, Follow, More, Endorse. */
function profile(lang, names) {
  const t = T[lang];
  const cards = names
    .map(
      (n, i) => `<section componentkey="Topcard-${i}" class="${H(26)}"><h1>${esc(n)}</h1><p>· 2nd</p><p>228 connections</p>
<a${probe('neg:pending')} aria-label="${esc(t.pending(n))}" href="#" class="${H(27)}"><span>${t.pendingText}</span></a>
<a${probe('neg:message')} href="/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoA${i}" class="${H(28)}"><span>${t.message}</span></a>
<button${probe('neg:follow')} aria-label="${esc(t.follow(n))}" class="${H(29)}"><span>${t.followText}</span></button>
<button${probe('neg:more')} aria-label="${t.more}" class="${H(30)}"><span>${t.more}</span></button>
<button${probe('neg:more-for')} aria-label="${esc(t.moreFor(n))}" aria-expanded="false" class="${H(31)}"><span>…</span></button>
<button${probe('neg:endorse')} aria-label="${esc(t.endorse(n))}" class="${H(32)}"><span>${t.endorseText}</span></button>
<a${probe('neg:view')} aria-label="${esc(t.viewProfile(n))}" href="https://www.linkedin.com/in/${slugOf(n, i)}/">${esc(n)}</a>
<dialog data-testid="dialog" open><h2>${t.dlgTitle}</h2><p>${t.dlgText}</p><button${probe('neg:withdraw-cancel')}>${t.cancel}</button><button${probe('neg:pending-confirm')} aria-label="${esc(t.withdraw(n))}">${t.withdrawText}</button></dialog></section>`,
    )
    .join('\n');
  return doc(lang, 'Profile', cards);
}

/** jobs: a job card per name's company with Save and Easy Apply. */
function jobs(lang, names) {
  const t = T[lang];
  const cards = names
    .map(
      (n) => `<div role="listitem" class="${H(33)}"><h3>Product Manager</h3><p>${esc(n)} GmbH · 120 applicants</p>
<button${probe('neg:save')} aria-pressed="false" aria-label="${t.save}" class="${H(34)}"><span>${t.save}</span></button>
<button${probe('neg:apply')} aria-label="${esc(t.apply(n))}" class="${H(35)}"><span>${t.applyText}</span></button></div>`,
    )
    .join('\n');
  return doc(lang, 'Jobs', cards);
}

/** contactImport: every name a pre-selected row, one "Add N connections" for all. */
function contactImport(lang, names) {
  const t = T[lang];
  const rows = names
    .map(
      (n, i) =>
        `<li class="${H(36)}"><input type="checkbox" checked aria-label="${esc(n)}">${avatar(t, n, i)}<div><a href="/in/${slugOf(n, i)}/">${esc(n)}</a><p>Product · Acme</p></div></li>`,
    )
    .join('\n');
  return doc(
    lang,
    'Import',
    `<h1>Add connections</h1><label><input type="checkbox" checked> ${t.selectAll}</label><ul>${rows}</ul><button${probe('bulk:add')} type="button">${t.add(names.length)}</button>`,
  );
}

/** inviteModal: "Invite connections to follow Acme Corp" with every name selected. */
function inviteModal(lang, names) {
  const t = T[lang];
  const rows = names.map((n, i) => `<li><label><input type="checkbox" checked>${avatar(t, n, i)}<span>${esc(n)}</span></label></li>`).join('\n');
  return doc(
    lang,
    'Acme Corp',
    `<h1>Acme Corp</h1><div role="dialog" aria-labelledby="inv-title" class="artdeco-modal"><h2 id="inv-title">${t.inviteTitle}</h2><p>${t.selected(names.length)}</p><ul>${rows}</ul><button${probe('bulk:invite')} type="button">${t.invite}</button></div>`,
  );
}

/** connectCards: one People-you-may-know card per name with its Connect button. */
function connectCards(lang, names) {
  const t = T[lang];
  const cards = names
    .map(
      (n, i) =>
        `<li class="${H(37)}">${avatar(t, n, i)}<a href="/in/${slugOf(n, i)}/"><span>${esc(n)}</span></a><p>Product · Acme</p><button${probe('connect:connect')} aria-label="${esc(t.connect(n))}" class="${H(38)}"><span>${t.connectText}</span></button></li>`,
    )
    .join('\n');
  return doc(lang, 'My Network', `<ul>${cards}</ul>`);
}

/** SCREENS: name → { url, build(lang, names), kind: 'negative' | 'bulk' | 'connect' }. */
export const SCREENS = {
  sent: { url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/', build: sent, kind: 'negative' },
  received: { url: 'https://www.linkedin.com/mynetwork/invitation-manager/', build: received, kind: 'negative' },
  messaging: { url: 'https://www.linkedin.com/messaging/thread/2-abc/', build: messaging, kind: 'negative' },
  feed: { url: 'https://www.linkedin.com/feed/', build: feed, kind: 'negative' },
  profile: { url: 'https://www.linkedin.com/in/someone-4100/', build: profile, kind: 'negative' },
  jobs: { url: 'https://www.linkedin.com/jobs/collections/recommended/', build: jobs, kind: 'negative' },
  'contact-import': { url: 'https://www.linkedin.com/mynetwork/import-contacts/results/member/', build: contactImport, kind: 'bulk' },
  'invite-modal': { url: 'https://www.linkedin.com/company/acme-corp/admin/', build: inviteModal, kind: 'bulk' },
  connect: { url: 'https://www.linkedin.com/mynetwork/grow/', build: connectCards, kind: 'connect' },
};
