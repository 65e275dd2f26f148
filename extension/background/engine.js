// The engine: one core.wasm instance in the service worker, called per the ABI in RATIONALE.md
// (alloc, write the JSON input, call the export, read the packed result, copy it out, free both).

import { createWasi } from './wasi.js';
import { compactRequest } from './compact.js';

/** Above this much linear memory the instance is recycled after a call (wasm memory never shrinks). */
export const RECYCLE_BYTES = 48 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function hex(buf) {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function envelopeError(code, message) {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Engine owns the compiled module and one live instance. load() must finish before call();
 * a trap (or proc_exit) discards the instance and a fresh one is made for the next call.
 */
export class Engine {
  constructor(loadBytes) {
    this.loadBytes = loadBytes;
    this.module = null;
    this.instance = null;
    this.engineId = '';
    this.size = 0;
    this.version = null;
    this.timings = {};
    this.recycled = 0;
    this.calls = 0;
    this.lastError = null;
    this.ready = null;
    this.recycleBytes = RECYCLE_BYTES;
  }

  /** load fetches, hashes, compiles and instantiates core.wasm once; later calls share the promise. */
  load() {
    if (!this.ready) {
      this.ready = this.#load().catch((err) => {
        this.lastError = String(err?.message ?? err);
        this.ready = null; // the next call tries again
        throw err;
      });
    }
    return this.ready;
  }

  async #load() {
    const t0 = performance.now();
    const bytes = await this.loadBytes();
    const t1 = performance.now();
    this.engineId = hex(await crypto.subtle.digest('SHA-256', bytes));
    this.size = bytes.byteLength;
    const t2 = performance.now();
    this.module = await WebAssembly.compile(bytes);
    const t3 = performance.now();
    await this.#instantiate();
    const t4 = performance.now();
    this.timings = { fetchMs: t1 - t0, hashMs: t2 - t1, compileMs: t3 - t2, instantiateMs: t4 - t3, coldStartMs: t4 - t0 };
    const v = JSON.parse(this.#call('version', null));
    if (!v.ok) throw new Error(`core.wasm version failed: ${v.error?.message}`);
    this.version = v.ok;
    this.lastError = null;
  }

  async #instantiate() {
    const wasi = createWasi();
    const instance = await WebAssembly.instantiate(this.module, { wasi_snapshot_preview1: wasi.imports });
    wasi.bind(instance.exports.memory);
    instance.exports._initialize();
    this.instance = instance;
  }

  /** memoryBytes is the size of the live instance's linear memory. */
  get memoryBytes() {
    return this.instance ? this.instance.exports.memory.buffer.byteLength : 0;
  }

  /**
   * call runs one operation with a JSON string or its UTF-8 bytes (or null for none) and returns the response
   * envelope as the exact string the guest produced. It never throws for an engine failure:
   * that becomes an {"error":{"code":"engine",…}} envelope and the instance is replaced.
   */
  async call(op, input) {
    try {
      await this.load();
      if (!this.instance) await this.#instantiate();
    } catch (err) {
      return envelopeError('engine', `the engine could not start: ${err?.message ?? err}`);
    }
    if (typeof this.instance.exports[op] !== 'function' || ['alloc', 'free', '_initialize', 'memory'].includes(op)) {
      return envelopeError('unsupported', `core.wasm has no operation "${op}"`);
    }
    let out;
    try {
      out = this.#call(op, input);
    } catch (err) {
      this.instance = null;
      this.recycled++;
      this.lastError = String(err?.message ?? err);
      return envelopeError('engine', `core.wasm failed in ${op}: ${this.lastError}`);
    }
    if (this.memoryBytes > this.recycleBytes) {
      this.instance = null; // the next call instantiates afresh; the compiled module is kept
      this.recycled++;
    }
    return out;
  }

  #call(op, input) {
    const ex = this.instance.exports;
    this.calls++;
    let ptr = 0;
    let len = 0;
    if (input != null && input.length) {
      const data = typeof input === 'string' ? encoder.encode(input) : input;
      len = data.length;
      ptr = ex.alloc(len);
      new Uint8Array(ex.memory.buffer, ptr, len).set(data); // a fresh view: alloc may have grown memory
    }
    const packed = BigInt.asUintN(64, BigInt(ex[op](ptr, len)));
    const rptr = Number(packed >> 32n);
    const rlen = Number(packed & 0xffffffffn);
    const text = decoder.decode(new Uint8Array(ex.memory.buffer, rptr, rlen).slice());
    ex.free(rptr);
    if (ptr) ex.free(ptr);
    return text;
  }

  /**
   * warmUp runs one decision of a few hundred made-up recipients, so that the first real one does not pay
   * for V8's optimising compile of the hot functions. Its answer is thrown away.
   */
  async warmUp(n = 300) {
    const recipients = Array.from({ length: n }, (_, i) => ({
      key: `https://www.linkedin.com/in/warm-up-${i}/`,
      name: `Warm Up ${i}`,
      member: i % 3 !== 0,
      selected: true,
    }));
    const t0 = performance.now();
    const req = { network: 'linkedin', surface: 'contact_import', recipients, now: new Date().toISOString() };
    await this.call('decide', JSON.stringify(compactRequest(req)));
    this.timings = { ...this.timings, warmUpMs: performance.now() - t0 };
  }

  /** callJSON runs an operation with a value and returns the parsed envelope. */
  async callJSON(op, value) {
    const raw = await this.call(op, value === undefined ? null : JSON.stringify(value));
    try {
      return JSON.parse(raw);
    } catch {
      return { error: { code: 'engine', message: `core.wasm answered ${op} with invalid JSON` } };
    }
  }

  info() {
    return {
      ready: !!this.instance || !!this.module,
      engineId: this.engineId,
      size: this.size,
      version: this.version,
      timings: this.timings,
      memoryBytes: this.memoryBytes,
      calls: this.calls,
      recycled: this.recycled,
      lastError: this.lastError,
    };
  }
}
