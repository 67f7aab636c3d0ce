import { canonicalize, type AuditEvent } from '@getimmutable/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEventHash, eventHashInput } from '../computeEventHash.js';
import { sha256Text } from '../sha256Text.js';
import { CompactEventReader } from './readCompactEvent.js';
import { verifyExport } from './verifyExport.js';

const HASH_1 = 'a'.repeat(64);

/** An event with its members in the server's order and its nested values in JCS order. */
function serverEvent(overrides: Partial<AuditEvent> = {}, sequence = 2): AuditEvent {
  const event: AuditEvent = {
    id: '0190d4a0-0000-7000-8000-000000000002',
    tenant_id: 'org_acme',
    actor_id: 'user_1',
    actor_name: 'Sarah Chen',
    actor_type: 'user',
    action: 'document.shared',
    action_category: 'documents',
    resource: 'document',
    resource_id: 'doc_1',
    resource_name: 'Q4 Report',
    targets: [{ id: 'folder_1', metadata: null, name: 'Finance', type: 'folder' }],
    metadata: { bytes: 1024, mime: 'application/pdf' },
    session_id: 'sess_1',
    version: 1,
    idempotency_key: null,
    context: { country: 'DE', ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' },
    created_at: '2026-01-01T00:00:00.000Z',
    integrity: { event_hash: '', previous_event_hash: HASH_1, sequence },
    ...overrides,
  };
  event.integrity = { ...event.integrity, event_hash: computeEventHash(event) };
  return event;
}

/**
 * The line the server writes: compact, members in their order, values in JCS form (written as
 * text: an object cannot hold integer-like keys in JCS order).
 */
const lineOf = (event: AuditEvent) =>
  `{${Object.entries(event)
    .map(
      ([key, value]) =>
        `${JSON.stringify(key)}:${key === 'integrity' ? JSON.stringify(value) : canonicalize(value)}`,
    )
    .join(',')}}`;

/**
 * A line whose `event_hash` is recomputed over text in which `placeholder` (a string value)
 * stands for `raw`: what a server that hashes numbers JavaScript cannot read exactly would write.
 */
function hashedWithRaw(event: AuditEvent, placeholder: string, raw: string): string {
  const quoted = JSON.stringify(placeholder);
  const hash = sha256Text(eventHashInput(event).replace(quoted, raw));
  const line = lineOf({ ...event, integrity: { ...event.integrity, event_hash: hash } });
  return line.replace(quoted, raw);
}

const verifyLines = (...lines: string[]) => verifyExport([lines.map((l) => `${l}\n`).join('')]);

describe('CompactEventReader (the offline verifier’s fast path)', () => {
  it('gives exactly the text the general path hashes, for the server’s lines', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '"', '\\', ',', ':', '{', '}', 'é', '🙂'),
    });
    const json = fc.jsonValue({ maxDepth: 3 }).filter(
      // Numbers JSON.parse may round are the general path's (tested below).
      (value) => !/\d{16}|\d[eE]/.test(JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, '')),
    );
    fc.assert(
      fc.property(text, text, json, fc.option(text), (actor, name, metadata, tenant) => {
        const event = serverEvent({
          actor_id: actor,
          resource_name: name,
          tenant_id: tenant,
          metadata: { value: metadata, '","id":"x': name },
        });
        const read = new CompactEventReader().read(lineOf(event));
        expect(read).not.toBeNull();
        expect(read!.hashInput).toBe(eventHashInput(event));
        expect(sha256Text(read!.hashInput)).toBe(read!.eventHash);
        expect([read!.id, read!.tenantId]).toEqual([event.id, event.tenant_id]);
      }),
    );
  });

  it('reads a line whose members come in another order by their names, then goes on', async () => {
    const first = serverEvent({}, 3);
    const second = serverEvent({ id: 'e2' }, 2);
    const reordered = Object.fromEntries(Object.entries(second).reverse()) as AuditEvent;
    const third = serverEvent({ id: 'e1', integrity: { ...second.integrity, sequence: 1 } }, 1);
    // Link them: 3 → 2 → 1.
    const chain = [third, reordered, first].reduce<AuditEvent[]>((done, event) => {
      const previous = done.at(-1)?.integrity.event_hash ?? null;
      const linked = { ...event, integrity: { ...event.integrity, previous_event_hash: previous } };
      linked.integrity.event_hash = computeEventHash(linked);
      return [...done, linked];
    }, []);
    const report = await verifyLines(...chain.reverse().map(lineOf));
    expect(report).toMatchObject({ status: 'valid', events: 3, breaks: [] });

    // By position, a line in another order gives a hash input that cannot match; once told
    // to forget, the reader learns the new order by names.
    const reader = new CompactEventReader();
    reader.read(lineOf(first));
    const moved = lineOf(chain[1]!);
    expect(reader.read(moved)?.hashInput).not.toBe(eventHashInput(chain[1]!));
    reader.forget();
    expect(reader.read(moved)?.hashInput).toBe(eventHashInput(chain[1]!));
  });

  it('does not take a repeated key that JSON.parse would show instead of the hashed one', async () => {
    const line = lineOf(serverEvent());
    for (const forged of [
      line.replace(',"integrity":', ',"action":"document.deleted","integrity":'),
      line.replace(',"resource":', ',"action":"document.deleted","resource":'),
    ]) {
      expect((JSON.parse(forged) as AuditEvent).action).toBe('document.deleted');
      // Twice: the second line is read by position, after the first taught the order.
      const report = await verifyLines(line, forged);
      expect(report.problem?.message).toBe('line 2: duplicate key "action" in event');
    }
  });

  it('leaves a number JSON.parse would round to the general path, even when its hash matches', async () => {
    const event = serverEvent({ metadata: { big: '§' } });
    const forged = hashedWithRaw(event, '§', '9007199254740993');
    expect(new CompactEventReader().read(forged)).toBeNull();
    const report = await verifyLines(forged);
    expect(report.problem?.message).toBe(
      'line 1: number 9007199254740993 at event.metadata.big is beyond 2^53 (JSON.parse would round it)',
    );
  });

  it('leaves a number with an exponent to the general path', async () => {
    const event = serverEvent({ metadata: { huge: '§' } });
    const forged = hashedWithRaw(event, '§', '1e400');
    expect(new CompactEventReader().read(forged)).toBeNull();
    expect((await verifyLines(forged)).status).toBe('unusable');
  });

  it('names a previous_event_hash of another form, hashed as it stands, on its line', async () => {
    const event = serverEvent({
      integrity: { event_hash: '', previous_event_hash: 'F'.repeat(64), sequence: 2 },
    });
    const report = await verifyLines(lineOf(event));
    expect(report.problem?.message).toBe(
      'line 1: event.integrity.previous_event_hash must be 64 lowercase hex digits or null',
    );
  });

  it('leaves other forms of the line to the general path, which accepts them', async () => {
    const event = serverEvent({
      integrity: { event_hash: '', previous_event_hash: null, sequence: 1 },
    });
    const line = lineOf(event);
    const integrityReordered = line.replace(
      /"integrity":\{"event_hash":("[0-9a-f]{64}"),"previous_event_hash":null,"sequence":1\}/,
      '"integrity":{"sequence":1,"previous_event_hash":null,"event_hash":$1}',
    );
    for (const other of [
      integrityReordered,
      JSON.stringify(event, null, 1).replaceAll('\n', ''),
      ` ${line}`,
    ]) {
      expect(new CompactEventReader().read(other)).toBeNull();
      expect(await verifyLines(other)).toMatchObject({ status: 'valid', events: 1 });
    }
  });
});
