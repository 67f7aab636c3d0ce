import { canonicalize } from '@getimmutable/contract';
import { describe, expect, it } from 'vitest';
import { canonicalEvent } from '../src/canonicalEvent.js';
import { generateSeedEvents } from '../src/generateSeedEvents.js';
import type { FieldErrors } from '../src/HttpError.js';
import type { HashedEvent } from '../src/types.js';
import { validatePayload } from '../src/validatePayload.js';
import { jcs } from './independentJcs.js';

/** A payload as ingest stores it: validated, then given an id, a time and its chain link. */
function hashed(payload: Record<string, unknown>, sequence = 1): HashedEvent {
  const errors: FieldErrors = {};
  const fields = validatePayload(payload, errors);
  expect(errors).toEqual({});
  return {
    id: '0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ...fields,
    created_at: '2026-03-04T09:00:00.000Z',
    previous_event_hash: sequence === 1 ? null : 'a'.repeat(64),
    sequence,
  };
}

describe('canonicalEvent', () => {
  it('writes every seed event exactly as canonicalize and an independent JCS do', () => {
    for (const [i, { payload }] of generateSeedEvents(2000, { seed: 7 }).entries()) {
      const h = hashed(payload, i + 1);
      expect(canonicalEvent(h).text).toBe(canonicalize(h));
      expect(canonicalEvent(h).text).toBe(jcs(h));
    }
  });

  it('writes awkward values exactly as canonicalize does', () => {
    const awkward = [
      { actor_id: 'é\u2028"\\\u0000\u001f😀', action: 'a.b', tenant_id: null },
      {
        actor_id: 'u',
        action: 'a',
        version: 0,
        metadata: { '10': 1, '9': 2, b: -0, a: 2 ** 52, c: 12.5e-3 },
      },
      { actor_id: 'u', action: 'a', metadata: { x: [1.5, 1e-7, { z: null, y: [true, false] }] } },
      {
        actor_id: 'u',
        action: 'a',
        targets: [
          { type: 't', id: null, name: 'ñ', metadata: { '1': 'one', é: 'e' } },
          { type: 'u\u007f' },
        ],
        context: { country: 'DE' },
        resource: { type: 'document', id: 'd', name: 'D' },
      },
      // An own "__proto__" key, as JSON.parse makes it: an object literal would set the prototype.
      JSON.parse(
        '{"actor_id":"u","action":"a","metadata":{"__proto__":{"b":1},"a":[{"__proto__":2}]}}',
      ),
    ];
    for (const payload of awkward) {
      const h = hashed(payload);
      expect(canonicalEvent(h).text).toBe(canonicalize(h));
      expect(canonicalEvent(h).text).toBe(jcs(h));
    }
  });

  it('gives what parsing its text gives, down to the order of keys', () => {
    for (const { payload } of generateSeedEvents(300, { seed: 8 })) {
      const { text, parsed } = canonicalEvent(hashed(payload));
      expect(parsed).toEqual(JSON.parse(text));
      expect(JSON.stringify(parsed)).toBe(text);
    }
    const indexKeys = canonicalEvent(hashed({ actor_id: 'u', action: 'a', metadata: { '2': 1 } }));
    expect(indexKeys.parsed).toBeUndefined();
  });

  it('takes the general walk for a shape ingest does not make', () => {
    const h = hashed({ actor_id: 'u', action: 'a' });
    const extra = { ...h, targets: [{ type: 't', id: 'x', name: null, metadata: null, more: 1 }] };
    expect(canonicalEvent(extra as HashedEvent)).toEqual({
      text: canonicalize(extra),
      parsed: undefined,
    });
    const partial = { ...h, context: { country: 'DE' } };
    expect(canonicalEvent(partial as unknown as HashedEvent).text).toBe(canonicalize(partial));
    const missing = { ...h, version: undefined };
    expect(canonicalEvent(missing as unknown as HashedEvent).text).toBe(canonicalize(missing));
  });
});
