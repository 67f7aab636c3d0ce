import { describe, expect, it } from 'vitest';
import { computeEventHash } from './computeEventHash.js';
import type { AuditEvent } from '@getimmutable/contract';
import { IntegrityIndex, checkEventOnce } from './IntegrityIndex.js';

/** A chain of `n` events of one tenant, hashed as the server would, newest first (as a page). */
function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let previous: string | null = null;
  for (let sequence = 1; sequence <= n; sequence++) {
    const event: AuditEvent = {
      id: `evt_${sequence}`,
      tenant_id: 'org_acme',
      actor_id: 'user_alice',
      actor_name: null,
      actor_type: null,
      action: 'document.viewed',
      action_category: null,
      resource: 'document',
      resource_id: `doc_${sequence}`,
      resource_name: null,
      targets: [],
      metadata: { n: sequence },
      session_id: null,
      version: null,
      idempotency_key: null,
      context: null,
      created_at: new Date(Date.UTC(2026, 2, 8, 12, sequence)).toISOString(),
      integrity: { event_hash: '', previous_event_hash: previous, sequence },
    };
    event.integrity.event_hash = computeEventHash(event);
    previous = event.integrity.event_hash;
    events.push(event);
  }
  return events.reverse();
}

/** Counts how often an event's content is read for hashing (checkChain never reads metadata). */
function countHashing(events: AuditEvent[]): { reads: number } {
  const counter = { reads: 0 };
  for (const event of events) {
    const metadata = event.metadata;
    Object.defineProperty(event, 'metadata', {
      enumerable: true,
      get: () => {
        counter.reads++;
        return metadata;
      },
    });
  }
  return counter;
}

describe('IntegrityIndex', () => {
  it('gives each event its hash check and its link to a predecessor in the list', () => {
    const index = new IntegrityIndex(chain(3));
    expect(index.size).toBe(3);
    expect(index.get('evt_3')?.hash.status).toBe('valid');
    expect(index.get('evt_3')?.link.status).toBe('linked');
    expect(index.get('evt_1')?.link.status).toBe('linked'); // sequence 1 links to nothing
    expect(index.get('nope')).toBeUndefined();
    expect(index.has('evt_2')).toBe(true);
    expect([...index.keys()]).toEqual(['evt_3', 'evt_2', 'evt_1']);
  });

  it('says unknown for a link whose predecessor is not in the list, and catches an edit', () => {
    const [newest, middle] = chain(3);
    const edited = { ...middle!, action: 'document.deleted' };
    const index = new IntegrityIndex([newest!, edited]);
    expect(index.get('evt_3')?.link.status).toBe('linked');
    expect(index.get('evt_2')?.link.status).toBe('unknown');
    expect(index.get('evt_2')?.hash).toMatchObject({ ok: false, status: 'hash_mismatch' });
  });

  it('hashes an event only when its entry is read, and only once', () => {
    const events = chain(50);
    const hashing = countHashing(events);
    const index = new IntegrityIndex(events);
    expect(hashing.reads).toBe(0);
    index.get('evt_50');
    index.get('evt_50');
    index.has('evt_1'); // indexing the ids does not hash
    expect(hashing.reads).toBe(1);
    expect([...index.values()].every((check) => check.hash.ok)).toBe(true);
    expect(hashing.reads).toBe(50);
    // A new index over the same event objects reuses their hashes.
    new IntegrityIndex(events).forEach(() => {});
    expect(hashing.reads).toBe(50);
  });

  it('keeps the first event of a repeated id, and iterates like a Map', () => {
    const [newest, other] = chain(2);
    const index = new IntegrityIndex([newest!, other!, { ...newest!, action: 'edited' }]);
    expect(index.size).toBe(2);
    expect(index.get('evt_2')?.hash.ok).toBe(true);
    expect(new Map(index).size).toBe(2);
    expect([...index.entries()].map(([id]) => id)).toEqual(['evt_2', 'evt_1']);
  });
});

describe('checkEventOnce', () => {
  it('remembers the check per event object', () => {
    const [event] = chain(1);
    expect(checkEventOnce(event!)).toBe(checkEventOnce(event!));
    expect(checkEventOnce({ ...event! })).not.toBe(checkEventOnce(event!));
    expect(checkEventOnce({ ...event! })).toEqual(checkEventOnce(event!));
  });
});
