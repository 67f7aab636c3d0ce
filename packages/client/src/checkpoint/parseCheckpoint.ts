import { HASH_FORM } from '../hashForm.js';
import { CHECKPOINT_KIND, CHECKPOINT_VERSION, type Checkpoint } from './Checkpoint.js';

function fail(field: string, rule: string): never {
  throw new TypeError(`Not a checkpoint receipt: ${field} ${rule}.`);
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(field, 'must be an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string');
  return value;
}

function sequence(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    fail(field, 'must be a whole number from 1');
  return value as number;
}

function hash(value: unknown, field: string): string {
  if (typeof value !== 'string' || !HASH_FORM.test(value))
    fail(field, 'must be 64 lowercase hex digits');
  return value;
}

/**
 * Reads a checkpoint (a stored one, or a receipt file's parsed JSON), checking every field;
 * throws a TypeError naming the first field that is wrong. Unknown fields are ignored.
 * @example const checkpoint = parseCheckpoint(JSON.parse(await file.text()));
 */
export function parseCheckpoint(value: unknown): Checkpoint {
  const root = record(value, 'the file');
  if (root.kind !== CHECKPOINT_KIND) fail('kind', `must be "${CHECKPOINT_KIND}"`);
  if (root.version !== CHECKPOINT_VERSION) fail('version', `must be ${CHECKPOINT_VERSION}`);
  const scope = record(root.scope, 'scope');
  const head = record(root.head, 'head');
  const actor = scope.actor_id ?? null;
  const verifiedAt = text(root.verified_at, 'verified_at');
  if (Number.isNaN(Date.parse(verifiedAt))) fail('verified_at', 'must be an ISO 8601 time');
  let event: Checkpoint['event'] = null;
  if (root.event !== null && root.event !== undefined) {
    const e = record(root.event, 'event');
    event = {
      id: text(e.id, 'event.id'),
      sequence: sequence(e.sequence, 'event.sequence'),
      event_hash: hash(e.event_hash, 'event.event_hash'),
    };
  }
  const checkpoint: Checkpoint = {
    kind: CHECKPOINT_KIND,
    version: CHECKPOINT_VERSION,
    scope: {
      base_url: text(scope.base_url, 'scope.base_url'),
      tenant_id: text(scope.tenant_id, 'scope.tenant_id'),
      actor_id: actor === null ? null : text(actor, 'scope.actor_id'),
    },
    head: {
      sequence: sequence(head.sequence, 'head.sequence'),
      event_hash: hash(head.event_hash, 'head.event_hash'),
    },
    event,
    verified_at: verifiedAt,
  };
  if (event && event.sequence > checkpoint.head.sequence)
    fail('event.sequence', 'must not be after head.sequence');
  return checkpoint;
}
