// The registry of site modules: validates the declarations in sites/index.js and finds the module
// whose detector recognises an action. See SITE-MODULES.md.

const REQUIRED = ['id', 'network', 'surface', 'kind', 'hosts', 'detect', 'read'];

/** validateModule returns a list of problems with a module declaration (empty when fine). */
export function validateModule(m) {
  const problems = [];
  if (!m || typeof m !== 'object') return ['not an object'];
  for (const f of REQUIRED) if (m[f] == null) problems.push(`missing ${f}`);
  if (m.kind && m.kind !== 'bulk' && m.kind !== 'velocity') problems.push(`kind must be "bulk" or "velocity", got "${m.kind}"`);
  if (m.hosts && !Array.isArray(m.hosts)) problems.push('hosts must be a list');
  if (m.detect && typeof m.detect !== 'function') problems.push('detect must be a function');
  if (m.read && typeof m.read !== 'function') problems.push('read must be a function');
  if (m.kind === 'bulk' && typeof m.apply !== 'function') problems.push('a bulk module needs apply');
  if ('paths' in m) problems.push('paths is not read (a module recognises its screen by what the page shows; see SITE-MODULES.md)');
  return problems;
}

/**
 * createRegistry keeps the valid modules in declaration order. log receives a message for each rejected one.
 * detect(target, doc, hostname) returns { module, hit } for the first module that recognises the target.
 */
export function createRegistry(modules, { log = (msg) => console.error(msg) } = {}) {
  const list = [];
  const ids = new Set();
  for (const m of modules ?? []) {
    const problems = validateModule(m);
    if (!problems.length && ids.has(m.id)) problems.push('duplicate id');
    if (problems.length) {
      log(`Invite Guard: site module ${m?.id ?? '(unnamed)'} rejected: ${problems.join(', ')}`);
      continue;
    }
    ids.add(m.id);
    list.push(m);
  }
  return {
    modules: list,
    forHost(hostname) {
      return list.filter((m) => m.hosts.includes(hostname));
    },
    detect(target, doc, hostname) {
      for (const module of list) {
        if (!module.hosts.includes(hostname)) continue;
        let hit = null;
        try {
          hit = module.detect(target, doc);
        } catch (err) {
          log(`Invite Guard: ${module.id}.detect failed: ${err?.message ?? err}`);
          continue;
        }
        if (hit && hit.action) return { module, hit };
      }
      return null;
    },
  };
}
