import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { answerNodeRefusals } from './answerNodeRefusals.js';
import { sha256HexNode } from './crypto/nodeSha256.js';
import { checkOptions, createEmulatorCore, type CommonOptions } from './emulatorCore.js';
import type { EventStore } from './EventStore.js';
import type { ExportJobs } from './ExportJobs.js';
import { nodeExportFiles } from './exportFiles/nodeExportFiles.js';
import { openDatabase, type Db } from './store/openDatabase.js';

export { generateApiKey } from './emulatorCore.js';

export interface EmulatorOptions extends CommonOptions {
  /** A SQLite file path (created if missing) or `:memory:`. @default '.data/immutable.db' */
  db?: string;
  /** Where export files go. @default beside the database (`<db>.exports/`), or a temp dir */
  exportsDir?: string;
}

export interface Emulator {
  /** The fetch handler: `emulator.fetch(new Request(...))`, or hand it to any server. */
  fetch: (request: Request) => Response | Promise<Response>;
  readonly apiKey: string;
  /** The better-sqlite3 database (the emulator's SQL runs on it through store/Database.ts). */
  readonly db: Db;
  readonly events: EventStore;
  readonly exports: ExportJobs;
  /** Starts an HTTP server; port 0 picks a free one. Resolves to its base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

/**
 * A real, local Immutable API on SQLite, in Node: better-sqlite3 on a file, export files in a
 * folder, and an HTTP server on demand. (In a browser: `@getimmutable/emulator/browser`.)
 * @example
 * const emulator = createEmulator({ db: ':memory:', apiKey: 'imk_' + 'x'.repeat(32) });
 * const { url } = await emulator.listen(0);
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const file = options.db ?? '.data/immutable.db';
  checkOptions(options);
  const db = openDatabase(file);
  let listeningUrl: string | null = null;
  let tempDir: string | null = null;
  const exportsDir =
    options.exportsDir ??
    (file === ':memory:'
      ? (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-exports-')))
      : `${path.resolve(file)}.exports`);
  const core = createEmulatorCore(
    {
      db,
      files: nodeExportFiles(exportsDir),
      sha256Hex: sha256HexNode,
      listeningUrl: () => listeningUrl,
    },
    options,
  );
  let server: ReturnType<typeof createAdaptorServer> | null = null;

  return {
    fetch: core.fetch,
    apiKey: core.apiKey,
    db,
    events: core.events,
    exports: core.exports,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = createAdaptorServer({ fetch: core.fetch });
        answerNodeRefusals(s, options.allowOrigins);
        server = s;
        s.once('error', reject);
        s.listen(port, host, () => {
          const address = s.address() as AddressInfo;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          listeningUrl = `http://${reachableHost(address.address)}:${address.port}`;
          resolve({ url: `http://${shownHost}:${address.port}`, port: address.port });
        });
      });
    },
    async close() {
      const s = server;
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          (s as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      }
      await core.exports.close();
      db.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** A host a browser can reach for a listening address: loopback stands in for "every interface". */
function reachableHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
