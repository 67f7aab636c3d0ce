import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeEventHash, type AuditEvent } from '../src/index.js';
import { verifyExport, type Checkpoint } from '../src/offline/index.js';
import {
  RECEIPT_TENANT,
  chainIndexes,
  makeRealExports,
  piecesOf,
  positionOf,
  rehash,
  rewriteTail,
  serialize,
  type RealExports,
} from './offlineExportFixtures.js';

let real: RealExports;
let chain: number[];
beforeAll(async () => {
  real = await makeRealExports();
  chain = chainIndexes(real.events, RECEIPT_TENANT);
});
afterAll(() => real.stop());

const copy = () => structuredClone(real.events);

describe.each(['json', 'ndjson'] as const)('verifyExport on a tampered %s export', (format) => {
  const verify = (events: AuditEvent[], checkpoint?: Checkpoint) =>
    verifyExport(piecesOf(serialize(events, format), 1000), { checkpoint });

  it('names an edited field as hash_mismatch on that event, at its line or index', async () => {
    const events = copy();
    const at = chain[20]!;
    const edited = events[at]!;
    edited.metadata = { ...edited.metadata, amount: 1 };
    const report = await verify(events);
    expect(report.status).toBe('broken');
    expect(report.breaks).toEqual([
      {
        type: 'hash_mismatch',
        event_id: edited.id,
        tenant_id: RECEIPT_TENANT,
        sequence: edited.integrity.sequence,
        expected: computeEventHash(edited),
        actual: real.events[at]!.integrity.event_hash,
        ...positionOf(at, format),
      },
    ]);
  });

  it("names an edit whose hash was recomputed as chain_mismatch on the next event's link", async () => {
    const events = copy();
    const at = chain[20]!;
    const next = chain[19]!; // newest first: the next event of the chain is listed before it
    events[at]!.action = 'document.forged';
    const forged = rehash(events[at]!).integrity.event_hash;
    const report = await verify(events);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        type: 'chain_mismatch',
        event_id: events[next]!.id,
        sequence: events[at]!.integrity.sequence + 1,
        expected: forged,
        actual: real.events[at]!.integrity.event_hash,
        ...positionOf(next, format),
      }),
    ]);
  });

  it('names a deleted line as sequence_gap on the event after it', async () => {
    const events = copy();
    const at = chain[30]!;
    const sequence = events[at]!.integrity.sequence;
    events.splice(at, 1);
    const report = await verify(events);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        type: 'sequence_gap',
        event_id: events[chain[29]!]!.id,
        sequence: sequence + 1,
        expected: String(sequence),
        actual: String(sequence + 1),
        ...positionOf(chain[29]!, format),
      }),
    ]);
  });

  it('names swapped lines as out_of_order on the line moved down; the chain still links', async () => {
    const events = copy();
    const [newer, older] = [chain[10]!, chain[11]!];
    [events[newer], events[older]] = [events[older]!, events[newer]!];
    const report = await verify(events);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        type: 'out_of_order',
        event_id: real.events[newer]!.id,
        expected: String(real.events[older]!.integrity.sequence),
        actual: String(real.events[newer]!.integrity.sequence),
        ...positionOf(older, format),
      }),
    ]);
  });

  it('names events that swapped places in the chain, hashes recomputed, by the broken link', async () => {
    const events = copy();
    const [newer, older] = [events[chain[10]!]!, events[chain[11]!]!];
    // The older event takes the newer one's place and sequence, and the other way round.
    const olderSequence = older.integrity.sequence;
    older.integrity.sequence = olderSequence + 1;
    newer.integrity.sequence = olderSequence;
    newer.integrity.previous_event_hash = older.integrity.previous_event_hash;
    older.integrity.previous_event_hash = rehash(newer).integrity.event_hash;
    rehash(older);
    [events[chain[10]!], events[chain[11]!]] = [older, newer];
    const report = await verify(events);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        type: 'chain_mismatch',
        event_id: events[chain[9]!]!.id,
        sequence: olderSequence + 2,
        expected: older.integrity.event_hash,
        actual: real.events[chain[10]!]!.integrity.event_hash,
      }),
    ]);
  });

  it('finds a rewritten tail inconsistent with a receipt taken before, though it links', async () => {
    const at = chain[25]!;
    const events = rewriteTail(real.events, at);
    const alone = await verify(events);
    expect(alone).toMatchObject({ status: 'valid', breaks: [] });
    const report = await verify(events, real.receipt);
    expect(report.status).toBe('broken');
    expect(report.breaks).toEqual([]);
    expect(report.receipt).toMatchObject({
      status: 'inconsistent',
      expected: real.receipt.event,
      actual: {
        id: real.receipt.event!.id,
        sequence: real.receipt.head.sequence,
        event_hash: events[chain[0]!]!.integrity.event_hash,
        ...positionOf(chain[0]!, format),
      },
    });
    expect(report.receipt!.message).toContain(`At sequence ${real.receipt.head.sequence}`);
  });

  it("finds the receipt's event at another sequence inconsistent", async () => {
    const second = real.events[chain[1]!]!;
    const checkpoint: Checkpoint = {
      ...real.receipt,
      event: { ...real.receipt.event!, id: second.id },
    };
    const report = await verify(copy(), checkpoint);
    expect(report.status).toBe('broken');
    expect(report.receipt).toMatchObject({
      status: 'inconsistent',
      actual: { id: second.id, sequence: second.integrity.sequence },
    });
  });

  it('finds a file missing the newest events only ends_before the receipt', async () => {
    const events = copy();
    events.splice(chain[0]!, 1);
    const report = await verify(events, real.receipt);
    expect(report.status).toBe('valid');
    expect(report.receipt).toMatchObject({ status: 'ends_before' });
  });

  it('finds the receipt inconsistent when its sequence is cut out of the middle', async () => {
    const events = copy();
    const checkpoint: Checkpoint = {
      ...real.receipt,
      event: {
        id: events[chain[5]!]!.id,
        sequence: events[chain[5]!]!.integrity.sequence,
        event_hash: events[chain[5]!]!.integrity.event_hash,
      },
    };
    events.splice(chain[5]!, 1);
    const report = await verify(events, checkpoint);
    expect(report.receipt).toMatchObject({ status: 'inconsistent', actual: null });
    expect(report.breaks.map((b) => b.type)).toEqual(['sequence_gap']);
  });
});
