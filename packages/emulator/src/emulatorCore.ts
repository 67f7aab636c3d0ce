/**
 * The emulator without its surroundings: the API over a Database and an ExportFileStore. The
 * Node entry (createEmulator.ts) gives it better-sqlite3, a folder and native SHA-256 and adds
 * a socket; the browser entry (createBrowserEmulator.ts) gives it SQLite in WebAssembly, memory
 * and the JavaScript SHA-256. Nothing here imports Node.
 */
import type { AlertOptions } from './AlertRules.js';
import { randomBytes, toBase64Url } from './crypto/encoding.js';
import type { Sha256Hex } from './crypto/sha256.js';
import { EventStore } from './EventStore.js';
import { ExportJobs } from './ExportJobs.js';
import type { ExportFileStore } from './exportFiles/ExportFileStore.js';
import { createApp } from './http/createApp.js';
import type { Database } from './store/Database.js';
import { getMeta, setMeta } from './store/schema.js';
import { viewerSecret } from './viewerTokens.js';

/** The options every emulator takes, wherever it runs. */
export interface CommonOptions {
  /** The `imk_…` key. @default a key generated once and kept in the database */
  apiKey?: string;
  /** Only these origins get CORS headers. @default every origin */
  allowOrigins?: string[];
  /** Alert thresholds and globs. */
  alerts?: AlertOptions;
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

/** What the surroundings provide. */
export interface CoreParts {
  db: Database;
  files: ExportFileStore;
  sha256Hex: Sha256Hex;
  /** The address a socket listens on, once it does (Node). */
  listeningUrl?: () => string | null;
}

export interface EmulatorCore {
  /** The fetch handler: `fetch(new Request(...))`, or hand it to any server. */
  fetch: (request: Request) => Response | Promise<Response>;
  readonly apiKey: string;
  readonly events: EventStore;
  readonly exports: ExportJobs;
}

const API_KEY = /^imk_[A-Za-z0-9_-]{32,}$/;

/** A new random API key: `imk_` and 32 base64url characters. */
export function generateApiKey(): string {
  return `imk_${toBase64Url(randomBytes(24))}`;
}

/** Refuses options that cannot work, before anything is opened. */
export function checkOptions(options: CommonOptions): void {
  if (options.apiKey !== undefined && !API_KEY.test(options.apiKey)) {
    throw new Error(
      'apiKey must be "imk_" followed by at least 32 characters from A-Z a-z 0-9 _ -',
    );
  }
  if (options.publicUrl !== undefined) checkPublicUrl(options.publicUrl);
  positive(options.exportRetentionMs, 'exportRetentionMs');
  positive(options.maxUnfinishedExports, 'maxUnfinishedExports');
  positive(options.maxKeptExports, 'maxKeptExports');
}

export function createEmulatorCore(parts: CoreParts, options: CommonOptions): EmulatorCore {
  checkOptions(options);
  const { db, files, sha256Hex } = parts;
  const publicUrl = options.publicUrl === undefined ? null : checkPublicUrl(options.publicUrl);
  let apiKey = options.apiKey ?? getMeta(db, 'api_key');
  if (!apiKey) {
    apiKey = generateApiKey();
    setMeta(db, 'api_key', apiKey);
  }
  const now = options.now ?? Date.now;
  const secret = viewerSecret(apiKey);
  const events = new EventStore(db, { now, alerts: options.alerts, sha256Hex });
  const exports = new ExportJobs(db, {
    files,
    secret,
    now,
    retentionMs: options.exportRetentionMs,
    maxUnfinishedPerScope: options.maxUnfinishedExports,
    maxKeptPerScope: options.maxKeptExports,
  });
  const app = createApp({
    db,
    events,
    exports,
    apiKey,
    secret,
    now,
    sha256Hex,
    allowOrigins: options.allowOrigins,
    linkBase: () => publicUrl ?? parts.listeningUrl?.() ?? null,
  });
  return { fetch: app.fetch, apiKey, events, exports };
}

/** The public URL without a trailing slash, or a clear error for one that cannot be a base. */
function checkPublicUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`publicUrl must be an absolute http(s) URL (got "${value}")`);
  }
  return value.replace(/\/+$/, '');
}

function positive(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    throw new Error(`${name} must be a positive integer (got ${value})`);
  }
}
