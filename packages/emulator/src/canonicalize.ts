/**
 * RFC 8785 (JSON Canonicalization Scheme).
 *
 * Not "JSON.stringify with sorted keys": JS enumerates integer-like keys ("1", "10") before
 * the others, while JCS sorts every key by UTF-16 code units. Strings and numbers, though, are
 * written exactly as ECMAScript's JSON.stringify writes them, which is what JCS specifies.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('JCS cannot represent a non-finite number');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalize(item);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  // Array.prototype.sort compares UTF-16 code units, as JCS requires.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalize(item);
  }
  return out + '}';
}
