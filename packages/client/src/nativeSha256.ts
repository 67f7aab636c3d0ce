type HashFn = (algorithm: string, data: string, encoding: 'hex') => string;
let native: ((text: string) => string) | null | undefined;

/**
 * Node's synchronous one-shot `crypto.hash` (Node ≥ 20.12), reached through
 * `process.getBuiltinModule` so bundles for the browser never import `node:crypto`; null in a
 * browser, where the pure-TS `sha256Hex` runs instead. Looked up on first use, not at import.
 */
export function nativeSha256(): ((text: string) => string) | null {
  if (native === undefined) {
    native = null;
    try {
      const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
        .process;
      const hash = (proc?.getBuiltinModule?.('node:crypto') as { hash?: HashFn } | undefined)?.hash;
      if (typeof hash === 'function') native = (text) => hash('sha256', text, 'hex');
    } catch {
      // not Node: keep the pure-TS hash
    }
  }
  return native;
}
