// A WASI (wasi_snapshot_preview1) shim with exactly the 16 imports core.wasm needs.
// The core does no I/O: it reads the clock and random bytes at start-up, asks about stdio and preopens,
// and may print a panic to stderr. Everything else answers "bad file descriptor" or does nothing.

const ESUCCESS = 0;
const EBADF = 8;
const EINVAL = 28;

const CLOCK_REALTIME = 0;

/** WasiExit is thrown by proc_exit: the guest asked to end, so the instance is finished. */
export class WasiExit extends Error {
  constructor(code) {
    super(`core.wasm called proc_exit(${code})`);
    this.code = code;
  }
}

/**
 * createWasi returns { imports, bind(memory) }. Output to fd 1 and 2 goes to the log function
 * line by line (console by default); the engine never writes there unless the Go runtime panics.
 */
export function createWasi({ log = (fd, line) => (fd === 2 ? console.error : console.log)('[core.wasm]', line) } = {}) {
  let memory = null;
  const pending = { 1: '', 2: '' };
  const decoder = new TextDecoder();
  const view = () => new DataView(memory.buffer);
  const bytes = () => new Uint8Array(memory.buffer);

  const nowNs = (id) => {
    if (id === CLOCK_REALTIME) return BigInt(Date.now()) * 1_000_000n;
    // Monotonic (and the CPU-time clocks): performance.now() in ns, from the time origin.
    return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
  };
  const zeroSizes = (a, b) => {
    const v = view();
    v.setUint32(a, 0, true);
    v.setUint32(b, 0, true);
    return ESUCCESS;
  };

  const imports = {
    args_get: () => ESUCCESS,
    args_sizes_get: zeroSizes,
    environ_get: () => ESUCCESS,
    environ_sizes_get: zeroSizes,
    clock_time_get(id, _precision, out) {
      view().setBigUint64(out, nowNs(id), true);
      return ESUCCESS;
    },
    random_get(buf, len) {
      // getRandomValues fills at most 65,536 bytes per call.
      for (let off = 0; off < len; off += 65536) {
        crypto.getRandomValues(new Uint8Array(memory.buffer, buf + off, Math.min(65536, len - off)));
      }
      return ESUCCESS;
    },
    poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
      // Only reached if the runtime wants to sleep, which a reactor between calls never needs.
      // Answer every subscription as already due (no blocking is possible here).
      if (nsubs === 0) return EINVAL;
      const v = view();
      for (let i = 0; i < nsubs; i++) {
        const sub = inPtr + i * 48;
        const ev = outPtr + i * 32;
        v.setBigUint64(ev, v.getBigUint64(sub, true), true); // userdata
        v.setUint16(ev + 8, ESUCCESS, true); // error
        v.setUint8(ev + 10, v.getUint8(sub + 8)); // type
        for (let b = 11; b < 32; b++) v.setUint8(ev + b, 0);
      }
      v.setUint32(neventsPtr, nsubs, true);
      return ESUCCESS;
    },
    sched_yield: () => ESUCCESS,
    proc_exit(code) {
      throw new WasiExit(code);
    },
    fd_write(fd, iovs, iovsLen, nwrittenPtr) {
      if (fd !== 1 && fd !== 2) return EBADF;
      const v = view();
      let n = 0;
      let text = '';
      for (let i = 0; i < iovsLen; i++) {
        const ptr = v.getUint32(iovs + i * 8, true);
        const len = v.getUint32(iovs + i * 8 + 4, true);
        text += decoder.decode(bytes().subarray(ptr, ptr + len));
        n += len;
      }
      const lines = (pending[fd] + text).split('\n');
      pending[fd] = lines.pop();
      for (const line of lines) log(fd, line);
      v.setUint32(nwrittenPtr, n, true);
      return ESUCCESS;
    },
    fd_read(fd, _iovs, _iovsLen, nreadPtr) {
      if (fd !== 0) return EBADF;
      view().setUint32(nreadPtr, 0, true); // stdin is empty
      return ESUCCESS;
    },
    fd_close: () => EBADF,
    fd_fdstat_get(fd, out) {
      if (fd > 2) return EBADF;
      const v = view();
      v.setUint8(out, 2); // filetype: character device
      v.setUint8(out + 1, 0);
      v.setUint16(out + 2, 0, true); // fdflags
      v.setUint32(out + 4, 0, true);
      v.setBigUint64(out + 8, 0xffffffffffffffffn, true); // rights base
      v.setBigUint64(out + 16, 0xffffffffffffffffn, true); // rights inheriting
      return ESUCCESS;
    },
    fd_fdstat_set_flags: (fd) => (fd > 2 ? EBADF : ESUCCESS),
    fd_prestat_get: () => EBADF, // no preopened directories
    fd_prestat_dir_name: () => EBADF,
  };

  return {
    imports,
    bind(mem) {
      memory = mem;
    },
  };
}
