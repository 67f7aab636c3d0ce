import { describe, expect, it } from 'vitest';
import { hashedObject, jcs, sha256 } from './independentJcs.js';
import { startHarness } from './harness.js';
import { allEvents, verify, writeDataset, type Ev } from './verifyDataset.js';

describe('GET /verify on valid data', () => {
  it('walks every chain, the no-tenant chain included, when the API key gives no tenant_id', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const result = await verify(h);
    expect(result.valid).toBe(true);
    expect(result.breaks).toEqual([]);
    expect(result.events_checked).toBe(written.length);
    expect(result.complete).toBe(true);
    expect(result.next_cursor).toBeNull();
    expect(result.verified_at).toBe(new Date(h.clock.now).toISOString());
    await h.emulator.close();
  });

  it('reports head null when several chains are walked', async () => {
    const h = startHarness();
    await writeDataset(h);
    const result = await verify(h);
    expect(result.head).toBeNull();
    await h.emulator.close();
  });

  it('reports the last event of the chain as head when tenant_id is given', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const orgA = written.filter((e) => e.tenant_id === 'org_a');
    const last = orgA.at(-1)!;
    const result = await verify(h, '?tenant_id=org_a');
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(orgA.length);
    expect(result.head).toEqual({
      sequence: last.integrity.sequence,
      event_hash: last.integrity.event_hash,
    });
    expect(last.integrity.sequence).toBe(orgA.length);
    await h.emulator.close();
  });

  it("walks only a viewer's tenant chain and reports its head", async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const orgB = written.filter((e) => e.tenant_id === 'org_b');
    const last = orgB.at(-1)!;
    const token = await h.viewer('org_b');
    const result = await verify(h, '', token);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(orgB.length);
    expect(result.head).toEqual({
      sequence: last.integrity.sequence,
      event_hash: last.integrity.event_hash,
    });
    await h.emulator.close();
  });

  it('gives a viewer asking for another tenant valid with zero events checked', async () => {
    const h = startHarness();
    await writeDataset(h);
    const token = await h.viewer('org_b');
    const result = await verify(h, '?tenant_id=org_a', token);
    expect(result.valid).toBe(true);
    expect(result.events_checked).toBe(0);
    expect(result.breaks).toEqual([]);
    await h.emulator.close();
  });

  it('returns events whose hashes an independent JCS + SHA-256 reproduces and whose sequences link', async () => {
    const h = startHarness();
    const written = await writeDataset(h);
    const events = await allEvents(h);
    expect(events).toHaveLength(written.length);
    for (const event of events) {
      expect(sha256(jcs(hashedObject(event)))).toBe(event.integrity.event_hash);
    }
    const chains = new Map<string, Ev[]>();
    for (const event of events) {
      const key = event.tenant_id ?? '';
      chains.set(key, [...(chains.get(key) ?? []), event]);
    }
    expect([...chains.keys()].sort()).toEqual(['', 'org_a', 'org_b']);
    for (const chain of chains.values()) {
      chain.sort((x, y) => x.integrity.sequence - y.integrity.sequence);
      chain.forEach((event, i) => {
        expect(event.integrity.sequence).toBe(i + 1);
        expect(event.integrity.previous_event_hash).toBe(
          i === 0 ? null : chain[i - 1]!.integrity.event_hash,
        );
      });
    }
    await h.emulator.close();
  });
});
