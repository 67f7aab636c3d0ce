/**
 * Story servers: the real emulator, running in the page (`@getimmutable/emulator/browser`: the
 * same Hono app and SQL as the emulator in Node, on SQLite compiled to WebAssembly), seeded with
 * the emulator's generator through its own ingest — so every id, hash, chain link, alert,
 * filter, search, verify walk and export file a story shows is the emulator's. Each named
 * server is made once per page, on first use; its states (a tampered event, an empty tenant,
 * long metadata…) are real data, changed through the API or the emulator's own `tamper`.
 */
import { CHECKPOINT_KIND, type AuditEvent, type Checkpoint } from '@getimmutable/client';
import { MAX_TARGETS, PAGE_LIMIT } from '@getimmutable/contract';
import {
  createBrowserEmulator,
  generateSeedEvents,
  memoryExportFiles,
  mintViewerToken,
  type BrowserEmulator,
  type ExportFileStore,
  type SeedEvent,
} from '@getimmutable/emulator/browser';
import { hostileTextEvents, longMetadata } from './storyData.js';

/** The origin every story's viewer client talks to; MSW hands its requests to the emulator. */
export const API_BASE = 'https://api.example.test';
/** The tenant the stories' viewer token is scoped to. */
const STORY_TENANT = 'org_acme';
/**
 * Every story server's API key: a token minted for it is good on all of them. Made per page load,
 * so no key-shaped literal ships in the built Storybook (it would look like a leaked secret).
 */
export const STORY_API_KEY = `imk_${crypto.randomUUID().replaceAll('-', '')}`;

/** The newest seed event's time: now, rounded down to the minute (relative times read naturally). */
const END_MS = Math.floor(Date.now() / 60_000) * 60_000;

export interface StoryServer {
  emulator: BrowserEmulator;
  /** The story tenant's events, newest first, as GET /events returns them. */
  events: AuditEvent[];
  /** The event whose stored content was changed behind the API (`broken`, `rewritten`), else null. */
  tamperedEventId: string | null;
  /** The checkpoint a viewer kept before the history was rewritten (`rewritten`), else null. */
  checkpointBefore: Checkpoint | null;
}

/** The checkpoint of a verify that ended an hour ago at `newest`, the story tenant's head then. */
function checkpointAt(newest: AuditEvent): Checkpoint {
  const { sequence, event_hash } = newest.integrity;
  return {
    kind: CHECKPOINT_KIND,
    version: 1,
    scope: { base_url: API_BASE, tenant_id: STORY_TENANT, actor_id: null },
    head: { sequence, event_hash },
    event: { id: newest.id, sequence, event_hash },
    verified_at: new Date(END_MS - 3_600_000).toISOString(),
  };
}

/** Checkpoints kept before a server's history changed, by server. */
const checkpointsBefore = new Map<string, Checkpoint>();

/** The seed events (600 over three tenants), the story tenant's newest first changed by `change`. */
function seedEvents(change?: (own: SeedEvent[]) => void): SeedEvent[] {
  const seeded = generateSeedEvents(600, { seed: 42, endMs: END_MS });
  change?.(seeded.filter((s) => s.payload.tenant_id === STORY_TENANT).reverse());
  return seeded;
}

/** Export files that cannot be written: the export job fails on the server with this reason. */
function fullDisk(): ExportFileStore {
  const files = memoryExportFiles();
  return {
    ...files,
    create() {
      throw new Error('The export worker ran out of disk space.');
    },
  };
}

const emulator = (seed?: SeedEvent[], exportFiles?: ExportFileStore) =>
  createBrowserEmulator({ apiKey: STORY_API_KEY, seed, exportFiles });

/** How each server is made. */
const SERVERS = {
  /** The default: 600 seeded events over three tenants. */
  seed: () => emulator(seedEvents()),
  /** The same, with the story tenant's 4th newest event edited behind the API (`tamper`). */
  broken: async () => {
    const server = await emulator(seedEvents());
    const victim = (await tenantEventsOf(server))[3]!;
    server.tamper({ kind: 'edit', id: victim.id });
    return server;
  },
  /**
   * The same, after a viewer's checkpoint: the 4th newest event edited and every hash from it
   * on recomputed (`tamper` rewrite), so the server's verify still says valid.
   */
  rewritten: async () => {
    const server = await emulator(seedEvents());
    const own = await tenantEventsOf(server);
    checkpointsBefore.set('rewritten', checkpointAt(own[0]!));
    server.tamper({ kind: 'rewrite', id: own[3]!.id });
    return server;
  },
  /** The default's events, for a story that writes more (live tail) without changing `seed`. */
  live: () => emulator(seedEvents()),
  /** No events at all. */
  empty: () => emulator(),
  /** The story tenant's newest event carries `longMetadata()`. */
  longMetadata: () =>
    emulator(seedEvents(([newest]) => void (newest!.payload.metadata = longMetadata()))),
  /** The story tenant's newest event has the most targets the API takes. */
  manyTargets: () =>
    emulator(
      seedEvents(([newest]) => {
        newest!.payload.targets = Array.from({ length: MAX_TARGETS }, (_, i) => ({
          type: i % 3 === 0 ? 'folder' : 'document',
          id: `doc_${String(i + 1).padStart(4, '0')}`,
          name: `Shared file ${i + 1}`,
          metadata: i === 0 ? { permission: 'edit' } : null,
        }));
      }),
    ),
  /** The story tenant's three newest events written by `hostileTextEvents()`. */
  hostileText: () =>
    emulator(
      seedEvents((own) =>
        hostileTextEvents().forEach((fields, i) => Object.assign(own[i]!.payload, fields)),
      ),
    ),
  /** Seeded, but its export files cannot be written: every export fails. */
  failingExports: () => emulator(seedEvents(), fullDisk()),
} satisfies Record<string, () => Promise<BrowserEmulator>>;

export type ServerName = keyof typeof SERVERS;

const loading = new Map<ServerName, Promise<StoryServer>>();
const loaded = new Map<ServerName, StoryServer>();

/** The named server, made on first use (the WASM module loads once per page). */
export function loadServer(name: ServerName): Promise<StoryServer> {
  let server = loading.get(name);
  if (!server) {
    server = (async () => {
      const made = await SERVERS[name]();
      const events = await tenantEventsOf(made);
      const tamperedEventId = name === 'broken' || name === 'rewritten' ? events[3]!.id : null;
      const checkpointBefore = checkpointsBefore.get(name) ?? null;
      const ready = { emulator: made, events, tamperedEventId, checkpointBefore };
      loaded.set(name, ready);
      return ready;
    })();
    loading.set(name, server);
  }
  return server;
}

/** A server already loaded (by `withServer` in the story's `beforeEach`), for render and play. */
export function server(name: ServerName): StoryServer {
  const ready = loaded.get(name);
  if (!ready)
    throw new Error(`Story server "${name}" is not loaded: add beforeEach: withServer('${name}')`);
  return ready;
}

/** Every event of the story tenant, newest first, read through the API with the API key. */
async function tenantEventsOf(api: BrowserEmulator): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor = '';
  for (;;) {
    const res = await api.fetch(
      new Request(
        `${API_BASE}/api/v1/events?tenant_id=${STORY_TENANT}&limit=${PAGE_LIMIT.max}${cursor}`,
        {
          headers: { Authorization: `Bearer ${STORY_API_KEY}` },
        },
      ),
    );
    const page = (await res.json()) as {
      data: AuditEvent[];
      pagination: { has_more: boolean; next_cursor: string | null };
    };
    events.push(...page.data);
    if (!page.pagination.has_more) return events;
    cursor = `&cursor=${page.pagination.next_cursor}`;
  }
}

/** The story tenant's events of a server, newest first. */
export const tenantEvents = (name: ServerName): AuditEvent[] => server(name).events;

/** An event of the story tenant and its predecessor in the chain (for the drawer's link check). */
export function pair(name: ServerName, pick: (events: AuditEvent[]) => AuditEvent | undefined) {
  const events = tenantEvents(name);
  const event = pick(events) ?? events[0]!;
  const previous =
    events.find((e) => e.integrity.sequence === event.integrity.sequence - 1) ?? null;
  return { event, previousEvent: previous };
}

/**
 * A viewer token (JWT) every story server accepts, signed with its API key's secret. `exp` is
 * far away (2100) unless given, so no story's client refreshes it on its own.
 */
export function viewerToken(
  claims: { tenant_id?: string; actor_id?: string; exp?: number; jti?: string } = {},
): string {
  return mintViewerToken(
    STORY_API_KEY,
    { tenant_id: claims.tenant_id ?? STORY_TENANT, actor_id: claims.actor_id ?? null },
    { expiresAt: claims.exp ?? 4_102_444_800, jti: claims.jti ?? 'story-token' },
  );
}

/** The `jti` of a token the story server treats as expired, though its `exp` says otherwise. */
export const STALE_JTI = 'stale-story-token';

/**
 * The `jti`s the story server treats as expired: STALE_JTI always, and any a story adds — a token
 * that expires mid-session, at a point the story chooses (after scrolling, say).
 */
export const expiredJtis = new Set<string>([STALE_JTI]);

/** Writes events of the story tenant through the server's API, as a host's backend would. */
export async function ingest(name: ServerName, count: number): Promise<AuditEvent[]> {
  const res = await server(name).emulator.fetch(
    new Request(`${API_BASE}/api/v1/events/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${STORY_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        events: Array.from({ length: count }, (_, i) => ({
          tenant_id: STORY_TENANT,
          actor_id: 'user_2hG9kLm',
          actor_name: 'Sarah Chen',
          action: 'document.viewed',
          resource: 'document',
          resource_id: `doc_live_${i}`,
        })),
      }),
    }),
  );
  return ((await res.json()) as { data: AuditEvent[] }).data;
}
