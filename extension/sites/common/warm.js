// Warming the readers before the first click (issue 14). The first held click in a page runs the readers'
// code for the first time there: V8 compiles each function and each of the vocabulary's regular
// expressions on first use, and runs the first thousand rows of a list in its interpreter, several times
// slower than the same read a moment later. warmReaders reads a small list built in memory — never put in
// the page, so nothing of it can be seen or clicked there — once, while the browser is idle (content/main.js),
// so that a click finds that work done.

import { accName } from './dom.js';
import { isSelectAllName, meaning } from './text.js';
import { listAround, readRows, recipientOf } from './rows.js';

// Names and headlines as they come, in several scripts, so that the readers' paths for accents and other
// scripts are warmed too.
const PEOPLE = [
  ['Zoë Müller-Lüdenscheidt', 'Head of Sales DACH at Contoso'],
  ["Seán O'Brien, MBA", 'Founder | Advisor'],
  ['Dr. Amira Haddad (she/her)', 'Research Scientist'],
  ['李小龙', '产品经理'],
  ['Łukasz Żółć', 'Inżynier oprogramowania'],
  ['Priya Raghunathan', 'Pending'],
];
const ROWS = 24;

/** warmReaders reads a list of ROWS rows built in doc but never attached to it; it returns the recipients read. */
export function warmReaders(doc) {
  const root = doc.createElement('div');
  const list = doc.createElement('ul');
  for (let i = 0; i < ROWS; i++) list.append(row(doc, i));
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Add connections';
  root.append(list, button);
  meaning(accName(button));
  isSelectAllName('Select all');
  const found = listAround(button, root, 2);
  if (!found) return [];
  return readRows(found.scope).map((r) => recipientOf(r, true));
}

function row(doc, i) {
  const [name, headline] = PEOPLE[i % PEOPLE.length];
  const li = doc.createElement('li');
  const check = doc.createElement('input');
  check.type = 'checkbox';
  check.checked = i % 5 !== 0;
  check.setAttribute('aria-label', name);
  const img = doc.createElement('img');
  img.alt = name;
  const link = doc.createElement('a');
  link.href = `/in/warm-${i}/`;
  link.textContent = name;
  const p = doc.createElement('p');
  p.textContent = headline;
  const div = doc.createElement('div');
  div.append(link, p);
  li.append(check, img, div);
  return li;
}
