import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport, type Checkpoint } from '../src/offline/index.js';
import {
  RECEIPT_TENANT,
  chainIndexes,
  makeRealExports,
  piecesOf,
  serialize,
  type RealExports,
} from './offlineExportFixtures.js';

let real: RealExports;
beforeAll(async () => {
  real = await makeRealExports();
});
afterAll(() => real.stop());

describe.each(['json', 'ndjson'] as const)('verifyExport on a real %s export', (format) => {
  it('finds it valid, with the head of every chain as the server verifies it', async () => {
    const report = await verifyExport(piecesOf(real.text[format]));
    expect(report).toMatchObject({ status: 'valid', format, events: 306, breaks: [] });
    expect(report.problem).toBeNull();
    expect(report.bytes).toBe(Buffer.byteLength(real.text[format]));
    const tenants = report.chains.filter((c) => c.tenant_id !== null);
    expect(tenants.map((c) => [c.tenant_id, c.head.sequence, c.head.event_hash])).toEqual(
      [...real.heads].sort().map(([tenant, head]) => [tenant, head.sequence, head.event_hash]),
    );
    expect(report.chains[0]).toMatchObject({ tenant_id: null, events: 6, first_sequence: 1 });
    expect(report.chains.reduce((n, c) => n + c.events, 0)).toBe(306);
  });

  it('gives the same report read 7 bytes at a time, characters cut apart', async () => {
    const whole = await verifyExport(piecesOf(real.text[format], 1 << 30));
    const pieces = await verifyExport(piecesOf(real.text[format], 7));
    expect(pieces).toEqual(whole);
  });

  it('reads strings as well as bytes', async () => {
    async function* strings() {
      const text = real.text[format];
      for (let i = 0; i < text.length; i += 1000) yield text.slice(i, i + 1000);
    }
    expect((await verifyExport(strings())).status).toBe('valid');
  });

  it("reads a browser file's stream, iterable or not (Safari's is not)", async () => {
    const file = new Blob([real.text[format]]);
    expect((await verifyExport(file.stream())).events).toBe(306);
    const stream = file.stream();
    const readerOnly = { getReader: () => stream.getReader() } as ReadableStream<Uint8Array>;
    expect((await verifyExport(readerOnly)).events).toBe(306);
  });

  it("is consistent with a receipt of the chain taken from the server's verify", async () => {
    const report = await verifyExport(piecesOf(real.text[format]), { checkpoint: real.receipt });
    expect(report.status).toBe('valid');
    expect(report.receipt).toMatchObject({
      status: 'consistent',
      tenant_id: RECEIPT_TENANT,
      expected: real.receipt.event,
      actual: { id: real.receipt.event!.id, event_hash: real.receipt.head.event_hash },
    });
  });

  it('compares the head when the receipt has no event', async () => {
    const checkpoint: Checkpoint = { ...real.receipt, event: null };
    const report = await verifyExport(piecesOf(real.text[format]), { checkpoint });
    expect(report.receipt).toMatchObject({
      status: 'consistent',
      expected: { id: null, ...real.receipt.head },
    });
  });

  it('says ends_before for a receipt taken after the file, and stays valid', async () => {
    const later = real.receipt.head.sequence + 5;
    const checkpoint: Checkpoint = {
      ...real.receipt,
      head: { sequence: later, event_hash: 'a'.repeat(64) },
      event: { id: 'evt_not_yet', sequence: later, event_hash: 'a'.repeat(64) },
    };
    const report = await verifyExport(piecesOf(real.text[format]), { checkpoint });
    expect(report.status).toBe('valid');
    expect(report.receipt).toMatchObject({ status: 'ends_before', actual: null });
    expect(report.receipt!.message).toContain(`ends at sequence ${real.receipt.head.sequence}`);
  });

  it("says starts_after when the file begins after the receipt's event", async () => {
    const chain = chainIndexes(real.events, RECEIPT_TENANT);
    const oldest = real.events[chain.at(-1)!]!;
    const checkpoint: Checkpoint = {
      ...real.receipt,
      event: { id: oldest.id, sequence: 1, event_hash: oldest.integrity.event_hash },
    };
    // A file of a later time range: the chain's ten oldest events are not in it.
    const dropped = new Set(chain.slice(-10));
    const later = real.events.filter((_, i) => !dropped.has(i));
    const report = await verifyExport(piecesOf(serialize(later, format)), { checkpoint });
    expect(report.breaks).toEqual([]);
    expect(report.receipt).toMatchObject({ status: 'starts_after' });
    expect(report.chains.find((c) => c.tenant_id === RECEIPT_TENANT)?.first_sequence).toBe(11);
  });

  it('tells progress in bytes and events as it reads', async () => {
    const seen: Array<{ bytes: number; events: number }> = [];
    await verifyExport(piecesOf(real.text[format], 4096), { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toEqual({ bytes: Buffer.byteLength(real.text[format]), events: 306 });
    expect(seen.every((p, i) => i === 0 || p.bytes > seen[i - 1]!.bytes)).toBe(true);
  });

  it('stops when aborted, rejecting with the reason', async () => {
    const controller = new AbortController();
    const reading = verifyExport(piecesOf(real.text[format], 4096), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.events > 50) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
