import { utf8 } from '../crypto/encoding.js';
import type { ExportFileStore } from './ExportFileStore.js';

/**
 * Export files in memory: the browser emulator's (a page has no folder to write to). They go
 * with the page, and meanwhile follow the same retention and per-scope limits as files on disk.
 */
export function memoryExportFiles(now: () => number = Date.now): ExportFileStore {
  const files = new Map<
    string,
    { chunks: string[]; bytes: Uint8Array | null; modifiedMs: number }
  >();
  const contents = (location: string) => {
    const file = files.get(location);
    if (!file) return null;
    file.bytes ??= utf8(file.chunks.join(''));
    return file.bytes;
  };
  return {
    locate: (name) => `memory:${name}`,
    create(location) {
      const file = { chunks: [] as string[], bytes: null as Uint8Array | null, modifiedMs: now() };
      files.set(location, file);
      return {
        write(text) {
          file.chunks.push(text);
          file.bytes = null;
          file.modifiedMs = now();
        },
        flush() {},
        close() {},
      };
    },
    read(location) {
      const bytes = contents(location);
      return bytes && { size: bytes.length, body: bytes.slice() };
    },
    remove: (location) => void files.delete(location),
    list: () =>
      [...files].map(([location, file]) => ({
        name: location.slice('memory:'.length),
        location,
        modifiedMs: file.modifiedMs,
      })),
  };
}
