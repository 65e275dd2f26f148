// The real Invite Guard server for the sync tests: built from ./server/cmd/inviteguard with the Go
// toolchain (once per test process), run on 127.0.0.1 with its own SQLite file and the very core.wasm
// the extension carries, a token made with its own CLI. Stop and start again on the same port.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';

let built = null;
/** START_WAIT_MS bounds the wait for the server's /healthz after a start. */
const START_WAIT_MS = 90_000;

/** buildServer builds the server binary into a temporary directory (or takes $INVITEGUARD_TEST_BIN) and returns its path. */
export function buildServer() {
  if (built) return built;
  if (process.env.INVITEGUARD_TEST_BIN) return (built = process.env.INVITEGUARD_TEST_BIN); // a binary built already
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-server-bin-'));
  const bin = path.join(dir, 'inviteguard');
  execFileSync('go', ['build', '-trimpath', '-o', bin, './server/cmd/inviteguard'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  built = bin;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bin;
}

/** freePort returns a port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * createServer prepares a data directory and a token; start()/stop() run the server on one port.
 * Returns { url, token, start(), stop(), get(path) }.
 */
export async function createServer({ origins = '', user = 'tester', rate = 0 } = {}) {
  const bin = buildServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-server-'));
  const db = path.join(dir, 'inviteguard.db');
  const wasm = path.join(ROOT, 'build', 'extension', 'core.wasm'); // the extension's own bytes: the same engine id
  const common = ['--db', db, '--wasm', wasm, '--cache-dir', ''];
  execFileSync(bin, ['migrate', ...common], { stdio: 'ignore' });
  const token = execFileSync(bin, ['token', 'create', '--user', user, ...common], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let proc = null;

  async function start() {
    proc = spawn(
      bin,
      [
        'serve',
        '--addr',
        `127.0.0.1:${port}`,
        '--metrics-addr',
        '127.0.0.1:0',
        '--quota-batches-per-day',
        '0',
        '--origins',
        origins,
        '--rate',
        String(rate),
        '--log-level',
        'warn',
        ...common,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    proc.stderr.on('data', (d) => (log += d));
    // The server compiles core.wasm at start: seconds on a quiet machine, up to 38 s seen on a loaded one.
    const end = Date.now() + START_WAIT_MS;
    for (;;) {
      if (proc.exitCode != null) throw new Error(`the server exited: ${log}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.ok) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > end) throw new Error(`the server did not start within ${START_WAIT_MS / 1000} s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop() {
    if (!proc || proc.exitCode != null) return;
    const p = proc;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
    proc = null;
  }

  async function get(p) {
    const res = await fetch(url + p, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  return {
    url,
    token,
    start,
    stop,
    get,
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
