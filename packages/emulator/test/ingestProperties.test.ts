import { canonicalize } from '@getimmutable/contract';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

/**
 * Keys an object built by assignment mishandles (`__proto__` sets the prototype), that objects
 * enumerate out of insertion order (integer-like), or that name the contract's own fields.
 */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', '0', '10', '9', 'id', 'integrity'),
  fc.string({ maxLength: 6 }),
);

/** An object's JSON text from its members, each value already JSON text. */
const objectText = (members: Array<[string, string]>) =>
  `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/**
 * A JSON value written as text, so that keys such as `__proto__` reach the server exactly as a
 * customer's JSON carries them (an object literal or assignment would make them prototypes).
 */
const { jsonText } = fc.letrec<{ jsonText: string }>((tie) => ({
  jsonText: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
      )
      .map((leaf) => JSON.stringify(leaf)),
    fc.array(tie('jsonText'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('jsonText')), { maxLength: 5 }).map(objectText),
  ),
}));
const metadataText = fc.array(fc.tuple(key, jsonText), { maxLength: 5 }).map(objectText);

describe('ingest, for any metadata a customer sends', () => {
  it('stores what it accepts exactly, answers 422 naming metadata otherwise, and verify stays valid', async () => {
    h = startHarness();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(metadataText, metadataText, async (metadata, targetMetadata) => {
        const raw =
          `{"tenant_id":"org_p","actor_id":"u","action":"a.b","metadata":${metadata},` +
          `"targets":[{"type":"t","metadata":${targetMetadata}}]}`;
        const sent = JSON.parse(raw) as {
          metadata: unknown;
          targets: Array<{ metadata: unknown }>;
        };
        const res = await h.call('POST', '/events', {
          raw,
          headers: { 'content-type': 'application/json' },
        });
        if (res.status === 422) {
          const named = Object.keys(res.body.errors as object);
          expect(named.every((field) => /^(metadata|targets\.0\.metadata)$/.test(field))).toBe(
            true,
          );
          return;
        }
        expect(res.status).toBe(201);
        accepted++;
        const back = await h.call('GET', `/events/${res.body.data.id}`);
        for (const event of [res.body.data, back.body.data]) {
          expect(canonicalize(event.metadata)).toBe(canonicalize(sent.metadata));
          expect(canonicalize(event.targets[0].metadata)).toBe(
            canonicalize(sent.targets[0]!.metadata),
          );
        }
      }),
      { numRuns: 300, seed: 20261206 },
    );
    expect(accepted).toBeGreaterThan(100);
    const verify = await h.call('GET', '/verify?tenant_id=org_p');
    expect(verify.body.data).toMatchObject({ valid: true, events_checked: accepted, breaks: [] });
  });
});
