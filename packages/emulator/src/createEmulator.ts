import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { AlertOptions } from './AlertRules.js';
import { createApp } from './createApp.js';
import { EventStore } from './EventStore.js';
import { ExportJobs } from './ExportJobs.js';
import { answerNodeRefusals } from './answerNodeRefusals.js';
import { getMeta, openDatabase, setMeta, type Db } from './openDatabase.js';
import { viewerSecret } from './viewerTokens.js';

export interface EmulatorOptions {
  /** A SQLite file path (created if missing) or `:memory:`. @default '.data/immutable.db' */
  db?: string;
  /** The `imk_…` key. @default a key generated once and kept in the database */
  apiKey?: string;
  /** Only these origins get CORS headers. @default every origin */
  allowOrigins?: string[];
  /** Alert thresholds and globs. */
  alerts?: AlertOptions;
  /** Where export files go. @default beside the database (`<db>.exports/`), or a temp dir */
  exportsDir?: string;
  /** How long a completed export's file is kept (and its link renewed), in ms. @default 24 h */
  exportRetentionMs?: number;
  /** Unfinished exports one API key or viewer scope may have; more get 429. @default 3 */
  maxUnfinishedExports?: number;
  /** Completed exports one scope keeps; a new one expires the oldest beyond this. @default 20 */
  maxKeptExports?: number;
  /**
   * Base of signed download URLs, an absolute http(s) URL. Set it behind a proxy or a mapped
   * port, and when you serve `fetch` yourself: without it and without `listen()`, links use the
   * request's origin, which the client writes.
   * @default the address `listen()` bound (loopback when it is 0.0.0.0 or ::)
   */
  publicUrl?: string;
  /** The clock, in epoch milliseconds (tests move time with it). @default Date.now */
  now?: () => number;
}

export interface Emulator {
  /** The fetch handler: `emulator.fetch(new Request(...))`, or hand it to any server. */
  fetch: (request: Request) => Response | Promise<Response>;
  readonly apiKey: string;
  readonly db: Db;
  readonly events: EventStore;
  readonly exports: ExportJobs;
  /** Starts an HTTP server; port 0 picks a free one. Resolves to its base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

const API_KEY = /^imk_[A-Za-z0-9_-]{32,}$/;

export function generateApiKey(): string {
  return `imk_${crypto.randomBytes(24).toString('base64url')}`;
}

/**
 * A real, local Immutable API on SQLite.
 * @example
 * const emulator = createEmulator({ db: ':memory:', apiKey: 'imk_' + 'x'.repeat(32) });
 * const { url } = await emulator.listen(0);
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const file = options.db ?? '.data/immutable.db';
  if (options.apiKey !== undefined && !API_KEY.test(options.apiKey)) {
    throw new Error(
      'apiKey must be "imk_" followed by at least 32 characters from A-Z a-z 0-9 _ -',
    );
  }
  const publicUrl = options.publicUrl === undefined ? null : checkPublicUrl(options.publicUrl);
  const retentionMs = positive(options.exportRetentionMs, 'exportRetentionMs');
  const maxUnfinishedPerScope = positive(options.maxUnfinishedExports, 'maxUnfinishedExports');
  const maxKeptPerScope = positive(options.maxKeptExports, 'maxKeptExports');
  const db = openDatabase(file);
  let apiKey = options.apiKey ?? getMeta(db, 'api_key');
  if (!apiKey) {
    apiKey = generateApiKey();
    setMeta(db, 'api_key', apiKey);
  }
  const now = options.now ?? Date.now;
  let listeningUrl: string | null = null;
  let tempDir: string | null = null;
  const exportsDir =
    options.exportsDir ??
    (file === ':memory:'
      ? (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-exports-')))
      : `${path.resolve(file)}.exports`);
  const secret = viewerSecret(apiKey);
  const events = new EventStore(db, { now, alerts: options.alerts });
  const exports = new ExportJobs(db, {
    dir: exportsDir,
    secret,
    now,
    retentionMs,
    maxUnfinishedPerScope,
    maxKeptPerScope,
  });
  const app = createApp({
    db,
    events,
    exports,
    apiKey,
    secret,
    now,
    allowOrigins: options.allowOrigins,
    linkBase: () => publicUrl ?? listeningUrl,
  });
  let server: ReturnType<typeof createAdaptorServer> | null = null;

  return {
    fetch: app.fetch,
    apiKey,
    db,
    events,
    exports,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = createAdaptorServer({ fetch: app.fetch });
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
      await exports.close();
      db.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** The public URL without a trailing slash, or a clear error for one that cannot be a base. */
function checkPublicUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`publicUrl must be an absolute http(s) URL (got "${value}")`);
  }
  return value.replace(/\/+$/, '');
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    throw new Error(`${name} must be a positive integer (got ${value})`);
  }
  return value;
}

/** A host a browser can reach for a listening address: loopback stands in for "every interface". */
function reachableHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
