// A contact-import page shaped after SITES.md ("Add connections" over a pre-selected list), served at
// https://www.linkedin.com/mynetwork/import-contacts/results/member/ by route interception. Its
// button handler is the page's own: it "sends" the checked rows by POSTing them to its own origin,
// which the harness records, and also keeps them in window.sent.

const TEXT = {
  en: { title: 'Add connections', all: 'Select all', add: 'Add connections', at: 'at', lang: 'en' },
  de: { title: 'Kontakte hinzufügen', all: 'Alle auswählen', add: 'Als Kontakte hinzufügen', at: 'bei', lang: 'de' },
};

const FIRST = ['Jane', 'Omar', 'Lena', 'Kai', 'Marta', 'Jonas', 'Aiko', 'Luis', 'Sofia', 'Emil', 'Nora', 'Yusuf', 'Clara', 'Tomás', 'Ingrid', 'Pavel'];
const LAST = [
  'Doe',
  'Haddad',
  'Schmidt',
  'Nakamura',
  'Kowalska',
  'Berg',
  'Tanaka',
  'García',
  'Rossi',
  'Larsen',
  'Okafor',
  'Yilmaz',
  'Meyer',
  'Silva',
  'Holm',
  'Novák',
];
const JOBS = ['Product Manager', 'Software Engineer', 'Recruiter', 'Designer', 'Sales Lead', 'Data Analyst', 'Founder', 'Consultant'];
const ORGS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises'];

/** person returns the i-th generated person (stable across runs). */
export function person(i) {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + 3) % LAST.length]}`;
  const slug = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '-')}-${i + 1}`;
  return { name, slug, key: `https://www.linkedin.com/in/${slug}/`, job: `${JOBS[i % JOBS.length]}`, org: ORGS[i % ORGS.length] };
}

/** contactImportPage renders n pre-selected rows (offset shifts the people). */
export function contactImportPage({ n = 40, lang = 'en', offset = 0, modal = false, on = 'click' } = {}) {
  const t = TEXT[lang] ?? TEXT.en;
  const rows = [];
  for (let i = offset; i < offset + n; i++) {
    const p = person(i);
    rows.push(
      `<li class="ci-row"><input type="checkbox" checked aria-label="${p.name}"><img src="data:," alt="" width="40" height="40"><div><a href="/in/${p.slug}/">${p.name}</a><p>${p.job} ${t.at} ${p.org}</p></div></li>`,
    );
  }
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><title>${t.title} | LinkedIn</title>
<style>body{font:14px system-ui;margin:0;background:#f4f2ee}main{max-width:720px;margin:24px auto;background:#fff;padding:16px 24px;border-radius:8px}
ul{list-style:none;padding:0;margin:0}.ci-row{display:flex;gap:12px;align-items:center;padding:8px 0;border-bottom:1px solid #eee}.ci-row p{margin:0;color:#666}
.bar{position:sticky;bottom:0;background:#fff;padding:12px 0;text-align:right}button{background:#0a66c2;color:#fff;border:0;border-radius:16px;padding:8px 16px;font-weight:600}</style></head>
<body>${modal ? '<dialog id="page-modal" aria-label="' + t.title + '">' : ''}<main><h1>${t.title}</h1>
<label><input type="checkbox" id="select-all" checked> ${t.all}</label>
<ul id="contacts">${rows.join('')}</ul>
<div class="bar"><button type="button" id="add">${t.add}</button></div></main>${modal ? '</dialog>' : ''}
<script>
if (document.getElementById('page-modal')) document.getElementById('page-modal').showModal(); // the page's own modal: all else is inert
window.sent = [];
document.getElementById('add').addEventListener('${on}', (e) => {
  const keys = [...document.querySelectorAll('#contacts .ci-row')].filter((r) => r.querySelector('input').checked)
    .map((r) => new URL(r.querySelector('a').getAttribute('href'), location.href).href);
  window.sent.push({ keys, trusted: e.isTrusted });
  fetch('/voyager/api/growth/normInvitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(keys) });
});
document.getElementById('select-all').addEventListener('change', (e) => {
  for (const c of document.querySelectorAll('#contacts input')) c.checked = e.target.checked;
});
</script></body></html>`;
}
