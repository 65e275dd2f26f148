// The message catalogue (shared/catalogue.js): every handler has a line, and a sender may call only
// what its line allows — extension pages everything, a site's tab the content script's ops, the
// invitation manager also the scan and job steps. Issue 10, item 1.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, EXT, MANAGER, OPS, SITE, admit, allowed, senderOf } from '../../shared/catalogue.js';
import { dispatch } from '../../background/handlers.js';
import { createWorker } from '../../background/worker.js';

const own = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };
const senders = {
  popup: { id: own.id, url: `${own.origin}ui/popup.html` },
  optionsTab: { id: own.id, url: `${own.origin}ui/options.html`, tab: { id: 7 } },
  feed: { id: own.id, url: 'https://www.linkedin.com/feed/', tab: { id: 11 } },
  xing: { id: own.id, url: 'https://www.xing.com/profile/Maria_Mueller2/cv', tab: { id: 12 } },
  sent: { id: own.id, url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/?invitationType=CONNECTION', tab: { id: 13 } },
  received: { id: own.id, url: 'https://www.linkedin.com/inbox/invitations/', tab: { id: 14 } },
  lookalike: { id: own.id, url: 'https://www.linkedin.com.evil.example/mynetwork/invitation-manager/sent/', tab: { id: 15 } },
  managerPath: { id: own.id, url: 'https://www.linkedin.com/feed/?next=/mynetwork/invitation-manager/sent/', tab: { id: 16 } },
  otherExtension: { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/x.html' },
  noUrl: { id: own.id, tab: { id: 17 } },
};

test('every handler of the service worker has a catalogue line, and every line a handler', () => {
  const { handlers } = createWorker({ engine: {}, history: {}, getDB: async () => null, api: {} });
  const ops = Object.keys(handlers).sort();
  assert.deepEqual(
    ops.filter((op) => !Object.hasOwn(CATALOGUE, op)),
    [],
    'add a line to shared/catalogue.js',
  );
  assert.deepEqual(
    Object.keys(CATALOGUE).filter((op) => !ops.includes(op)),
    [],
    'a catalogue line without a handler',
  );
  for (const [op, who] of Object.entries(CATALOGUE)) assert.ok([EXT, SITE, MANAGER].includes(who), `${op}: ${who}`);
});

test('senderOf tells extension pages, site tabs and the invitation manager apart by URL', () => {
  const got = Object.fromEntries(Object.entries(senders).map(([name, s]) => [name, senderOf(s, own)]));
  assert.deepEqual(got, {
    popup: EXT,
    optionsTab: EXT,
    feed: SITE,
    xing: SITE,
    sent: MANAGER,
    received: MANAGER,
    lookalike: null,
    managerPath: SITE,
    otherExtension: null,
    noUrl: null,
  });
});

test('a tab may call only what the content scripts use; extension pages call everything', () => {
  const site = [
    'decide',
    'record',
    'policy.get',
    'velocity.recent',
    'options.open',
    'rules.list',
    'rules.add',
    'rules.remove',
    'reminder.check',
    'reminder.shown',
    'reminder.snooze',
    'reminder.accept',
  ];
  const steps = [
    'sent.task',
    'scan.count',
    'scan.submit',
    'job.begin',
    'job.recheck',
    'job.result',
    'job.stop',
    'job.get',
    'job.pause',
    'job.resume',
    'job.cancel',
    'burst.review',
  ];
  for (const op of [...Object.keys(CATALOGUE), 'teach.someday', undefined]) {
    assert.equal(allowed(op, EXT), true, `extension page, ${op}`);
    assert.equal(allowed(op, SITE), site.includes(op), `site tab, ${op}`);
    assert.equal(allowed(op, MANAGER), site.includes(op) || steps.includes(op), `manager tab, ${op}`);
    assert.equal(allowed(op, null), false, `unknown sender, ${op}`);
  }
});

test('admit answers forbidden to what a sender may not send, and strips what only the worker sets', () => {
  for (const op of [
    'history.clear',
    'history.export',
    'sync.configure',
    'sync.test',
    'policy.set',
    'policy.reset',
    'withdraw.start',
    'history.import',
    'burst.plan',
    'burst.start',
    'burst.dismiss',
    'sync.retry',
    'sync.discard',
  ]) {
    const out = admit({ op, url: 'https://attacker.example' }, senders.feed, own);
    assert.equal(out.msg, undefined, op);
    assert.equal(out.forbidden.error.code, 'forbidden', op);
    assert.match(out.forbidden.error.message, new RegExp(op.replace('.', '\\.')));
  }
  assert.equal(admit({ op: 'job.begin', jobId: 'j1', seq: 0 }, senders.feed, own).forbidden.error.code, 'forbidden', 'job steps only from the manager');
  assert.equal(admit({ op: 'job.begin', jobId: 'j1', seq: 0 }, senders.lookalike, own).forbidden.error.code, 'forbidden');
  assert.deepEqual(admit({ op: 'job.begin', jobId: 'j1', seq: 0 }, senders.sent, own).msg, { op: 'job.begin', jobId: 'j1', seq: 0, senderTabId: 13 });

  const decide = { op: 'decide', network: 'linkedin', surface: 'connect', recipients: [], now: '2020-01-01T00:00:00Z', senderTabId: 99 };
  assert.deepEqual(
    admit(decide, senders.feed, own).msg,
    { op: 'decide', network: 'linkedin', surface: 'connect', recipients: [], senderTabId: 11 },
    'a tab’s now and senderTabId are dropped',
  );
  assert.deepEqual(
    admit(decide, senders.popup, own).msg,
    { op: 'decide', network: 'linkedin', surface: 'connect', recipients: [], now: '2020-01-01T00:00:00Z' },
    'an extension page keeps its now',
  );
  assert.equal(admit(decide, senders.optionsTab, own).msg.senderTabId, 7);
});

test('every line documents its request and its answer, and dispatch answers only the catalogue’s ops', async () => {
  for (const [op, line] of Object.entries(OPS)) {
    assert.equal(line.length, 3, op);
    assert.match(line[1], /^\{.*\}$/, `${op}: request shape`);
    assert.match(line[2], /^\{.*\}$/, `${op}: answer shape`);
  }
  const handlers = { 'policy.get': async () => ({ policy: 'p' }), 'debug.dump': async () => ({ secret: 1 }) };
  assert.deepEqual(await dispatch(handlers, { op: 'policy.get' }), { ok: { policy: 'p' } });
  assert.deepEqual(
    await dispatch(handlers, { op: 'debug.dump' }),
    { error: { code: 'unsupported', message: 'no handler named "debug.dump"' } },
    'a handler without a catalogue line',
  );
  assert.equal((await dispatch(handlers, { op: 'sync.get' })).error.code, 'unsupported', 'a line without a handler');
});
