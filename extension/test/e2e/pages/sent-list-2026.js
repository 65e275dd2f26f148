// The 2026 Sent list, modelled on the real capture (test/fixtures/linkedin/sent-list/en-2026-real.html,
// shared/real-pages/README.md): server-rendered rows div[role=listitem] inside data-testid="lazy-column",
// a "People (N)" pill link, no "Load more" — ten more rows arrive when the page's <main> (its own scroll
// container; the window does not scroll) is scrolled near its end. Withdraw is an <a aria-label="Withdraw
// invitation sent to <Name>">; the first ten (server-rendered) point at https://www.linkedin.com/, the lazy
// ones at the Sent page. The page acts on a click only after a pointer press on the same link (a person's
// click; Enter or a bare element.click() does nothing, and the link's default then leaves the page).
// The confirmation is a native <dialog> without a role; toasts are div[role=alert] in a toasts section.
// Used by createSentSite({ markup: '2026' }) in ./sent-list.js.

export const WORDS_2026 = {
  en: {
    title: 'Manage invitations',
    received: 'Received',
    sent: 'Sent',
    people: 'People ({n})',
    withdraw: 'Withdraw',
    label: 'Withdraw invitation sent to {name}',
    alt: '{name}’s profile picture',
    dlgTitle: 'Withdraw invitation',
    dlgText: 'If you withdraw now, you won’t be able to resend to this person for up to 3 weeks.',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    ok: 'Invitation to {name} withdrawn.',
    fail: 'Sorry, unable to withdraw invitation to {name}. Please try again.',
    limit: 'You’re out of invitations for now. Try again later.',
    toasts: '{n} notifications',
  },
  de: {
    title: 'Einladungen verwalten',
    received: 'Eingegangen',
    sent: 'Gesendet',
    people: 'Personen ({n})',
    withdraw: 'Zurückziehen',
    label: 'Einladung an {name} zurückziehen',
    alt: '{name}s Profilbild',
    dlgTitle: 'Einladung zurückziehen',
    dlgText: 'Wenn Sie die Einladung jetzt zurückziehen, können Sie diese Person bis zu 3 Wochen lang nicht erneut einladen.',
    cancel: 'Abbrechen',
    dismiss: 'Schließen',
    ok: 'Einladung an {name} zurückgezogen.',
    fail: 'Die Einladung an {name} konnte leider nicht zurückgezogen werden. Bitte versuchen Sie es erneut.',
    limit: 'Sie haben derzeit keine Einladungen mehr. Versuchen Sie es später erneut.',
    toasts: '{n} Benachrichtigungen',
  },
};

/**
 * html2026 returns the page for rows [{ key, slug, name, head, age, note }] (age already as text).
 * opts: { lang, total (formatted count), pageSize, loadDelayMs, unhandled: [keys], leaves: [keys], fail: [keys] }.
 */
export function html2026(rows, opts) {
  const w = WORDS_2026[opts.lang] ?? WORDS_2026.en;
  const cfg = {
    w,
    total: opts.total,
    pageSize: opts.pageSize,
    loadDelayMs: opts.loadDelayMs,
    unhandled: opts.unhandled ?? [],
    leaves: opts.leaves ?? [],
    fail: opts.fail ?? [],
  };
  return `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><title>${w.title} | LinkedIn</title>
<style>
html,body{height:100%;margin:0;overflow:hidden;background:#f4f2ee;font:14px -apple-system,system-ui,sans-serif;color:#191919}
#workspace{height:100vh;overflow-y:auto}
.card{max-width:760px;margin:16px auto;background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgba(0,0,0,.08)}
nav ul{display:flex;gap:8px;list-style:none;margin:0;padding:8px 20px}
nav a{color:#666;text-decoration:none;font-weight:600}nav a[aria-current=true]{color:#01754f}
[role=listitem]{display:flex;gap:12px;padding:14px 20px;border-top:1px solid #eee;min-height:84px}
[role=listitem] figure{margin:0;width:72px;height:72px;border-radius:50%;background:#cdd5e0;overflow:hidden}
[role=listitem] p{margin:2px 0}.who{flex:1}.wd{color:#666;font-weight:600;text-decoration:none;padding:6px 12px}
#loading{padding:16px;text-align:center;color:#666}
dialog{border:0;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.3);max-width:420px}
#toasts{position:fixed;left:24px;bottom:24px}#toasts [role=alert]{background:#191919;color:#fff;padding:12px 16px;border-radius:6px;margin-top:8px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style></head><body>
<main id="workspace" tabindex="0"><div class="card"><section><p>${w.title}</p><nav><ul>
<li><a href="https://www.linkedin.com/mynetwork/invitation-manager/received"><span>${w.received}</span></a></li>
<li><a href="https://www.linkedin.com/mynetwork/invitation-manager/sent" aria-current="true"><span>${w.sent}</span></a></li></ul></nav></section>
<div role="main" data-sdui-screen="com.linkedin.sdui.flagshipnav.mynetwork.invitations.InvitationSentWithType">
<nav><ul><li><a id="pill" href="https://www.linkedin.com/mynetwork/invitation-manager/sent/CONNECTION/" aria-current="true"><span></span></a></li></ul></nav>
<div data-testid="lazy-column" data-component-type="LazyColumn" id="col"></div><div id="loading" hidden>…</div></div></div></main>
<section id="toasts"><h2 data-testid="toasts-title" class="vh"></h2></section>
<dialog data-testid="dialog" aria-labelledby="dialog-header" id="dlg"><h2 id="dialog-header">${w.dlgTitle}</h2><p>${w.dlgText}</p>
<button type="button" aria-label="${w.dismiss}" id="dlg-x">✕</button> <button type="button" id="dlg-cancel">${w.cancel}</button> <button type="button" id="dlg-ok">${w.withdraw}</button></dialog>
<script>
const DATA = ${JSON.stringify(rows)};
const CFG = ${JSON.stringify(cfg)};
const W = CFG.w;
const fill = (tpl, v) => tpl.replace('{name}', () => v.name ?? '').replace('{n}', () => v.n ?? '');
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const main = document.getElementById('workspace');
const col = document.getElementById('col');
let shown = 0, loading = false, pending = null, lastDown = null, total = DATA.length;
let uid = 0;
function row(p, serverRendered) {
  const href = serverRendered ? 'https://www.linkedin.com/' : 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
  return '<div role="listitem" componentkey="auto-component-' + (++uid) + '" data-fixture-key="' + esc(p.key) + '"><div class="who-row" style="display:flex;gap:12px;flex:1">' +
    '<a tabindex="0" href="https://www.linkedin.com/in/' + esc(p.slug) + '/"><div><figure><img alt="' + esc(fill(W.alt, p)) + '" src="data:,"></figure></div></a>' +
    '<div class="who"><div><p>' + esc(p.name) + '</p><div><p>' + esc(p.head) + '</p></div><div><p>' + esc(p.age) + '</p></div>' +
    (p.note ? '<span data-testid="expandable-text-box">' + esc(p.note) + '</span>' : '') + '</div></div>' +
    '<div><a class="wd" aria-disabled="false" href="' + href + '" aria-label="' + esc(fill(W.label, p)) + '"><span><span>' + W.withdraw + '</span></span></a></div></div></div>';
}
function pill() { document.querySelector('#pill span').textContent = fill(W.people, { n: total.toLocaleString(document.documentElement.lang === 'de' ? 'de-DE' : 'en-US') }); }
function more() {
  if (loading || shown >= DATA.length) return;
  loading = true;
  document.getElementById('loading').hidden = false;
  setTimeout(() => {
    col.insertAdjacentHTML('beforeend', DATA.slice(shown, shown + CFG.pageSize).map((p) => row(p, false)).join(''));
    shown = Math.min(DATA.length, shown + CFG.pageSize);
    loading = false;
    document.getElementById('loading').hidden = true;
  }, CFG.loadDelayMs);
}
main.addEventListener('scroll', () => { if (main.scrollTop + main.clientHeight >= main.scrollHeight - 400) more(); });
function toast(text) {
  const box = document.getElementById('toasts');
  const t = document.createElement('div');
  t.setAttribute('role', 'alert');
  t.innerHTML = '<p></p><button type="button" aria-label="' + W.dismiss + '">✕</button>';
  t.querySelector('p').textContent = text;
  box.append(t);
  box.querySelector('h2').textContent = fill(W.toasts, { n: box.querySelectorAll('[role=alert]').length });
  setTimeout(() => t.remove(), 5000);
}
document.addEventListener('pointerdown', (e) => { lastDown = e.target.closest('a'); }, true);
main.addEventListener('click', (e) => {
  const a = e.target.closest('a.wd');
  if (!a) return;
  const item = a.closest('[role=listitem]');
  const key = item.dataset.fixtureKey;
  const person = e.detail > 0 && lastDown === a; // a pointer pressed this very link: a person's click
  lastDown = null;
  if (!person || CFG.unhandled.includes(key)) return; // not handled: the link's own default follows
  e.preventDefault();
  if (CFG.leaves.includes(key)) { location.href = 'https://www.linkedin.com/feed/'; return; }
  pending = item;
  const name = DATA.find((p) => p.key === key).name;
  document.getElementById('dlg-ok').setAttribute('aria-label', fill(W.label, { name }));
  document.getElementById('dlg').show();
});
const dlg = document.getElementById('dlg');
for (const id of ['dlg-x', 'dlg-cancel']) document.getElementById(id).addEventListener('click', () => { pending = null; dlg.close(); });
document.getElementById('dlg-ok').addEventListener('click', async () => {
  const item = pending; pending = null;
  if (!item) return;
  const key = item.dataset.fixtureKey;
  const name = DATA.find((p) => p.key === key).name;
  if (CFG.fail.includes(key)) { dlg.close(); toast(fill(W.fail, { name })); return; }
  const res = await fetch('/fixture-api/withdraw', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key }) });
  dlg.close();
  if (res.status === 429) { toast(W.limit); return; }
  const i = DATA.findIndex((p) => p.key === key);
  if (i >= 0) { DATA.splice(i, 1); shown--; total--; pill(); }
  item.remove();
  toast(fill(W.ok, { name }));
});
shown = Math.min(CFG.pageSize, DATA.length);
col.innerHTML = DATA.slice(0, shown).map((p) => row(p, true)).join('');
pill();
</script></body></html>`;
}
