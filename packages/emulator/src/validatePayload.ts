import {
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  MAX_STRING,
  MAX_TARGETS,
  MAX_USER_AGENT,
  isRecord,
} from '@getimmutable/contract';
import type { EventContext, EventFields, Target } from './types.js';
import type { FieldErrors } from './HttpError.js';
import { isWellFormed } from './isWellFormed.js';

const MAX_SAFE = 2 ** 53;

/**
 * How many bytes UTF-8 takes for `text`, counted without encoding it (that made a copy of every
 * event's metadata). JSON.stringify escapes lone surrogates, so every surrogate here is paired.
 */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a pair: two units, four bytes
      i++;
    } else n += 2;
  }
  return n;
}

type Errors = FieldErrors;
const add = (errors: Errors, field: string, message: string) => {
  (errors[field] ??= []).push(message);
};

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    n++;
  }
  return n;
}

/** A string field: absent/null → null; anything else must be a well-formed string within `max`. */
export function optionalString(
  value: unknown,
  field: string,
  errors: Errors,
  max = MAX_STRING,
): string | null {
  if (value === undefined || value === null) return null;
  return checkedString(value, field, errors, max);
}

export function requiredString(
  value: unknown,
  field: string,
  errors: Errors,
  max = MAX_STRING,
): string {
  if (value === undefined || value === null || value === '') {
    add(errors, field, 'is required');
    return '';
  }
  return checkedString(value, field, errors, max) ?? '';
}

function checkedString(value: unknown, field: string, errors: Errors, max: number): string | null {
  if (typeof value !== 'string') {
    add(errors, field, 'must be a string');
    return null;
  }
  if (!isWellFormed(value)) {
    add(errors, field, 'must be valid Unicode (no lone surrogates)');
    return null;
  }
  if (value.length > max && codePoints(value) > max) {
    add(errors, field, `must be at most ${max} characters`);
    return null;
  }
  return value;
}

/**
 * `tenant_id`: absent or null is the no-tenant chain; "" would be filed there too (the chain key
 * is the tenant or "") and share its idempotency keys, so it is refused rather than guessed at.
 */
function optionalTenant(value: unknown, field: string, errors: Errors): string | null {
  if (value === '') {
    add(errors, field, 'must not be empty (leave it out or send null for no tenant)');
    return null;
  }
  return optionalString(value, field, errors);
}

/**
 * `idempotency_key`: "" would be one key for every event that sends it, so each after the first
 * would be answered as a replay of it and silently not written; refused, as an empty tenant is.
 */
function optionalIdempotencyKey(value: unknown, field: string, errors: Errors): string | null {
  if (value === '') {
    add(errors, field, 'must not be empty (leave it out or send null for no deduplication)');
    return null;
  }
  return optionalString(value, field, errors);
}

/** Walks a JSON value: depth, safe integers, well-formed strings (keys included). */
function checkJsonValue(value: unknown, field: string, errors: Errors): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth > MAX_METADATA_DEPTH) {
      add(errors, field, `must not nest deeper than ${MAX_METADATA_DEPTH} levels`);
      return false;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item) || (Number.isInteger(item) && Math.abs(item) > MAX_SAFE)) {
        add(errors, field, 'must not contain integers beyond ±2^53');
        return false;
      }
    } else if (typeof item === 'string') {
      if (!isWellFormed(item)) {
        add(errors, field, 'must contain only valid Unicode strings');
        return false;
      }
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1]);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (!isWellFormed(key)) {
          add(errors, field, 'must contain only valid Unicode keys');
          return false;
        }
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}

function optionalMetadata(
  value: unknown,
  field: string,
  errors: Errors,
): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    add(errors, field, 'must be an object');
    return null;
  }
  if (!checkJsonValue(value, field, errors)) return null;
  if (utf8Length(JSON.stringify(value)) > MAX_METADATA_BYTES) {
    add(errors, field, `must be at most ${MAX_METADATA_BYTES} bytes as compact JSON`);
    return null;
  }
  return value;
}

function optionalInteger(value: unknown, field: string, errors: Errors): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    add(errors, field, 'must be an integer');
    return null;
  }
  if (Math.abs(value) > MAX_SAFE) {
    add(errors, field, 'must be within ±2^53');
    return null;
  }
  return value;
}

function targetsOf(value: unknown, field: string, errors: Errors): Target[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    add(errors, field, 'must be an array');
    return [];
  }
  // Checked before the items, so an oversized list costs one error, not one per target.
  if (value.length > MAX_TARGETS) {
    add(errors, field, `must hold at most ${MAX_TARGETS} targets`);
    return [];
  }
  return value.map((raw: unknown, i): Target => {
    const at = `${field}.${i}`;
    if (!isRecord(raw)) {
      add(errors, at, 'must be an object');
      return { type: '', id: null, name: null, metadata: null };
    }
    return {
      type: requiredString(raw.type, `${at}.type`, errors),
      id: optionalString(raw.id, `${at}.id`, errors),
      name: optionalString(raw.name, `${at}.name`, errors),
      metadata: optionalMetadata(raw.metadata, `${at}.metadata`, errors),
    };
  });
}

function contextOf(value: unknown, field: string, errors: Errors): EventContext | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    add(errors, field, 'must be an object');
    return null;
  }
  return {
    ip_address: optionalString(value.ip_address, `${field}.ip_address`, errors),
    user_agent: optionalString(value.user_agent, `${field}.user_agent`, errors, MAX_USER_AGENT),
    country: optionalString(value.country, `${field}.country`, errors),
  };
}

/**
 * Turns one ingest payload into the stored fields, or records why it can't (`errors`, keyed
 * by `prefix` + field). Unknown keys are ignored, as the contract says.
 */
export function validatePayload(raw: unknown, errors: Errors, prefix = ''): EventFields {
  const f = (name: string) => prefix + name;
  if (!isRecord(raw)) {
    add(errors, prefix ? prefix.slice(0, -1) : 'body', 'must be a JSON object');
    return emptyFields();
  }
  const given = raw.resource;
  let resource: unknown = given;
  let resourceId: unknown = raw.resource_id;
  let resourceName: unknown = raw.resource_name;
  // A resource object ({ type, id, name }) names its errors by its own fields.
  const nested = isRecord(given);
  const resourceField = (part: string, flat: string) => f(nested ? `resource.${part}` : flat);
  if (nested) {
    const present = (v: unknown) => v !== undefined && v !== null;
    if (present(raw.resource_id) || present(raw.resource_name)) {
      add(
        errors,
        f('resource'),
        'must not be an object when resource_id or resource_name is also given',
      );
    }
    resourceId = given.id;
    resourceName = given.name;
    resource = given.type;
  }
  return {
    tenant_id: optionalTenant(raw.tenant_id, f('tenant_id'), errors),
    actor_id: requiredString(raw.actor_id, f('actor_id'), errors),
    actor_name: optionalString(raw.actor_name, f('actor_name'), errors),
    actor_type: optionalString(raw.actor_type, f('actor_type'), errors),
    action: requiredString(raw.action, f('action'), errors),
    action_category: optionalString(raw.action_category, f('action_category'), errors),
    resource: optionalString(resource, resourceField('type', 'resource'), errors),
    resource_id: optionalString(resourceId, resourceField('id', 'resource_id'), errors),
    resource_name: optionalString(resourceName, resourceField('name', 'resource_name'), errors),
    targets: targetsOf(raw.targets, f('targets'), errors),
    metadata: optionalMetadata(raw.metadata, f('metadata'), errors) ?? {},
    session_id: optionalString(raw.session_id, f('session_id'), errors),
    version: optionalInteger(raw.version, f('version'), errors),
    idempotency_key: optionalIdempotencyKey(raw.idempotency_key, f('idempotency_key'), errors),
    context: contextOf(raw.context, f('context'), errors),
  };
}

function emptyFields(): EventFields {
  return {
    tenant_id: null,
    actor_id: '',
    actor_name: null,
    actor_type: null,
    action: '',
    action_category: null,
    resource: null,
    resource_id: null,
    resource_name: null,
    targets: [],
    metadata: {},
    session_id: null,
    version: null,
    idempotency_key: null,
    context: null,
  };
}
