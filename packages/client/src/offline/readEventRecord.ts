import type { AuditEvent } from '@getimmutable/contract';
import { findJsonProblem } from './findJsonProblem.js';
import { HASH_FORM } from '../hashForm.js';
import { PREVIOUS_HASH_PROBLEM } from './checkPreviousHashForm.js';
import { UnusableInput } from './UnusableInput.js';

/** An event's fields that the chain checks read, checked for type. */
export interface EventRecord {
  id: string;
  tenantId: string | null;
  sequence: number;
  eventHash: string;
  previousHash: string | null;
}

/** A record read by the general path, with the whole event parsed. */
export interface ParsedEventRecord extends EventRecord {
  event: AuditEvent;
}

/**
 * Checks only what hashing and linking rely on. Hand-written rather than the client's
 * `eventShape` (shapes.ts): that full check cost about as much as JSON.parse itself per event
 * (2.3 µs of ~8, measured on 790-byte events in Node 20), and any other field of a wrong type
 * is already caught by its hash.
 */
function integrityProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'not a JSON object (an event)';
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string') return 'event.id must be a string';
  if (e.tenant_id !== null && typeof e.tenant_id !== 'string')
    return 'event.tenant_id must be a string or null';
  const i = e.integrity as Record<string, unknown> | null | undefined;
  if (typeof i !== 'object' || i === null || Array.isArray(i))
    return 'event.integrity must be an object';
  if (typeof i.event_hash !== 'string' || !HASH_FORM.test(i.event_hash))
    return 'event.integrity.event_hash must be 64 lowercase hex digits';
  const previous = i.previous_event_hash;
  if (previous !== null && (typeof previous !== 'string' || !HASH_FORM.test(previous)))
    return PREVIOUS_HASH_PROBLEM;
  if (!Number.isSafeInteger(i.sequence) || (i.sequence as number) < 1)
    return 'event.integrity.sequence must be a whole number from 1';
  return null;
}

/**
 * Parses one record (an NDJSON line or an array element) into an event, or throws UnusableInput.
 * Fast path: the server writes compact JSON, so JSON.stringify of the parse gives the text back
 * exactly unless a key repeats, a number lost digits or the spacing differs; only then does the
 * strict scanner run, to name the problem or accept the text (pretty-printed JSON is fine).
 * @param unterminated the file's last line, with no newline after it: a parse error there means
 *   the file was cut short
 */
export function readEventRecord(
  text: string,
  position: number,
  unterminated = false,
): ParsedEventRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UnusableInput(
      unterminated
        ? `truncated: the file ends inside this event (${detail})`
        : `not JSON (${detail})`,
      position,
    );
  }
  if (JSON.stringify(value) !== text) {
    const problem = findJsonProblem(text);
    if (problem) throw new UnusableInput(problem, position);
  }
  const problem = integrityProblem(value);
  if (problem) throw new UnusableInput(problem, position);
  const event = value as AuditEvent;
  return {
    event,
    id: event.id,
    tenantId: event.tenant_id,
    sequence: event.integrity.sequence,
    eventHash: event.integrity.event_hash,
    previousHash: event.integrity.previous_event_hash,
  };
}
