/**
 * Starts what the demo needs besides the browser app: the Immutable emulator (on a SQLite file,
 * seeded) and the demo backend. Used by `scripts/dev.ts` and the end-to-end tests.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { ImmutableClient } from '@getimmutable/client/server';
import { createEmulator, seedEmulator } from '@getimmutable/emulator';
import { createDemoBackend } from './createDemoBackend.js';

export interface DemoStackOptions {
  /** The emulator's SQLite file. */
  db: string;
  /** Events to seed (a second run on the same file adds none). @default 2000 */
  seed?: number;
  /** The emulator's port; 0 picks a free one; a busy port falls back to a free one. @default 8787 */
  emulatorPort?: number;
  /** The demo backend's port; 0 picks a free one. @default 0 */
  backendPort?: number;
  /** Viewer token lifetime in seconds. @default 900 */
  tokenTtl?: number;
  host?: string;
}

export interface DemoStack {
  emulatorUrl: string;
  backendUrl: string;
  db: string;
  seeded: number;
  /** A recent event id of `tenant` (e.g. for the tamper command), read with the API key. */
  sampleEventId(tenant: string): Promise<string | null>;
  close(): Promise<void>;
}

/** Listens on `port`, or on a free port when that one is taken. */
async function listenWithFallback(
  listen: (port: number) => Promise<{ url: string }>,
  port: number,
): Promise<{ url: string }> {
  try {
    return await listen(port);
  } catch (error) {
    if (port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return listen(0);
    throw error;
  }
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const host = options.host ?? '127.0.0.1';
  const db = path.resolve(options.db);
  fs.mkdirSync(path.dirname(db), { recursive: true });

  const emulator = createEmulator({ db });
  const seeded = options.seed === 0 ? 0 : seedEmulator(emulator, options.seed ?? 2000);
  const { url: emulatorUrl } = await listenWithFallback(
    (port) => emulator.listen(port, host),
    options.emulatorPort ?? 8787,
  );

  const backend = createDemoBackend({
    immutableUrl: emulatorUrl,
    apiKey: emulator.apiKey,
    ...(options.tokenTtl ? { tokenTtl: options.tokenTtl } : {}),
  });
  const server = createAdaptorServer({ fetch: backend.fetch });
  const backendUrl = await new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.backendPort ?? 0, host, () => {
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
    });
  });

  return {
    emulatorUrl,
    backendUrl,
    db,
    seeded,
    async sampleEventId(tenant) {
      const client = new ImmutableClient({ apiKey: emulator.apiKey, baseUrl: emulatorUrl });
      const page = await client.getEvents({ tenant_id: tenant, limit: 5 });
      return page.data.at(-1)?.id ?? null;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await emulator.close();
    },
  };
}
