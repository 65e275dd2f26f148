// What each module reads on each of its fixtures, stored beside the fixture (<fixture>.read.json: the
// detection and the read, or the error read throws). A change in what a module reads fails here and
// shows the difference; IG_UPDATE=1 rewrites the files from the current modules (review the diff, like
// the core's golden cases with -update).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, detect, fixtureList, launch, read, withPage } from './harness.mjs';

const UPDATE = process.env.IG_UPDATE === '1';
let browser;
let list;
before(async () => {
  list = (await fixtureList()).filter((f) => f.module && f.action);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** readOf is what the module detects and reads on a fixture. */
async function readOf(f) {
  let got;
  await withPage(browser, f.file, f.url, async (page) => {
    const detected = await detect(page, f.action);
    let answer = null;
    if (detected)
      answer = await read(page).catch((e) => ({
        error: String(e.message)
          .replace(/^page\.evaluate: (Error: )?/, '')
          .split('\n')[0],
      }));
    got = { detected, read: answer };
  });
  return got;
}

test('every module reads on its fixtures what is stored beside them', async () => {
  assert.ok(list.length >= 25, `${list.length} fixtures`);
  const missing = [];
  let previews = 0;
  for (const f of list) {
    const file = path.join(FIXTURES, f.file.replace(/\.html$/, '.read.json'));
    const got = await readOf(f);
    if (UPDATE) fs.writeFileSync(file, JSON.stringify(got, null, 1) + '\n');
    if (!fs.existsSync(file)) {
      missing.push(f.file);
      continue;
    }
    assert.deepEqual(got, JSON.parse(fs.readFileSync(file, 'utf8')), `${f.file} (IG_UPDATE=1 rewrites the expected reads)`);
    // The selection the detector counts at the press (the dialog's first frame) is what the read finds.
    if (typeof got.detected?.selected === 'number' && Array.isArray(got.read?.recipients)) {
      assert.equal(got.detected.selected, got.read.recipients.filter((r) => r.selected).length, `${f.file}: selected at the press`);
      previews++;
    }
  }
  assert.ok(previews >= 10, `${previews} fixtures with a count at the press`);
  assert.deepEqual(missing, [], 'fixtures without an expected read: run IG_UPDATE=1 node --test test/unit/fixture-reads.test.mjs');
});
