/**
 * RFC 8785 (JSON Canonicalization Scheme): no whitespace, object keys sorted by UTF-16 code
 * units (what `Array.prototype.sort` does with strings — not "integer keys first" as objects
 * enumerate them), strings and numbers written exactly as ECMAScript's JSON.stringify writes
 * them (`1.0` → `1`, `1e-7`). `undefined` members are dropped, as in JSON. Throws a TypeError
 * on what JSON cannot hold (non-finite numbers, bigints, functions).
 */
export function canonicalize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot represent ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out += (i > 0 ? ',' : '') + (item === undefined ? 'null' : canonicalize(item));
        }
        return out + ']';
      }
      const keys = Object.keys(value);
      if (keys.length > 1) sortKeys(keys);
      return canonicalMembers(value as Record<string, unknown>, keys);
    }
    default:
      throw new TypeError(`JCS cannot represent a ${typeof value}`);
  }
}

/**
 * The JCS text of an object whose members are `keys` (already in JCS order: callers that know
 * their keys, like the event hash's fixed top level, skip the sort). `undefined` members are
 * dropped, as in JSON.
 */
export function canonicalMembers(record: Record<string, unknown>, keys: readonly string[]): string {
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += (out.length > 1 ? ',"' : '"') + escapeKey(key) + '":' + canonicalize(item);
  }
  return out + '}';
}

/**
 * Sorts keys in place in JCS order (UTF-16 code units): an insertion sort for the usual few keys,
 * faster than Array#sort there, which also allocates.
 */
export function sortKeys(keys: string[]): void {
  if (keys.length > 12) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** A key's JSON string body; plain keys (the common case) skip JSON.stringify. */
function escapeKey(key: string): string {
  return /^[\w .:@$/-]*$/.test(key) ? key : JSON.stringify(key).slice(1, -1);
}
