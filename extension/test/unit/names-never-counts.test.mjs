// The generated test of issue 9: for many names as people write them (digits, "Dr.", ", MBA",
// "(she/her)", emoji, both apostrophes, CJK, Arabic, words such as "Invite", "Pending" or "100
// Connections" inside a name) on every screen in en/de/fr, no control that is not an invitation is
// ever taken by a site module (so content/hold never holds it), and every bulk invitation above the
// click threshold is taken, with exactly its rows read (names as data, the count the rows').
// Screens: test/unit/screens2026.mjs. Real Chromium, the site modules' source as shipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withHtml } from './harness.mjs';
import { LANGS, NAMES, SCREENS, keyOf } from './screens2026.mjs';

const CLICK_ABOVE = 5; // core.DefaultPolicy().ClickAbove: above it a batch always asks
const SIZES = [CLICK_ABOVE + 1, 13, NAMES.length];
let browser;
const size = { names: NAMES.length, screens: 0, checks: 0 };
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  console.log(`# generated: ${size.names} names × ${size.screens} screen-languages → ${size.checks} detections checked`);
});

/** probeAll asks every module's detect about every probed control (and the span a click lands on). */
function probeAll(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('[data-probe]')) {
      for (const target of new Set([el, el.querySelector('span,svg') || el])) {
        let hit = null;
        for (const m of window.__ig.modules) {
          if (!m.hosts.includes(location.hostname)) continue;
          const d = m.detect(target, document);
          if (d) {
            hit = m.id;
            break;
          }
        }
        out.push({ probe: el.dataset.probe, label: el.getAttribute('aria-label') || el.textContent.trim(), hit });
      }
    }
    return out;
  });
}

function withScreen(screen, lang, names, fn) {
  return withHtml(browser, SCREENS[screen].build(lang, names), SCREENS[screen].url, (page) => {
    size.screens++;
    return fn(page);
  });
}

for (const [screen, { kind }] of Object.entries(SCREENS).filter(([, s]) => s.kind === 'negative')) {
  test(`never held, en/de/fr: every control of the ${screen} screen for ${NAMES.length} names`, async () => {
    for (const lang of LANGS) {
      await withScreen(screen, lang, NAMES, async (page) => {
        const got = await probeAll(page);
        assert.ok(got.length >= NAMES.length, `${screen}/${lang}: probes`);
        size.checks += got.length;
        const taken = got.filter((g) => g.hit);
        assert.deepEqual(taken, [], `${kind} ${screen}/${lang}: taken`);
        assert.deepEqual(page.errors, []);
      });
    }
  });
}

/** batches cuts the names into windows of n (the last one wraps), so every name is in a batch of every size. */
function batches(n) {
  const out = [];
  for (let at = 0; at < NAMES.length; at += n) {
    const idx = Array.from({ length: n }, (_, k) => (at + k) % NAMES.length);
    out.push(idx);
  }
  return out;
}

for (const [screen, module] of [
  ['contact-import', 'linkedin.contact-import'],
  ['invite-modal', 'linkedin.invite-modal'],
]) {
  test(`always held, en/de/fr: the ${screen} bulk action over batches of ${SIZES.join(', ')} of the names, each row read as data`, async () => {
    for (const lang of LANGS) {
      // One page per language; each batch replaces its body (the modules stay loaded).
      await withScreen(screen, lang, NAMES, async (page) => {
        for (const n of SIZES) {
          for (const idx of batches(n)) {
            const names = idx.map((i) => NAMES[i]);
            await page.evaluate(
              (html) => {
                const next = new DOMParser().parseFromString(html, 'text/html');
                document.body.replaceWith(document.adoptNode(next.body));
              },
              SCREENS[screen].build(lang, names),
            );
            const got = await page.evaluate(() => {
              const el = document.querySelector('[data-probe^="bulk:"]');
              for (const target of [el, el.firstChild?.parentElement ?? el]) {
                for (const m of window.__ig.modules) {
                  const d = m.detect(target, document);
                  if (!d) continue;
                  const r = m.read(d.scope, document, d);
                  return {
                    id: m.id,
                    kind: m.kind,
                    unreadable: !!d.unreadable || !!r.unreadable,
                    expected: r.expected ?? null,
                    recipients: r.recipients.map(({ key, name, selected }) => ({ key, name, selected })),
                  };
                }
              }
              return null;
            });
            size.checks++;
            const where = `${screen}/${lang}/${n}@${idx[0]}`;
            assert.equal(got?.id, module, where);
            assert.equal(got.kind, 'bulk', where);
            assert.equal(got.unreadable, false, where);
            assert.ok(got.expected == null || got.expected === n, `${where}: stated ${got.expected}`);
            const want = names.map((name, k) => ({ key: screen === 'contact-import' ? keyOf(name, k) : got.recipients[k].key, name, selected: true }));
            assert.deepEqual(got.recipients, want, where);
            assert.ok(got.recipients.filter((r) => r.selected).length > CLICK_ABOVE, where);
          }
        }
      });
    }
  });
}

test('every Connect is one velocity action with its person: the name as data, the profile key', async () => {
  for (const lang of LANGS) {
    await withScreen('connect', lang, NAMES, async (page) => {
      const got = await page.evaluate(() =>
        [...document.querySelectorAll('[data-probe="connect:connect"]')].map((el) => {
          for (const m of window.__ig.modules) {
            const d = m.detect(el.querySelector('span'), document);
            if (d) return { id: m.id, kind: m.kind, r: m.read(d.action, document, d).recipients[0] };
          }
          return null;
        }),
      );
      size.checks += got.length;
      assert.deepEqual(
        got.map((g) => g && { id: g.id, kind: g.kind, key: g.r.key, name: g.r.name }),
        NAMES.map((name, i) => ({ id: 'linkedin.connect', kind: 'velocity', key: keyOf(name, i), name })),
        lang,
      );
    });
  }
});
