// The fixture list (fixtures/fixtures.json) against the files, and each listed action
// against the module that must take it (null: no module may).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES, detect, fixtureList, launch, withHtml, withPage } from './harness.mjs';

let browser;
let list;
before(async () => {
  list = await fixtureList();
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every fixture file is listed once, every listed file exists, URLs are the real hosts', async () => {
  const files = (await readdir(FIXTURES, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  assert.deepEqual(list.map((f) => f.file).sort(), files);
  for (const f of list) {
    assert.match(f.url, /^https:\/\/www\.(linkedin|xing)\.com\//, f.file);
    assert.ok(['en', 'de', 'fr'].includes(f.lang), f.file);
  }
  for (const lang of ['en', 'de', 'fr']) assert.ok(list.filter((f) => f.lang === lang).length >= 5, lang);
});

test('each listed action is taken by exactly its module, at its URL', async () => {
  for (const f of list) {
    if (!f.action) continue;
    await withPage(browser, f.file, f.url, async (page) => {
      const got = await detect(page, f.action);
      assert.equal(got ? got.id : null, f.module, `${f.file} ${f.action}`);
      assert.deepEqual(page.errors, [], f.file);
    });
  }
});

test('the reused page gives each screen a document of its own: its HTML, its errors, a fresh window', async () => {
  const url = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
  const first = await withHtml(browser, '<p id="a">Zoë O’Brien</p><script>window.left = 1; throw new Error("first")</script>', `${url}#a`, (page) =>
    page.evaluate(() => document.getElementById('a')?.textContent),
  );
  assert.equal(first, 'Zoë O’Brien');
  const second = await withHtml(browser, '<p id="b">李小龍</p>', `${url}#b`, async (page) => ({
    a: await page.evaluate(() => document.getElementById('a')),
    b: await page.evaluate(() => document.getElementById('b')?.textContent),
    left: await page.evaluate(() => window.left ?? null),
    modules: await page.evaluate(() => window.__ig.modules.length > 0),
    errors: page.errors.length,
  }));
  assert.deepEqual(second, { a: null, b: '李小龍', left: null, modules: true, errors: 0 });
});
