/**
 * Starts the verifying worker, or gives null where module workers cannot start (Node, server
 * rendering, jsdom). The `new Worker(new URL('./….js', import.meta.url))` form, written out in
 * full, is what bundlers (Vite, webpack 5, Parcel) recognise to bundle the worker with its
 * imports; the package ships the built worker beside this module for them to find.
 */
export function createVerifyWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./verifyExport.worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
