import { afterEach, describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

type Ev = {
  id: string;
  action: string;
  resource_id: string | null;
  created_at: string;
  integrity: { sequence: number };
};

async function write(h: Harness, ...payloads: Record<string, unknown>[]): Promise<Ev[]> {
  const res = await h.call('POST', '/events/batch', { body: { events: payloads } });
  expect(res.status).toBe(201);
  return res.body.data;
}

async function ids(h: Harness, query: string): Promise<string[]> {
  const res = await h.call('GET', `/events?limit=100&${query}`);
  expect(res.status).toBe(200);
  return res.body.data.map((e: Ev) => e.resource_id);
}

describe('GET /events filters', () => {
  it('filters by each equality field', async () => {
    h = startHarness();
    for (const p of [
      payload({
        resource_id: 'r1',
        actor_id: 'alice',
        tenant_id: 'A',
        session_id: 's1',
        resource: 'document',
      }),
      payload({
        resource_id: 'r2',
        actor_id: 'bob',
        tenant_id: 'A',
        session_id: 's2',
        resource: 'invoice',
      }),
      payload({
        resource_id: 'r3',
        actor_id: 'bob',
        tenant_id: 'B',
        session_id: 's1',
        resource: 'document',
      }),
    ]) {
      h.clock.now += 1000;
      await write(h, p);
    }
    expect(await ids(h, 'actor_id=bob')).toEqual(['r3', 'r2']);
    expect(await ids(h, 'tenant_id=A')).toEqual(['r2', 'r1']);
    expect(await ids(h, 'session_id=s1')).toEqual(['r3', 'r1']);
    expect(await ids(h, 'resource=invoice')).toEqual(['r2']);
    expect(await ids(h, 'resource_id=r1')).toEqual(['r1']);
    expect(await ids(h, 'actor_id=bob&tenant_id=B')).toEqual(['r3']);
  });

  it('ignores an empty parameter', async () => {
    h = startHarness();
    await write(h, payload({ resource_id: 'r1' }));
    expect(await ids(h, 'actor_id=&action=')).toEqual(['r1']);
  });

  it('matches action globs on the whole value, case-sensitively, with only * special', async () => {
    h = startHarness();
    await write(
      h,
      payload({ resource_id: 'created', action: 'document.created' }),
      payload({ resource_id: 'deleted', action: 'document.deleted' }),
      payload({ resource_id: 'user', action: 'user.deleted' }),
      payload({ resource_id: 'upper', action: 'Document.created' }),
      payload({ resource_id: 'q', action: 'doc?ument.x' }),
    );
    expect(await ids(h, 'action=document.*')).toEqual(['deleted', 'created']);
    expect(await ids(h, 'action=*.deleted')).toEqual(['user', 'deleted']);
    expect(await ids(h, 'action=document')).toEqual([]);
    expect(await ids(h, 'action=' + encodeURIComponent('doc?ument.*'))).toEqual(['q']);
    expect(await ids(h, 'action=*')).toHaveLength(5);
  });

  it('requires target_type and target_id to match the same target', async () => {
    h = startHarness();
    await write(
      h,
      payload({ resource_id: 'both', targets: [{ type: 'team', id: 't1' }] }),
      payload({
        resource_id: 'split',
        targets: [
          { type: 'team', id: 't2' },
          { type: 'folder', id: 't1' },
        ],
      }),
    );
    expect(await ids(h, 'target_type=team&target_id=t1')).toEqual(['both']);
    expect(await ids(h, 'target_type=team')).toEqual(['split', 'both']);
    expect(await ids(h, 'target_id=t1')).toEqual(['split', 'both']);
  });

  it('searches case-insensitive substrings; every word must match somewhere', async () => {
    h = startHarness();
    await write(
      h,
      payload({
        resource_id: 'a',
        actor_name: 'Sarah Chen',
        resource_name: 'Q4 Report',
        metadata: { deep: { list: [{ note: 'Quarterly Numbers' }] }, n: 1024 },
      }),
      payload({
        resource_id: 'b',
        actor_name: 'Marcus Webb',
        targets: [{ type: 'team', id: 'team_x', name: 'Engineering' }],
        metadata: { secretkey: 'value' },
      }),
    );
    expect(await ids(h, 'search=sarah')).toEqual(['a']);
    expect(await ids(h, 'search=CHEN%20report')).toEqual(['a']);
    expect(await ids(h, 'search=chen%20engineering')).toEqual([]);
    expect(await ids(h, 'search=quarterly')).toEqual(['a']);
    expect(await ids(h, 'search=1024')).toEqual(['a']);
    expect(await ids(h, 'search=ngineer')).toEqual(['b']);
    expect(await ids(h, 'search=q4')).toEqual(['a']);
    // metadata keys are not searched, only values
    expect(await ids(h, 'search=secretkey')).toEqual([]);
    expect(await ids(h, 'search=deep')).toEqual([]);
  });

  it('treats search text literally (no LIKE or FTS syntax)', async () => {
    h = startHarness();
    await write(
      h,
      payload({ resource_id: 'pct', resource_name: '100% done' }),
      payload({ resource_id: 'plain', resource_name: '100 done' }),
    );
    expect(await ids(h, 'search=' + encodeURIComponent('0%'))).toEqual(['pct']);
    expect(await ids(h, 'search=' + encodeURIComponent('"done" OR'))).toEqual([]);
  });

  it('applies from/to inclusively, with a date meaning a whole day in to and a second in to without fractions', async () => {
    h = startHarness();
    const at = (iso: string) => Date.parse(iso);
    const times = [
      '2026-03-01T23:59:59.999Z',
      '2026-03-02T00:00:00.000Z',
      '2026-03-02T12:00:00.500Z',
      '2026-03-02T23:59:59.999Z',
      '2026-03-03T00:00:00.000Z',
    ];
    for (const [i, t] of times.entries()) {
      h.clock.now = at(t);
      await write(h, payload({ resource_id: `t${i}` }));
    }
    expect(await ids(h, 'from=2026-03-02&to=2026-03-02')).toEqual(['t3', 't2', 't1']);
    expect(await ids(h, 'from=2026-03-02T12:00:00.500Z')).toEqual(['t4', 't3', 't2']);
    expect(await ids(h, 'to=2026-03-02T12:00:00Z')).toEqual(['t2', 't1', 't0']);
    expect(await ids(h, 'to=2026-03-02T12:00:00.499Z')).toEqual(['t1', 't0']);
    expect(await ids(h, 'from=2026-03-02T13:00:00%2B01:00&to=2026-03-02T12:00:00.500')).toEqual([
      't2',
    ]);
  });

  it('refuses unparseable dates and from after to, naming the field', async () => {
    h = startHarness();
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2026-02-30', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'from'],
    ] as const) {
      const res = await h.call('GET', `/events?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors).toHaveProperty(field);
    }
  });

  it('refuses a limit outside 1..100 or not an integer', async () => {
    h = startHarness();
    for (const limit of ['0', '101', '1.5', 'ten', '-1']) {
      const res = await h.call('GET', `/events?limit=${limit}`);
      expect(res.status).toBe(422);
      expect(res.body.errors).toHaveProperty('limit');
    }
  });
});

describe('GET /events order and cursor paging', () => {
  it('returns newest first by created_at, then sequence, then id', async () => {
    h = startHarness();
    await write(
      h,
      payload({ resource_id: 'a1', tenant_id: 'A' }),
      payload({ resource_id: 'a2', tenant_id: 'A' }),
      payload({ resource_id: 'b1', tenant_id: 'B' }),
    );
    h.clock.now += 1;
    await write(h, payload({ resource_id: 'later', tenant_id: 'B' }));
    // same created_at: a2 (sequence 2) before a1 and b1 (sequence 1; then id desc)
    const list = await ids(h, '');
    expect(list[0]).toBe('later');
    expect(list[1]).toBe('a2');
    expect(new Set(list.slice(2))).toEqual(new Set(['a1', 'b1']));
  });

  it('visits every matching event exactly once across pages, even while events are written', async () => {
    h = startHarness();
    const written = await write(
      h,
      ...Array.from({ length: 95 }, (_, i) =>
        payload({ resource_id: `r${i}`, tenant_id: i % 2 ? 'A' : 'B' }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.call('GET', `/events?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((e: Ev) => e.id));
      expect(res.body.pagination.has_more).toBe(res.body.pagination.next_cursor !== null);
      cursor = res.body.pagination.next_cursor;
      pages++;
      // New events arrive between pages, at the same millisecond and later.
      await write(h, payload({ resource_id: `new${pages}`, tenant_id: pages % 2 ? 'A' : 'B' }));
      h.clock.now += pages % 3 === 0 ? 1 : 0;
    } while (cursor);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(95);
    expect(new Set(seen)).toEqual(new Set(written.map((e) => e.id)));
  });

  it('says has_more false with a null cursor on the last page', async () => {
    h = startHarness();
    await write(h, payload(), payload());
    const res = await h.call('GET', '/events?limit=2');
    expect(res.body.pagination).toEqual({ has_more: false, next_cursor: null });
  });

  it('refuses a malformed cursor and a cursor issued for other filters', async () => {
    h = startHarness();
    await write(h, payload({ actor_id: 'a' }), payload({ actor_id: 'a' }));
    const bad = await h.call('GET', '/events?cursor=not-a-cursor');
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty('cursor');
    const first = await h.call('GET', '/events?limit=1&actor_id=a');
    const cursor = first.body.pagination.next_cursor as string;
    const other = await h.call('GET', `/events?limit=1&actor_id=b&cursor=${cursor}`);
    expect(other.status).toBe(422);
    expect(other.body.errors).toHaveProperty('cursor');
  });
});
