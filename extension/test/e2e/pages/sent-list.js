// A stateful Sent list shaped after SITES.md and the saved fixtures of sites/linkedin/sent-list, served
// at https://www.linkedin.com/mynetwork/invitation-manager/sent/ by route interception. The "server"
// state lives in the test (it survives reloads): the pending invitations and a log of every withdrawal
// the page really sent (POST /fixture-api/withdraw). Cards come ten at a time ("Load more"); Withdraw
// opens LinkedIn's confirmation dialog; confirming removes the card once the POST succeeded.
// Variants: rateLimitAfter (the n+1-th withdrawal is refused with 429 and "You're out of invitations
// for now"), jumpAfterLoadMore (after that many "Load more" clicks the page jumps to Received, at most
// `jumps` times in all — state.maxJumps, read at each page load), withdrawDelayMs (the server answers a withdrawal late).
// markup: '2026' serves the lazy-scrolling, link-based, role-less-dialog page of ./sent-list-2026.js instead
// (en, de), with unhandled / leaves / fail: keys whose Withdraw the page ignores, that leave the page, or
// that LinkedIn refuses with its "Sorry, unable to withdraw" toast.

import { html2026 } from './sent-list-2026.js';

const FIRST = [
  'Jane',
  'Omar',
  'Mei',
  'Käthe',
  'Ravi',
  'Anna',
  'Lucas',
  'Fatima',
  'Tomasz',
  'Emily',
  'Kenji',
  'Sara',
  'Diego',
  'Ingrid',
  'Yusuf',
  'Chloé',
  'Arjun',
  'Lea',
  'Mateo',
  'Zoe',
  'Hiro',
  'Nora',
  'Pavel',
  'Aiko',
];
const LAST = [
  'Doe',
  'Haddad',
  'Lin',
  'Müller',
  'Singh',
  'Berg',
  'Silva',
  'Zahra',
  'Nowak',
  'Clarke',
  'Sato',
  'Rossi',
  'Ramos',
  'Larsen',
  'Kaya',
  'Martin',
  'Patel',
  'Wolf',
  'Gómez',
  'Adams',
  'Tanaka',
  'Fischer',
  'Novák',
  'Ito',
];
const HEAD = ['Product Manager at Acme', 'Software Engineer', 'Recruiter', 'Head of Sales', 'Student', 'Cloud Architect', 'UX Researcher', 'Data Analyst'];

export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
export const RECEIVED_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';

const TEXT = {
  en: {
    lang: 'en',
    title: 'Manage invitations',
    received: 'Received',
    sent: 'Sent',
    people: 'People',
    more: 'Load more',
    withdraw: 'Withdraw',
    withdrawLabel: (n) => `Withdraw invitation sent to ${n}`,
    alt: (n) => `${n}’s profile picture`,
    dlgTitle: 'Withdraw invitation',
    dlgText: 'If you withdraw now, you won’t be able to resend to this person for up to 3 weeks.',
    cancel: 'Cancel',
    limit: 'You’re out of invitations for now. Try again later.',
    empty: 'No pending invitations',
    receivedText: 'No pending invitations received',
    age: {
      today: 'Sent today',
      yesterday: 'Sent yesterday',
      days: (n) => `Sent ${n} days ago`,
      weeks: (n) => (n === 1 ? 'Sent 1 week ago' : `Sent ${n} weeks ago`),
      months: (n) => (n === 1 ? 'Sent 1 month ago' : `Sent ${n} months ago`),
    },
    count: (n) => n.toLocaleString('en-US'),
  },
  de: {
    lang: 'de',
    title: 'Einladungen verwalten',
    received: 'Eingegangen',
    sent: 'Gesendet',
    people: 'Personen',
    more: 'Mehr anzeigen',
    withdraw: 'Zurückziehen',
    withdrawLabel: (n) => `Einladung an ${n} zurückziehen`,
    alt: (n) => `${n}s Profilbild`,
    dlgTitle: 'Einladung zurückziehen',
    dlgText: 'Wenn Sie die Einladung jetzt zurückziehen, können Sie diese Person bis zu 3 Wochen lang nicht erneut einladen.',
    cancel: 'Abbrechen',
    limit: 'Sie haben derzeit keine Einladungen mehr. Versuchen Sie es später erneut.',
    empty: 'Keine ausstehenden Einladungen',
    receivedText: 'Keine erhaltenen Einladungen',
    age: {
      today: 'Heute gesendet',
      yesterday: 'Gestern gesendet',
      days: (n) => `Vor ${n} Tagen gesendet`,
      weeks: (n) => (n === 1 ? 'Vor 1 Woche gesendet' : `Vor ${n} Wochen gesendet`),
      months: (n) => (n === 1 ? 'Vor 1 Monat gesendet' : `Vor ${n} Monaten gesendet`),
    },
    count: (n) => n.toLocaleString('de-DE'),
  },
  fr: {
    lang: 'fr',
    title: 'Gérer les invitations',
    received: 'Reçues',
    sent: 'Envoyées',
    people: 'Personnes',
    more: 'Afficher plus',
    withdraw: 'Retirer',
    withdrawLabel: (n) => `Retirer l’invitation envoyée à ${n}`,
    alt: (n) => `Photo de profil de ${n}`,
    dlgTitle: 'Retirer l’invitation',
    dlgText: 'Si vous retirez cette invitation, vous ne pourrez pas la renvoyer à cette personne pendant 3 semaines.',
    cancel: 'Annuler',
    limit: 'Vous avez atteint la limite d’invitations. Réessayez plus tard.',
    empty: 'Aucune invitation en attente',
    receivedText: 'Aucune invitation reçue',
    age: {
      today: 'Envoyée aujourd’hui',
      yesterday: 'Envoyée hier',
      days: (n) => `Envoyée il y a ${n} jours`,
      weeks: (n) => (n === 1 ? 'Envoyée il y a 1 semaine' : `Envoyée il y a ${n} semaines`),
      months: (n) => `Envoyée il y a ${n} mois`,
    },
    count: (n) => n.toLocaleString('fr-FR'),
  },
};

/** person returns the i-th generated person: { key, slug, name, head, age: [unit, n] }. */
export function person(i, age = ['weeks', 1 + (i % 4)]) {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 5 + 1) % LAST.length]}${i >= FIRST.length ? ` ${String.fromCharCode(65 + (Math.floor(i / FIRST.length) % 26))}.` : ''}`;
  const slug = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '-')}-${i + 1}`;
  return { key: `https://www.linkedin.com/in/${slug}/`, slug, name, head: HEAD[i % HEAD.length], age };
}

function ageText(t, [unit, n]) {
  if (unit === 'today') return t.age.today;
  if (unit === 'yesterday') return t.age.yesterday;
  return t.age[unit](n);
}

/**
 * createSentSite makes the site. people: [{ key, slug, name, head, age, note? }] in list order (newest first).
 * Returns { state, install(ctx), withdrawnCount(key) }.
 */
export function createSentSite({
  lang = 'en',
  people,
  pageSize = 10,
  rateLimitAfter = Infinity,
  jumpAfterLoadMore = 0,
  jumps = 1,
  withdrawDelayMs = 0,
  loadDelayMs = 40,
  markup = 'load-more',
  unhandled,
  leaves,
  fail,
}) {
  const t = TEXT[lang];
  const state = { people: [...people], withdrawn: [], refused: 0, jumps: 0, maxJumps: jumps, pageLoads: 0 };

  function html() {
    if (markup === '2026') {
      state.pageLoads++;
      const rows = state.people.map((p) => ({ key: p.key, slug: p.slug, name: p.name, head: p.head, age: ageText(t, p.age), note: p.note ?? '' }));
      return html2026(rows, { lang, total: t.count(rows.length), pageSize, loadDelayMs, unhandled, leaves, fail });
    }
    state.pageLoads++;
    const data = state.people.map((p) => ({ key: p.key, slug: p.slug, name: p.name, head: p.head, age: ageText(t, p.age), note: p.note ?? '' }));
    const cfg = {
      t: { ...t, withdrawLabel: undefined, alt: undefined, age: undefined, count: undefined },
      pageSize,
      loadDelayMs,
      jump: jumpAfterLoadMore,
      jumpsLeft: Math.max(0, state.maxJumps - state.jumps),
      total: t.count(data.length),
    };
    return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><title>${t.title} | LinkedIn</title>
<style>
body{margin:0;background:#f4f2ee;font:14px -apple-system,system-ui,sans-serif;color:#191919}
header{background:#fff;border-bottom:1px solid #ddd;padding:10px 24px;font-weight:700;color:#0a66c2;font-size:20px}
main{max-width:760px;margin:16px auto;background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgba(0,0,0,.08)}
h1{font-size:18px;margin:0;padding:16px 20px 8px}
[role=tablist]{display:flex;gap:4px;padding:0 20px;border-bottom:1px solid #eee}
[role=tab]{padding:10px 12px;color:#666;text-decoration:none;font-weight:600}
[role=tab][aria-selected=true]{color:#01754f;border-bottom:2px solid #01754f}
.filters{padding:10px 20px}.filters button{border:1px solid #888;border-radius:16px;background:#fff;padding:4px 12px;font-weight:600}
.filters button[aria-pressed=true]{background:#01754f;color:#fff;border-color:#01754f}
[role=listitem]{display:flex;gap:12px;padding:12px 20px;border-top:1px solid #eee;align-items:flex-start}
[role=listitem] img{width:56px;height:56px;border-radius:50%;background:#cdd5e0}
[role=listitem] .who{flex:1}[role=listitem] p{margin:2px 0;color:#666}
[role=listitem] a{color:#191919;font-weight:600;text-decoration:none}
.wd{border:0;background:none;color:#666;font-weight:600;padding:6px 12px;border-radius:4px}
.more{text-align:center;padding:12px}.more button{border:1px solid #0a66c2;color:#0a66c2;background:#fff;border-radius:16px;padding:6px 16px;font-weight:600}
dialog{border:0;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.3);max-width:420px}
dialog .primary{background:#0a66c2;color:#fff;border:0;border-radius:16px;padding:6px 16px;font-weight:600}
.toast{position:fixed;left:24px;bottom:24px;background:#191919;color:#fff;padding:12px 16px;border-radius:6px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style></head><body><header>in</header><main id="app"></main>
<dialog id="confirm" aria-labelledby="confirm-title"><h2 id="confirm-title">${t.dlgTitle}</h2><p>${t.dlgText}</p>
<button type="button" id="confirm-cancel">${t.cancel}</button> <button type="button" id="confirm-ok" class="primary">${t.withdraw}</button></dialog>
<script>
const DATA = ${JSON.stringify(data)};
const CFG = ${JSON.stringify(cfg)};
const T = CFG.t;
const LABEL = ${{ en: '(n) => "Withdraw invitation sent to " + n', de: '(n) => "Einladung an " + n + " zurückziehen"', fr: '(n) => "Retirer l’invitation envoyée à " + n' }[lang]};
const ALT = ${{ en: '(n) => n + "’s profile picture"', de: '(n) => n + "s Profilbild"', fr: '(n) => "Photo de profil de " + n' }[lang]};
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
let shown = 0, loads = 0, pending = null;
const app = document.getElementById('app');
function tabs(view) {
  return '<h1>' + T.title + '</h1><div role="tablist" aria-label="Invitations">' +
    '<a role="tab" id="tab-received" aria-selected="' + (view === 'received') + '" href="/mynetwork/invitation-manager/received/">' + T.received + '</a>' +
    '<a role="tab" id="tab-sent" aria-selected="' + (view === 'sent') + '" href="/mynetwork/invitation-manager/sent/">' + T.sent + '</a></div>';
}
function card(p) {
  return '<div role="listitem" data-fixture-key="' + esc(p.key) + '">' +
    '<a href="/in/' + esc(p.slug) + '/" tabindex="-1"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAMzV4P///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="' + esc(ALT(p.name)) + '"></a>' +
    '<div class="who"><a href="https://www.linkedin.com/in/' + esc(p.slug) + '/?miniProfileUrn=x">' + esc(p.name) + '</a><p>' + esc(p.head) + '</p><p><span>' + esc(p.age) + '</span></p>' +
    (p.note ? '<div data-testid="expandable-text-box">' + esc(p.note) + '</div>' : '') + '</div>' +
    '<div><button type="button" class="wd" data-view-name="sent-invitations-withdraw-single" aria-label="' + esc(LABEL(p.name)) + '"><span>' + T.withdraw + '</span></button></div></div>';
}
function renderSent() {
  history.replaceState(null, '', '/mynetwork/invitation-manager/sent/');
  shown = Math.min(CFG.pageSize, DATA.length);
  loads = 0;
  app.innerHTML = tabs('sent') + '<div class="filters"><button type="button" aria-pressed="true">' + T.people + ' (' + CFG.total + ')</button> <button type="button" aria-pressed="false">Pages (0)</button></div>' +
    '<div role="list" id="cards">' + DATA.slice(0, shown).map(card).join('') + '</div>' +
    (shown < DATA.length ? '<div class="more"><button type="button" id="load-more"><span>' + T.more + '</span></button></div>' : '') +
    (DATA.length ? '' : '<p>' + T.empty + '</p>');
}
function renderReceived() {
  history.pushState(null, '', '/mynetwork/invitation-manager/received/');
  app.innerHTML = tabs('received') + '<p style="padding:20px">' + T.receivedText + '</p>';
}
app.addEventListener('click', (e) => {
  const tab = e.target.closest('[role=tab]');
  if (tab) { e.preventDefault(); if (tab.id === 'tab-sent') renderSent(); else renderReceived(); return; }
  if (e.target.closest('#load-more')) {
    loads++;
    setTimeout(() => {
      if (CFG.jump && CFG.jumpsLeft > 0 && loads === CFG.jump) { fetch('/fixture-api/jumped', { method: 'POST', body: '{}' }); CFG.jumpsLeft--; renderReceived(); return; }
      const list = document.getElementById('cards');
      DATA.slice(shown, shown + CFG.pageSize).forEach((p) => list.insertAdjacentHTML('beforeend', card(p)));
      shown = Math.min(DATA.length, shown + CFG.pageSize);
      if (shown >= DATA.length) document.querySelector('.more')?.remove();
    }, CFG.loadDelayMs);
    return;
  }
  const b = e.target.closest('[data-view-name="sent-invitations-withdraw-single"]');
  if (!b) return;
  pending = b.closest('[role=listitem]');
  document.getElementById('confirm-ok').setAttribute('aria-label', LABEL(pending.querySelector('.who a').textContent));
  document.getElementById('confirm').show();
});
document.getElementById('confirm-cancel').addEventListener('click', () => { pending = null; document.getElementById('confirm').close(); });
document.getElementById('confirm-ok').addEventListener('click', async () => {
  const card = pending; pending = null;
  if (!card) return;
  const res = await fetch('/fixture-api/withdraw', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: card.dataset.fixtureKey }) });
  document.getElementById('confirm').close();
  if (res.status === 429) {
    const t = document.createElement('div'); t.className = 'toast'; t.setAttribute('role', 'alert'); t.textContent = T.limit; document.body.append(t);
    return;
  }
  const i = DATA.findIndex((p) => p.key === card.dataset.fixtureKey);
  if (i >= 0) { DATA.splice(i, 1); shown--; }
  card.remove();
});
if (location.pathname.startsWith('/mynetwork/invitation-manager/received')) app.innerHTML = tabs('received') + '<p style="padding:20px">' + T.receivedText + '</p>';
else renderSent();
</script></body></html>`;
  }

  async function install(ctx) {
    await ctx.route('https://www.linkedin.com/mynetwork/invitation-manager/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html() }),
    );
    await ctx.route('https://www.linkedin.com/fixture-api/**', async (route) => {
      const req = route.request();
      const path = new URL(req.url()).pathname;
      if (path === '/fixture-api/jumped') {
        state.jumps++;
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
      }
      if (path === '/fixture-api/withdraw') {
        const { key } = req.postDataJSON();
        if (withdrawDelayMs) await new Promise((r) => setTimeout(r, withdrawDelayMs));
        if (state.withdrawn.length >= rateLimitAfter) {
          state.refused++;
          return route.fulfill({ status: 429, contentType: 'application/json', body: '{"status":429,"code":"CUSTOM_INVITE_LIMIT_REACHED"}' });
        }
        const i = state.people.findIndex((p) => p.key === key);
        state.withdrawn.push(key);
        if (i >= 0) state.people.splice(i, 1);
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
      }
      return route.fulfill({ status: 404, body: 'no such fixture api' });
    });
  }

  return { state, install, withdrawnCount: (key) => state.withdrawn.filter((k) => k === key).length };
}
