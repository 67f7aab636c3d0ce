import { ImmutableError } from './ImmutableError.js';

type Problem = [field: string, problem: string];

/**
 * What JSON would silently change or cannot send in a payload, as `[field, problem]`, or null
 * when it sends as it is. JSON.stringify writes NaN and ±Infinity as null, an `undefined` array
 * item as null, a Map or a Set as `{}`, drops functions and symbols, and throws on a bigint or a
 * cycle: each would be an event that says something other than what was tracked, or a failure
 * reported as a network error. A Date (anything with `toJSON`) is sent as it writes itself.
 * @param inside the objects around this value (a cycle comes back to one of them)
 */
function unsendable(value: unknown, field: string, inside: Set<object>): Problem | null {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? null : [field, `must be a finite number (not ${value})`];
    case 'bigint':
      return [field, 'must be a number within ±2^53, not a bigint'];
    case 'function':
    case 'symbol':
      return [field, `must be JSON, not a ${typeof value}`];
    case 'object': {
      if (value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return null;
      if (value instanceof Map || value instanceof Set)
        return [field, 'must be an object or an array (a Map or a Set is sent as {})'];
      if (inside.has(value)) return [field, 'must not contain itself'];
      inside.add(value);
      const at = (key: string | number) => (field ? `${field}.${key}` : String(key));
      let found: Problem | null = null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && !found; i++) {
          const item: unknown = value[i];
          found =
            item === undefined ? [at(i), 'must not be undefined'] : unsendable(item, at(i), inside);
        }
      } else {
        for (const [key, item] of Object.entries(value)) {
          found = unsendable(item, at(key), inside);
          if (found) break;
        }
      }
      inside.delete(value);
      return found;
    }
    default:
      return null; // a string, a boolean, or undefined (a member JSON leaves out: absent)
  }
}

/**
 * Refuses, before anything is sent, a payload JSON would send as something else (see above):
 * an `ImmutableError` with `code: 'invalid_payload'` whose `errors` name the field, as a 422's do.
 * @param field where the payload sits in the request body ('' for the body itself)
 */
export function assertSendable(payload: unknown, field: string): void {
  const found = unsendable(payload, field, new Set());
  if (!found) return;
  const [name, problem] = found;
  throw new ImmutableError(`${name}: ${problem}.`, 0, 'invalid_payload', {
    errors: { [name]: [problem] },
  });
}
