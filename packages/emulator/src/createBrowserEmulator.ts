import { sha256HexJs } from './crypto/sha256.js';
import { createEmulatorCore, type CommonOptions, type EmulatorCore } from './emulatorCore.js';
import type { ExportFileStore } from './exportFiles/ExportFileStore.js';
import { memoryExportFiles } from './exportFiles/memoryExportFiles.js';
import { generateSeedEvents, type SeedEvent, type SeedOptions } from './generateSeedEvents.js';
import { ingestSeedEvents } from './seed.js';
import { openWasmDatabase } from './store/wasmDatabase.js';
import { tamper, type TamperAction } from './tamper.js';
import { signViewerToken, viewerSecret } from './viewerTokens.js';

export interface BrowserEmulatorOptions extends CommonOptions {
  /**
   * Events to write first, through ingest: how many to generate (`generateSeedEvents`, with
   * `seedOptions`), or seed events you generated and changed.
   */
  seed?: number | SeedEvent[];
  seedOptions?: SeedOptions;
  /** Where `sqlite3.wasm` is served, when not beside @sqlite.org/sqlite-wasm's module. */
  wasmUrl?: string;
  /** Where export files go. @default memory (memoryExportFiles) */
  exportFiles?: ExportFileStore;
}

export interface ViewerTokenOptions {
  /** Lifetime in seconds from now. @default 3600 */
  ttl?: number;
  /** `exp` in epoch seconds, instead of now + ttl (past or far future: tests and stories). */
  expiresAt?: number;
  /** `jti`. @default a random UUID */
  jti?: string;
}

export interface BrowserEmulator extends EmulatorCore {
  /** Writes seed events through ingest (as `seed` does); returns how many were new. */
  seed(events: number | SeedEvent[], options?: SeedOptions): number;
  /**
   * Changes stored rows behind the server's back, as someone with database access could (the
   * CLI's `tamper`): verify and the kit's hash checks then name it. Returns what changed.
   */
  tamper(action: TamperAction): string;
  /** A viewer token this emulator accepts, minted without a request. */
  viewerToken(
    claims: { tenant_id: string; actor_id?: string | null },
    options?: ViewerTokenOptions,
  ): string;
  close(): Promise<void>;
}

/**
 * The emulator in a browser: the same Hono app and SQL as in Node, on SQLite compiled to
 * WebAssembly in memory, export files in memory, no server — hand `fetch` to a service worker
 * (MSW) or call it. Needs `@sqlite.org/sqlite-wasm` installed beside this package.
 * @example
 * const emulator = await createBrowserEmulator({ seed: 600 });
 * const res = await emulator.fetch(new Request('https://api.test/api/v1/events', {
 *   headers: { Authorization: `Bearer ${emulator.viewerToken({ tenant_id: 'org_acme' })}` },
 * }));
 */
export async function createBrowserEmulator(
  options: BrowserEmulatorOptions = {},
): Promise<BrowserEmulator> {
  const db = await openWasmDatabase({ wasmUrl: options.wasmUrl });
  const now = options.now ?? Date.now;
  const core = createEmulatorCore(
    { db, files: options.exportFiles ?? memoryExportFiles(now), sha256Hex: sha256HexJs },
    options,
  );
  const emulator: BrowserEmulator = {
    ...core,
    seed: (events, seedOptions = options.seedOptions) =>
      ingestSeedEvents(
        core.events,
        typeof events === 'number' ? generateSeedEvents(events, seedOptions) : events,
      ),
    tamper: (action) => tamper(db, action),
    viewerToken: (claims, tokenOptions) =>
      mintViewerToken(core.apiKey, claims, { ...tokenOptions, nowMs: now() }),
    async close() {
      await core.exports.close();
      db.close();
    },
  };
  if (options.seed !== undefined) emulator.seed(options.seed);
  return emulator;
}

/**
 * A viewer token that every emulator with this API key accepts (the signing secret derives from
 * the key), minted locally and synchronously — for tests and stories that need one before any
 * emulator has started.
 */
export function mintViewerToken(
  apiKey: string,
  claims: { tenant_id: string; actor_id?: string | null },
  options: ViewerTokenOptions & { nowMs?: number } = {},
): string {
  const { ttl = 3600, expiresAt, jti, nowMs = Date.now() } = options;
  const scope = { tenant_id: claims.tenant_id, actor_id: claims.actor_id ?? null };
  return signViewerToken(viewerSecret(apiKey), scope, ttl, nowMs, { expiresAt, jti }).token;
}
