import { HASHED_EVENT_KEYS, canonicalize, sortKeys } from '@getimmutable/contract';
import type { EventContext, HashedEvent, Target } from './types.js';

/**
 * Every member of the hashed object, in JCS order (UTF-16 code units). The compiler checks that
 * no member of HashedEvent is missing, so a field added to the event cannot be left out of the
 * stored text.
 */
const MEMBERS = HASHED_EVENT_KEYS satisfies readonly (keyof HashedEvent)[];
type Unlisted = Exclude<keyof HashedEvent, (typeof MEMBERS)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

/** Thrown inside `ordered` when a value needs the general walk. */
const GENERAL = Symbol('general');

/** Keys that objects enumerate first, in numeric order, whatever order they were set in. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * Setting this key on a plain object sets its prototype instead of a member (JSON.parse made it
 * an own key of the payload), so JSON.stringify of the copy would drop the customer's data.
 */
const PROTOTYPE_SETTER = '__proto__';

/**
 * A copy of a JSON value whose objects have their members set in JCS order, so that
 * JSON.stringify writes it exactly as JCS does (strings and numbers are written alike by both).
 * Throws GENERAL for what that cannot hold: an index-like key, which no insertion order can
 * move, a `__proto__` key, which assignment cannot set, or a number JSON cannot write.
 */
function ordered(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw GENERAL;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(ordered);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) sortKeys(keys);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (INDEX_LIKE.test(key) || key === PROTOTYPE_SETTER) throw GENERAL;
    out[key] = ordered(record[key]);
  }
  return out;
}

export interface CanonicalEvent {
  /** The RFC 8785 text. */
  text: string;
  /**
   * What JSON.parse(text) gives, down to the order of keys, when it was at hand (the copy that
   * was written out): ingest answers with it instead of parsing the text it just wrote.
   */
  parsed: HashedEvent | undefined;
}

/**
 * The RFC 8785 text of a hashed event as ingest builds it — byte for byte what `canonicalize`
 * gives (test/canonicalEvent.test.ts): the event copied with its members set in JCS order (the
 * keys of the top level, targets and context are known; metadata's are sorted), then one
 * JSON.stringify. The general walk built the text from hundreds of intermediate strings and
 * key arrays: half of what ingest allocated per event, and twice the time. An index-like or
 * `__proto__` key in metadata, or anything outside the shape validatePayload makes, takes the
 * general walk.
 */
export function canonicalEvent(h: HashedEvent): CanonicalEvent {
  if (!hasEventShape(h)) return { text: canonicalize(h), parsed: undefined };
  let parsed: HashedEvent;
  try {
    parsed = {
      action: h.action,
      action_category: h.action_category,
      actor_id: h.actor_id,
      actor_name: h.actor_name,
      actor_type: h.actor_type,
      context: h.context && {
        country: h.context.country,
        ip_address: h.context.ip_address,
        user_agent: h.context.user_agent,
      },
      created_at: h.created_at,
      id: h.id,
      idempotency_key: h.idempotency_key,
      metadata: ordered(h.metadata),
      previous_event_hash: h.previous_event_hash,
      resource: h.resource,
      resource_id: h.resource_id,
      resource_name: h.resource_name,
      sequence: h.sequence,
      session_id: h.session_id,
      targets: h.targets.map((t: Target) => ({
        id: t.id,
        metadata: ordered(t.metadata),
        name: t.name,
        type: t.type,
      })),
      tenant_id: h.tenant_id,
      version: h.version,
    } satisfies Record<(typeof MEMBERS)[number], unknown> as HashedEvent;
  } catch (error) {
    if (error === GENERAL) return { text: canonicalize(h), parsed: undefined };
    throw error;
  }
  return { text: JSON.stringify(parsed), parsed };
}

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function hasEventShape(h: HashedEvent): boolean {
  for (const member of MEMBERS) {
    if (member === 'metadata' || member === 'targets' || member === 'context') continue;
    if (!isScalar(h[member])) return false;
  }
  if (!Array.isArray(h.targets) || h.metadata === undefined) return false;
  for (const t of h.targets as unknown[]) {
    if (t === null || typeof t !== 'object' || Object.keys(t).length !== 4) return false;
    const { type, id, name, metadata } = t as Target;
    if (!isScalar(type) || !isScalar(id) || !isScalar(name) || metadata === undefined) return false;
  }
  const c = h.context as unknown;
  if (c === null) return true;
  if (typeof c !== 'object' || Object.keys(c).length !== 3) return false;
  const { country, ip_address, user_agent } = c as EventContext;
  return isScalar(country) && isScalar(ip_address) && isScalar(user_agent);
}
