// Benchmark of the site modules on large lists, in Debian Chromium (not a test: run
// `node sites/bench.mjs [rows…]`, from extension/). Generates a contact-import page of N
// rows, then times detect (on the action), read (every row) and apply (keep 10), each
// the median of 7 runs measured inside the page.

import { launch, open } from '../test/unit/harness.mjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../test/unit/harness.mjs';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const dir = path.join(FIXTURES, '.bench');

function page(n) {
  const first = ['Anna', 'Ben', 'Chloé', 'David', 'Emre', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas'];
  const last = ['Berg', 'Cohen', 'Dubois', 'Evans', 'Fischer', 'García', 'Haddad', 'Ito', 'Jensen', 'Kowalski'];
  const rows = Array.from({ length: n }, (_, i) => {
    const name = `${first[i % 10]} ${last[Math.floor(i / 10) % 10]}`;
    return (
      `<li><input type="checkbox" checked aria-label="Select ${name}"><a href="/in/p-${i}/"><img alt="${name}’s profile picture" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>` +
      `<div><a href="/in/p-${i}/"><span aria-hidden="true">${name}</span><span class="visually-hidden">${name}</span></a><div>Engineer at Company ${i}</div></div></li>`
    );
  }).join('\n');
  return `<!doctype html><html><body><main><label><input type=checkbox checked> Select all</label><ul>${rows}</ul><button id=add>Add ${n} connections</button></main></body></html>`;
}

const browser = await launch();
try {
  mkdirSync(dir, { recursive: true });
  for (const n of sizes.length ? sizes : [100, 1000, 5000]) {
    writeFileSync(path.join(dir, `${n}.html`), page(n));
    const p = await open(browser, `.bench/${n}.html`, 'https://www.linkedin.com/mynetwork/import-contacts/results/member/');
    const r = await p.evaluate(() => {
      const m = window.__ig.modules.find((x) => x.id === 'linkedin.contact-import');
      const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
      const det = [];
      const rd = [];
      let d;
      let res;
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        d = m.detect(document.querySelector('#add'), document);
        const t1 = performance.now();
        res = m.read(d.scope, document, d);
        det.push(t1 - t0);
        rd.push(performance.now() - t1);
      }
      const keep = new Set(res.recipients.slice(0, 10).map((x) => x.key));
      const t2 = performance.now();
      m.apply(d.scope, keep);
      return { rows: res.recipients.length, detectMs: med(det), readMs: med(rd), applyMs: performance.now() - t2 };
    });
    console.log(JSON.stringify(r));
    await p.context().close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
