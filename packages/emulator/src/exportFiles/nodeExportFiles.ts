import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ExportFileStore } from './ExportFileStore.js';

/** Export files in a folder (created on first write): the Node emulator's. */
export function nodeExportFiles(dir: string): ExportFileStore {
  return {
    locate: (name) => path.join(dir, name),
    create(location) {
      fs.mkdirSync(path.dirname(location), { recursive: true });
      const fd = fs.openSync(location, 'w');
      return {
        write: (text) => void fs.writeSync(fd, text),
        flush: () => fs.fsyncSync(fd),
        close: () => fs.closeSync(fd),
      };
    },
    read(location) {
      const size = fs.statSync(location, { throwIfNoEntry: false })?.size;
      if (size === undefined) return null;
      return { size, body: Readable.toWeb(fs.createReadStream(location)) as ReadableStream };
    },
    remove(location) {
      try {
        fs.unlinkSync(location);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      }
    },
    list() {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        return []; // not created yet, or not a directory: it holds nothing of ours
      }
      return names.flatMap((name) => {
        const location = path.join(dir, name);
        const stat = fs.statSync(location, { throwIfNoEntry: false });
        return stat ? [{ name, location, modifiedMs: stat.mtimeMs }] : [];
      });
    },
  };
}
