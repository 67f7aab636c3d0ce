/**
 * @getimmutable/emulator/browser — what of the emulator runs in a browser, without Node: the
 * whole emulator on SQLite in WebAssembly (`createBrowserEmulator`, which needs
 * `@sqlite.org/sqlite-wasm` installed), and the pure parts — the deterministic seed generator
 * and the filter rules (names, `*` globs, instants).
 */
export { FILTER_NAMES, type FilterName } from '@getimmutable/contract';
export {
  createBrowserEmulator,
  mintViewerToken,
  type BrowserEmulator,
  type BrowserEmulatorOptions,
  type ViewerTokenOptions,
} from './createBrowserEmulator.js';
export type { ExportFileStore, ExportFileWriter } from './exportFiles/ExportFileStore.js';
export { memoryExportFiles } from './exportFiles/memoryExportFiles.js';
export { globToRegExp } from './glob.js';
export { parseInstant } from './timeBounds.js';
export { generateSeedEvents, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';
export type { TamperAction } from './tamper.js';
