// Messages to the service worker: {op, ...payload} → {ok: value} or {error: {code, message}}.

const api = globalThis.browser ?? globalThis.chrome;

/** DECIDE_TIMEOUT_MS: after this the engine counts as unavailable and the fallback dialog is shown. */
export const DECIDE_TIMEOUT_MS = 8000;

/** send asks the service worker and always resolves with an envelope, never rejects. */
export function send(op, payload = {}, timeoutMs = DECIDE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ error: { code: 'engine', message: `no answer within ${timeoutMs / 1000} s` } }), timeoutMs);
    const finish = (res) => {
      clearTimeout(timer);
      resolve(res && (res.ok !== undefined || res.error) ? res : { error: { code: 'engine', message: 'the service worker gave no answer' } });
    };
    const fail = (err) => finish({ error: { code: 'engine', message: String(err?.message ?? err) } });
    try {
      if (globalThis.browser?.runtime) globalThis.browser.runtime.sendMessage({ op, ...payload }).then(finish, fail);
      else
        api.runtime.sendMessage({ op, ...payload }, (res) => {
          const err = api.runtime.lastError;
          if (err) fail(err);
          else finish(res);
        });
    } catch (err) {
      fail(err); // e.g. "Extension context invalidated" after an update
    }
  });
}
