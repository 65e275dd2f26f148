// The checked recipe of a screen (issue 11 item 4): every site module has fixtures in en, de and fr that
// it must take, a negative fixture nothing may take (in its own folder or its network's negative/), a
// (network, surface) the core allows (the generated constants), and hosts the manifest's content script
// runs on. checkSites answers the problems, so a test can run it on the real tree and on a scaffolded one.

import fs from 'node:fs';
import path from 'node:path';
import { NETWORKS, surfaceAllowed } from '../../shared/core-constants.js';

/** hostMatches tells whether a manifest match pattern ("https://*.linkedin.com/*") covers host. */
function hostMatches(pattern, host) {
  const m = /^https:\/\/(\*\.)?([^/]+)\//.exec(pattern);
  if (!m) return false;
  return host === m[2] || (!!m[1] && host.endsWith('.' + m[2]));
}

/**
 * checkSites returns the problems of the site modules ({ modules, extra }: the sending modules and the
 * other readers such as the Sent list) against the fixture list (fixtures.json entries), the fixture
 * folder and the manifest. [] when every module follows the recipe.
 */
export function checkSites({ modules, extra = [], fixtures, fixturesDir, manifest }) {
  const out = [];
  const content = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  for (const m of [...modules, ...extra]) {
    const folder = m.id.replace('.', '/') + '/';
    const own = fixtures.filter((f) => f.module === m.id);
    for (const lang of ['en', 'de', 'fr']) {
      if (!own.some((f) => f.lang === lang)) out.push(`${m.id}: no ${lang} fixture it must take`);
    }
    const negative = fixtures.filter((f) => f.module == null && (f.file.startsWith(folder) || f.file.startsWith(`${m.network}/negative/`)));
    if (!negative.length) out.push(`${m.id}: no negative fixture (module null) in ${folder} or ${m.network}/negative/`);
    for (const f of [...own, ...negative]) {
      if (!fs.existsSync(path.join(fixturesDir, f.file))) out.push(`${m.id}: fixture ${f.file} is listed but missing`);
    }
    if (!NETWORKS.includes(m.network)) out.push(`${m.id}: network ${m.network} is not one the core knows`);
    else if (modules.includes(m) && !surfaceAllowed(m.network, m.surface))
      out.push(`${m.id}: surface ${m.surface} does not exist on ${m.network} (core.NetworkSurfaces)`);
    for (const h of m.hosts ?? []) {
      if (!content.some((p) => hostMatches(p, h))) out.push(`${m.id}: host ${h} is not in the manifest's content scripts`);
    }
    if (!(m.hosts ?? []).length) out.push(`${m.id}: no hosts`);
  }
  return out;
}

/** moduleFiles lists the files under sitesDir that default-export a module with an id (not common/, not words). */
export function moduleFiles(sitesDir) {
  return fs
    .readdirSync(sitesDir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.js') && !f.startsWith('common/') && !f.includes('/words/') && !f.startsWith('words/'))
    .filter((f) => /export default \{[\s\S]*?\bid: '/.test(fs.readFileSync(path.join(sitesDir, f), 'utf8')));
}
