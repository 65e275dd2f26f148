// A LinkedIn screen no site module knows (issue 9, "a guard the user can teach"), served at
// https://www.linkedin.com/groups/<id>/members/ by route interception. Each member row has a profile
// link, a picture, a headline with an e-mail address, the page's own "Ask <name> to join" button (the
// action the user teaches), and the actions that must never be held: Message, Follow, Withdraw (English
// or German). With select=1 the rows have check boxes and one bulk button "Ask selected people to join".
// Every action of the page POSTs to its own origin (the harness records it) and is kept in window.sent.

export const MEMBERS = [
  { name: 'Anna Schmidt, MBA', slug: 'anna-schmidt-4821', email: 'anna.schmidt@example.com' },
  { name: 'Li O’Neill | 3x Founder', slug: 'li-oneill-77', email: 'li@example.org' },
  { name: '王小明', slug: '%E7%8E%8B%E5%B0%8F%E6%98%8E', email: 'xiaoming.wang@example.cn' },
  { name: 'Sam 🚀 Rivera (he/him)', slug: 'sam-rivera-9', email: 'sam@rivera.example' },
  { name: 'Dr. Jörg Müller', slug: 'joerg-mueller', email: 'j.mueller@example.de' },
  { name: 'Marta Nguyen (10k+ followers)', slug: 'marta-nguyen-10k', email: 'marta@example.com' },
];

/** WORDS are the page's own texts in English and German. */
const WORDS = {
  en: {
    lang: 'en',
    title: 'Group members',
    intro: 'Ask the people you know to join the group.',
    ask: (n) => `Ask ${n} to join`,
    askText: 'Ask to join',
    select: (n) => `Select ${n}`,
    message: 'Message',
    follow: (n) => `Follow ${n}`,
    followText: 'Follow',
    withdraw: (n) => `Withdraw invitation sent to ${n}`,
    withdrawText: 'Withdraw',
    bulk: 'Ask selected people to join',
  },
  de: {
    lang: 'de',
    title: 'Gruppenmitglieder',
    intro: 'Bitten Sie Personen, die Sie kennen, der Gruppe beizutreten.',
    ask: (n) => `${n} um Beitritt bitten`,
    askText: 'Um Beitritt bitten',
    select: (n) => `${n} auswählen`,
    message: 'Nachricht',
    follow: (n) => `${n} folgen`,
    followText: 'Folgen',
    withdraw: (n) => `Einladung an ${n} zurückziehen`,
    withdrawText: 'Zurückziehen',
    bulk: 'Ausgewählte Personen um Beitritt bitten',
  },
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function row(m, i, select, w) {
  const check = select ? `<input type="checkbox" id="c${i}" ${i < 3 ? 'checked' : ''} aria-label="${esc(w.select(m.name))}">` : '';
  const ask = select ? '' : `<button type="button" class="ask" data-i="${i}" aria-label="${esc(w.ask(m.name))}"><span>${w.askText}</span></button>`;
  return `<li class="m-row" data-i="${i}">${check}<img src="data:," alt="${esc(m.name)}’s profile picture" width="40" height="40">
<div class="who"><a href="/in/${m.slug}/">${esc(m.name)}</a><p>Member · ${esc(m.email)}</p></div>
${ask}<button type="button" class="msg" data-i="${i}">${w.message}</button>
<button type="button" class="follow" data-i="${i}" aria-label="${esc(w.follow(m.name))}">${w.followText}</button>
<a class="withdraw" data-i="${i}" href="https://www.linkedin.com/" aria-label="${esc(w.withdraw(m.name))}">${w.withdrawText}</a></li>`;
}

/** unknownScreen renders the members page (select: rows with check boxes and one bulk button; lang en or de). */
export function unknownScreen({ select = false, lang = 'en' } = {}) {
  const w = WORDS[lang] ?? WORDS.en;
  return `<!doctype html><html lang="${w.lang}"><head><meta charset="utf-8"><title>${w.title} | LinkedIn</title>
<style>body{font:14px system-ui;margin:0;background:#f4f2ee}main{max-width:760px;margin:24px auto;background:#fff;padding:16px 24px;border-radius:8px}
ul{list-style:none;padding:0;margin:0}.m-row{display:flex;gap:10px;align-items:center;padding:8px 0;border-bottom:1px solid #eee}.who{flex:1}.who p{margin:0;color:#666}
button{background:#0a66c2;color:#fff;border:0;border-radius:16px;padding:6px 14px;font-weight:600}</style></head>
<body><main><h1>${w.title}</h1><p>${w.intro}</p>
<ul id="members">${MEMBERS.map((m, i) => row(m, i, select, w)).join('')}</ul>
${select ? `<div class="bar"><button type="button" id="ask-selected">${w.bulk}</button></div>` : ''}</main>
<script>
window.sent = [];
const members = ${JSON.stringify(MEMBERS)};
function act(kind, who, e) {
  window.sent.push({ kind, who, trusted: e.isTrusted });
  fetch('/voyager/api/groups/' + kind, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
}
document.addEventListener('click', (e) => {
  const b = e.target.closest('button, a');
  if (!b) return;
  if (b.tagName === 'A') e.preventDefault();
  if (b.id === 'ask-selected') return act('ask', [...document.querySelectorAll('.m-row')].filter((r) => r.querySelector('input').checked).map((r) => members[r.dataset.i].slug), e);
  const kind = b.classList.contains('ask') ? 'ask' : b.classList.contains('msg') ? 'message' : b.classList.contains('follow') ? 'follow' : b.classList.contains('withdraw') ? 'withdraw' : '';
  if (kind) act(kind, [members[b.dataset.i].slug], e);
});
</script></body></html>`;
}
