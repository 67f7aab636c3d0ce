/**
 * An independent RFC 8785 (JCS) for the tests, written from the RFC, not from
 * src/canonicalize.ts, and the SHA-256 of the contract's hashed object computed with it.
 */
import crypto from 'node:crypto';

function compareUtf16(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function jcsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out + '"';
}

export function jcs(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not representable');
    // ECMAScript Number::toString is the number serialization RFC 8785 prescribes (-0 → "0").
    return String(value);
  }
  if (typeof value === 'string') return jcsString(value);
  if (Array.isArray(value)) return '[' + value.map((v) => jcs(v)).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareUtf16);
  return '{' + keys.map((k) => jcsString(k) + ':' + jcs(record[k])).join(',') + '}';
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** The object the contract hashes: the event without integrity, plus previous_event_hash and sequence. */
export function hashedObject(event: Record<string, unknown>): Record<string, unknown> {
  const { integrity, ...rest } = event as {
    integrity: { previous_event_hash: string | null; sequence: number };
  };
  return {
    ...rest,
    previous_event_hash: integrity.previous_event_hash,
    sequence: integrity.sequence,
  };
}
