#!/usr/bin/env node
// function-lengths measures the extension's JavaScript functions by their span in lines (from the line of
// `function`/the arrow's parameters to the closing brace, nested functions included) and prints the longest.
// The house rule "functions stay short" (GUIDE: a small state object plus named functions, not one giant
// closure) is read with it; a meta-test can import functionLengths().
//
//   node scripts/function-lengths.mjs [--top N] [--over LINES] [files or folders…]
//
// Without paths it reads background/, content/, shared/, sites/ and ui/. --over prints every function
// longer than LINES and exits 1 when there is one.

import { parse } from 'acorn';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOMS = ['background', 'content', 'shared', 'sites', 'ui'];

/** nameOf names a function node from its declaration or the place it is written (key, variable, argument). */
function nameOf(node, parent) {
  if (node.id?.name) return node.id.name;
  if (!parent) return '(anonymous)';
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.key) {
    return parent.key.type === 'Identifier' ? parent.key.name : String(parent.key.value ?? '(computed)');
  }
  if (parent.type === 'AssignmentExpression') return sourceOfTarget(parent.left);
  if (parent.type === 'CallExpression') return `(argument of ${sourceOfTarget(parent.callee)})`;
  return '(anonymous)';
}

function sourceOfTarget(n) {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression') return `${sourceOfTarget(n.object)}.${n.property.name ?? n.property.value ?? '?'}`;
  return '?';
}

/** functionLengths returns [{ name, line, lines }] for every function in one module's source. */
export function functionLengths(source) {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowHashBang: true });
  const out = [];
  const walk = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      out.push({ name: nameOf(node, parent), line: node.loc.start.line, lines: node.loc.end.line - node.loc.start.line + 1 });
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc') continue;
      if (Array.isArray(v)) for (const c of v) walk(c, node);
      else if (v && typeof v === 'object') walk(v, node);
    }
  };
  walk(ast, null);
  return out;
}

/** jsFiles lists the .js/.mjs files under the given paths (folders read recursively, node_modules and test skipped). */
export function jsFiles(paths) {
  const out = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    if (fs.statSync(p).isDirectory()) {
      for (const e of fs.readdirSync(p, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name === 'test') continue;
        const full = path.join(p, e.name);
        if (e.isDirectory()) out.push(...jsFiles([full]));
        else if (/\.m?js$/.test(e.name)) out.push(full);
      }
    } else out.push(p);
  }
  return out.sort();
}

/** measure returns every function of the files, longest first, with its file relative to the extension. */
export function measure(paths = ROOMS.map((r) => path.join(here, r))) {
  const all = [];
  for (const f of jsFiles(paths)) {
    for (const fn of functionLengths(fs.readFileSync(f, 'utf8'))) all.push({ file: path.relative(here, f), ...fn });
  }
  return all.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let top = 15;
  let over = null;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--top') top = Number(args[++i]);
    else if (args[i] === '--over') over = Number(args[++i]);
    else paths.push(path.resolve(args[i]));
  }
  const all = measure(paths.length ? paths : undefined);
  const shown = over != null ? all.filter((f) => f.lines > over) : all.slice(0, top);
  for (const f of shown) console.log(`${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}`);
  console.log(
    `${all.length} functions; longest ${all[0]?.lines ?? 0} lines; ${all.filter((f) => f.lines > 50).length} over 50, ${all.filter((f) => f.lines > 100).length} over 100`,
  );
  if (over != null && shown.length) process.exitCode = 1;
}
