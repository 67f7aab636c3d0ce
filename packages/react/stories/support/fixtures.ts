/**
 * Story data: the emulator's seed generator turned into events with real integrity fields
 * (ids, created_at, per-tenant sequence and hash chain), the alerts the emulator would raise for
 * them, and viewer tokens. Everything here is pure and runs in the browser.
 */
import {
  computeEventHash,
  sha256Hex,
  type Alert,
  type AuditEvent,
  type Target,
} from '@getimmutable/client';
// The browser-safe subpath: the package's main entry pulls in better-sqlite3.
import { generateSeedEvents, globToRegExp } from '@getimmutable/emulator/browser';

/** The origin every story's viewer client talks to; MSW answers for it. */
export const API_BASE = 'https://api.example.test';
/** The tenant the stories' viewer token is scoped to. */
export const STORY_TENANT = 'org_acme';

export interface Dataset {
  /** Every tenant's events, in write order (ascending `created_at`). */
  events: AuditEvent[];
  /** Alerts raised at ingest, in write order. */
  alerts: Alert[];
  /** The id of the event whose stored content was changed after hashing, if any. */
  tamperedEventId: string | null;
}

export interface DatasetOptions {
  /** Seed events to generate (over all three tenants). @default 600 */
  count?: number;
  /** PRNG seed. @default 42 */
  seed?: number;
  /** Change one stored event of the story tenant after hashing (a hash_mismatch). @default false */
  tamper?: boolean;
  /** Give the story tenant's newest event huge, deeply nested metadata (hashed as stored). @default false */
  longMetadata?: boolean;
  /** Give the story tenant's newest event this many targets. @default none */
  manyTargets?: number;
  /** Replace the story tenant's three newest events with `hostileTextEvents()`. @default false */
  hostileText?: boolean;
}

/** A UUID-shaped id derived from a stable key, so ids survive reloads. */
function stableUuid(key: string): string {
  const h = sha256Hex(key);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An ingest payload as the server stores and returns it (docs/api.md "Shapes are exact"). */
function toEvent(
  payload: Record<string, unknown>,
  id: string,
  createdAt: string,
): Omit<AuditEvent, 'integrity'> {
  const context = payload.context as Record<string, unknown> | null | undefined;
  const targets = (payload.targets as Array<Record<string, unknown>> | undefined) ?? [];
  return {
    id,
    tenant_id: str(payload.tenant_id),
    actor_id: String(payload.actor_id),
    actor_name: str(payload.actor_name),
    actor_type: str(payload.actor_type),
    action: String(payload.action),
    action_category: str(payload.action_category),
    resource: str(payload.resource),
    resource_id: str(payload.resource_id),
    resource_name: str(payload.resource_name),
    targets: targets.map((t): Target => ({
      type: String(t.type),
      id: str(t.id),
      name: str(t.name),
      metadata: (t.metadata as Record<string, unknown> | undefined) ?? null,
    })),
    metadata: (payload.metadata as Record<string, unknown> | undefined) ?? {},
    session_id: str(payload.session_id),
    version: typeof payload.version === 'number' ? payload.version : null,
    idempotency_key: str(payload.idempotency_key),
    context: context
      ? {
          ip_address: str(context.ip_address),
          user_agent: str(context.user_agent),
          country: str(context.country),
        }
      : null,
    created_at: createdAt,
  };
}

/** Adds `integrity` to events in write order: each tenant's chain gets sequence 1, 2, … and linked hashes. */
export function chainEvents(events: Array<Omit<AuditEvent, 'integrity'>>): AuditEvent[] {
  const heads = new Map<string, { sequence: number; hash: string }>();
  return events.map((body) => {
    const chain = body.tenant_id ?? '';
    const head = heads.get(chain);
    const event: AuditEvent = {
      ...body,
      integrity: {
        event_hash: '',
        previous_event_hash: head?.hash ?? null,
        sequence: (head?.sequence ?? 0) + 1,
      },
    };
    event.integrity.event_hash = computeEventHash(event);
    heads.set(chain, { sequence: event.integrity.sequence, hash: event.integrity.event_hash });
    return event;
  });
}

/** The emulator's three alert rules (docs/api.md "Alerts"), evaluated in write order. */
function raiseAlerts(events: AuditEvent[]): Alert[] {
  const alerts: Alert[] = [];
  const countries = new Map<string, string[]>();
  const sensitive = globToRegExp('*.deleted');
  for (const event of events) {
    const who = event.actor_name ? `${event.actor_name} (${event.actor_id})` : event.actor_id;
    const raise = (rule_type: Alert['rule_type'], severity: Alert['severity'], reason: string) =>
      alerts.push({
        id: `alert_${stableUuid(`${event.id}:${rule_type}`)}`,
        rule_type,
        reason,
        severity,
        event_id: event.id,
        actor_id: event.actor_id,
        tenant_id: event.tenant_id,
        created_at: event.created_at,
      });
    const country = event.context?.country;
    if (country) {
      const key = `${event.tenant_id ?? ''}\u0000${event.actor_id}`;
      const seen = countries.get(key) ?? [];
      if (!seen.includes(country)) {
        if (seen.length > 0) {
          raise(
            'new_country',
            'medium',
            `${who} acted from ${country} for the first time (seen before: ${seen.join(', ')}).`,
          );
        }
        countries.set(key, [...seen, country]);
      }
    }
    if (sensitive.test(event.action)) {
      raise('sensitive_action', 'high', `${who} performed the sensitive action ${event.action}.`);
    }
  }
  return alerts;
}

/** The newest event's time: now, rounded down to the minute (so relative times read naturally). */
const END_MS = Math.floor(Date.now() / 60_000) * 60_000;

/** Seed events for every tenant, chained and hashed; optionally with one tampered event. */
export function buildDataset({
  count = 600,
  seed = 42,
  tamper = false,
  longMetadata: long = false,
  manyTargets,
  hostileText = false,
}: DatasetOptions = {}): Dataset {
  const seeded = generateSeedEvents(count, { seed, endMs: END_MS });
  const bodies = seeded.map(({ payload, at }, i) =>
    toEvent(payload, stableUuid(`seed-${seed}-${i}`), new Date(at).toISOString()),
  );
  if (long) {
    const newest = bodies.findLastIndex((e) => e.tenant_id === STORY_TENANT);
    bodies[newest] = { ...bodies[newest]!, metadata: longMetadata() };
  }
  if (manyTargets) {
    const newest = bodies.findLastIndex((e) => e.tenant_id === STORY_TENANT);
    const targets = Array.from({ length: manyTargets }, (_, i) => ({
      type: i % 3 === 0 ? 'folder' : 'document',
      id: `doc_${String(i + 1).padStart(4, '0')}`,
      name: `Shared file ${i + 1}`,
      metadata: i === 0 ? { permission: 'edit' } : null,
    }));
    bodies[newest] = { ...bodies[newest]!, targets };
  }
  if (hostileText) {
    const own = bodies.flatMap((e, i) => (e.tenant_id === STORY_TENANT ? [i] : []));
    // Oldest first, so the first of hostileTextEvents() becomes the newest event.
    hostileTextEvents()
      .reverse()
      .forEach((fields, k) => {
        const index = own[own.length - 3 + k]!;
        bodies[index] = { ...bodies[index]!, ...fields };
      });
  }
  const events = chainEvents(bodies);
  let tamperedEventId: string | null = null;
  if (tamper) {
    // The 4th newest event of the story tenant: its stored content changes, its stored hash does not.
    const own = events.filter((e) => e.tenant_id === STORY_TENANT);
    const victim = own[own.length - 4]!;
    const index = events.indexOf(victim);
    events[index] = {
      ...victim,
      resource_name: `${victim.resource_name ?? victim.resource ?? 'record'} (rewritten)`,
      metadata: { ...victim.metadata, edited_by: 'someone with database access' },
    };
    tamperedEventId = victim.id;
  }
  return { events, alerts: raiseAlerts(events), tamperedEventId };
}

let intact: Dataset | undefined;
let broken: Dataset | undefined;
let long: Dataset | undefined;
let manyTargets: Dataset | undefined;
let hostile: Dataset | undefined;
/** The default story data (600 events, computed once). */
export const seedDataset = (): Dataset => (intact ??= buildDataset());
/** The same data with one tampered event in the story tenant. */
export const brokenDataset = (): Dataset => (broken ??= buildDataset({ tamper: true }));
/** The default data, the newest story-tenant event carrying `longMetadata()`. */
export const longMetadataDataset = (): Dataset => (long ??= buildDataset({ longMetadata: true }));
/** The default data, the newest story-tenant event carrying 240 targets. */
export const manyTargetsDataset = (): Dataset =>
  (manyTargets ??= buildDataset({ manyTargets: 240 }));
/** The default data, the story tenant's three newest events written by `hostileTextEvents()`. */
export const hostileTextDataset = (): Dataset => (hostile ??= buildDataset({ hostileText: true }));
/** No events, no alerts. */
export const emptyDataset = (): Dataset => ({ events: [], alerts: [], tamperedEventId: null });

/** The story tenant's events, newest first (what `GET /events` returns). */
export const tenantEvents = (data: Dataset, tenant = STORY_TENANT): AuditEvent[] =>
  data.events.filter((e) => e.tenant_id === tenant).reverse();

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * A viewer token (JWT) as the service would mint it. The client reads `exp` but never checks the
 * signature, and the story handlers only read the claims, so the signature is a placeholder.
 */
export function viewerToken(
  claims: { tenant_id?: string; actor_id?: string; exp?: number; jti?: string } = {},
): string {
  const payload = {
    typ: 'viewer',
    tenant_id: claims.tenant_id ?? STORY_TENANT,
    ...(claims.actor_id ? { actor_id: claims.actor_id } : {}),
    iat: 1_767_225_600, // 2026-01-01
    exp: claims.exp ?? 4_102_444_800, // 2100-01-01: never refreshed in a story
    jti: claims.jti ?? 'story-token',
  };
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.c3Rvcnlib29rLW5vdC1hLXJlYWwtc2lnbmF0dXJl`;
}

/** The `jti` of a token the story server treats as expired, though its `exp` says otherwise. */
export const STALE_JTI = 'stale-story-token';

/**
 * The `jti`s the story server treats as expired: STALE_JTI always, and any a story adds — a token
 * that expires mid-session, at a point the story chooses (after scrolling, say).
 */
export const expiredJtis = new Set<string>([STALE_JTI]);

/** Metadata that stresses the JSON tree: deep nesting, long arrays, long strings, URLs and odd keys. */
export function longMetadata(): Record<string, unknown> {
  let deep: Record<string, unknown> = { leaf: 'the bottom, 12 levels down' };
  for (let level = 11; level >= 1; level--)
    deep = { [`level_${level}`]: deep, note: `level ${level}` };
  return {
    request: {
      method: 'PATCH',
      url: 'https://app.example.com/api/documents/doc_q4_report?include=revisions&expand=owner',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req_7f3a9c2e1b',
        'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)',
      },
    },
    diff: Array.from({ length: 150 }, (_, i) => ({
      path: `/sections/${i}/paragraphs/${i % 7}`,
      op: i % 3 === 0 ? 'replace' : i % 3 === 1 ? 'add' : 'remove',
      words: (i * 37) % 400,
    })),
    summary:
      'Rewrote the executive summary, moved the regional breakdown into an appendix, replaced every chart in section 4 with the audited figures from finance, and added a long footnote about the currency conversion method used for the EMEA numbers. '.repeat(
        4,
      ),
    nested: deep,
    // JSON.parse makes `__proto__` an own key (plain data), as it arrives over the wire.
    ...(JSON.parse('{"__proto__": "just data", "key with spaces": true}') as Record<
      string,
      unknown
    >),
    empty_object: {},
    empty_array: [],
    nothing: null,
    ratio: 0.000_000_1,
  };
}

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';

/**
 * Fields a hostile (or just right-to-left) writer could send, newest first: an override that makes
 * "nimda" read "admin" and a file name end in ".pdf", a Hebrew name beside Latin ids, and a stray
 * PDI that tries to end the isolate around it. Shown isolated, none reorders the text around it.
 */
export function hostileTextEvents(): Array<Partial<Omit<AuditEvent, 'integrity'>>> {
  return [
    {
      actor_id: `user_${RLO}nimda`,
      actor_name: `${RLO}nimda`,
      actor_type: 'user',
      action: 'document.deleted',
      resource: 'document',
      resource_id: `doc_${RLO}1`,
      resource_name: `invoice${RLO}fdp.exe`,
      targets: [
        { type: 'file', id: `file_${RLI}7${PDI}`, name: `report${RLO}xcod.exe`, metadata: null },
      ],
      context: { ip_address: '203.0.113.7', user_agent: `Mozilla/5.0 ${RLO}`, country: `IL${RLO}` },
      metadata: { note: `${RLO}reversed by the writer`, [`${RLO}key`]: 'value' },
    },
    {
      actor_id: 'user_sarah',
      actor_name: 'שרה כהן',
      actor_type: 'user',
      action: 'document.viewed',
      resource: 'document',
      resource_id: 'doc_q4',
      resource_name: 'דוח רבעוני Q4',
      targets: [],
      context: { ip_address: '198.51.100.4', user_agent: null, country: 'IL' },
      metadata: {},
    },
    {
      actor_id: 'user_eve',
      actor_name: `Eve${PDI}${RLO}`,
      actor_type: 'user',
      action: 'document.shared',
      resource: 'document',
      resource_id: 'doc_plan',
      resource_name: `plan${PDI}${RLO}.txt`,
      targets: [],
      context: null,
      metadata: {},
    },
  ];
}
