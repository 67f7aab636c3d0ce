import { describe, expect, it } from 'vitest';
import { payload, startHarness, type Harness } from './harness.js';

type Alert = {
  id: string;
  rule_type: string;
  reason: string;
  severity: string;
  event_id: string;
  actor_id: string;
  tenant_id: string | null;
  created_at: string;
};
type Ev = { id: string; actor_id: string; tenant_id: string | null; created_at: string };

async function write(h: Harness, overrides: Record<string, unknown> = {}): Promise<Ev> {
  const res = await h.call('POST', '/events', { body: payload(overrides) });
  expect(res.status).toBe(201);
  return res.body.data as Ev;
}

function from(country: string | null, overrides: Record<string, unknown> = {}) {
  return { context: { ip_address: '203.0.113.7', user_agent: null, country }, ...overrides };
}

/** Every alert (newest first), following cursors at the given page size. */
async function listAll(h: Harness, query = '', limit = 100, auth?: string): Promise<Alert[]> {
  const out: Alert[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path = `/alerts?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await h.call('GET', path, auth === undefined ? {} : { auth });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    expect(res.body.pagination.has_more).toBe(res.body.pagination.next_cursor !== null);
    out.push(...(res.body.data as Alert[]));
    cursor = res.body.pagination.next_cursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return out;
}

describe('new_country (medium)', () => {
  it("raises nothing for an actor's first country", async () => {
    const h = startHarness();
    await write(h, from('DE'));
    await write(h, from('DE'));
    expect(await listAll(h)).toEqual([]);
    await h.emulator.close();
  });

  it('raises one medium alert when the actor acts from a second country', async () => {
    const h = startHarness();
    await write(h, from('DE'));
    h.clock.now += 5000;
    const second = await write(h, from('FR'));
    const alerts = await listAll(h);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule_type: 'new_country',
      severity: 'medium',
      event_id: second.id,
      actor_id: 'user_1',
      tenant_id: 'org_a',
      created_at: second.created_at,
    });
    await h.emulator.close();
  });

  it('raises nothing when the actor returns to a country already seen', async () => {
    const h = startHarness();
    await write(h, from('DE'));
    const fr = await write(h, from('FR'));
    await write(h, from('DE'));
    await write(h, from('FR'));
    const alerts = await listAll(h);
    expect(alerts.map((a) => a.event_id)).toEqual([fr.id]);
    await h.emulator.close();
  });

  it('skips events without a country', async () => {
    const h = startHarness();
    await write(h, from('DE'));
    await write(h, { context: null });
    await write(h, { context: { ip_address: '198.51.100.1' } });
    await write(h, from(null));
    expect(await listAll(h)).toEqual([]);
    const fr = await write(h, from('FR'));
    expect((await listAll(h)).map((a) => a.event_id)).toEqual([fr.id]);
    await h.emulator.close();
  });

  it('does not count a country-less first event as a first country', async () => {
    const h = startHarness();
    await write(h, { context: null });
    await write(h, from('DE'));
    expect(await listAll(h)).toEqual([]);
    await h.emulator.close();
  });

  it('tracks countries per tenant and per actor', async () => {
    const h = startHarness();
    await write(h, from('DE', { tenant_id: 'org_a', actor_id: 'user_1' }));
    await write(h, from('FR', { tenant_id: 'org_b', actor_id: 'user_1' })); // first in org_b
    await write(h, from('FR', { tenant_id: 'org_a', actor_id: 'user_2' })); // first for user_2
    expect(await listAll(h)).toEqual([]);
    const again = await write(h, from('DE', { tenant_id: 'org_b', actor_id: 'user_1' }));
    const alerts = await listAll(h);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ event_id: again.id, tenant_id: 'org_b', actor_id: 'user_1' });
    await h.emulator.close();
  });

  it('raises for events without a tenant with tenant_id null', async () => {
    const h = startHarness();
    await write(h, from('DE', { tenant_id: null }));
    const second = await write(h, from('JP', { tenant_id: null }));
    const alerts = await listAll(h);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule_type: 'new_country',
      event_id: second.id,
      tenant_id: null,
    });
    await h.emulator.close();
  });
});

describe('high_volume (high)', () => {
  it('raises nothing for exactly N events within 60 s', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    for (let i = 0; i < 5; i++) {
      await write(h);
      h.clock.now += 1000;
    }
    expect(await listAll(h, 'rule_type=high_volume')).toEqual([]);
    await h.emulator.close();
  });

  it('raises exactly one high alert, on the event that exceeds N, per actor per window', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    const written: Ev[] = [];
    for (let i = 0; i < 12; i++) {
      written.push(await write(h));
      h.clock.now += 2000;
    }
    const alerts = await listAll(h);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule_type: 'high_volume',
      severity: 'high',
      event_id: written[5]!.id,
      actor_id: 'user_1',
      tenant_id: 'org_a',
      created_at: written[5]!.created_at,
    });
    await h.emulator.close();
  });

  it('counts each actor separately', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    for (let i = 0; i < 10; i++) await write(h, { actor_id: i % 2 ? 'user_2' : 'user_1' });
    expect(await listAll(h)).toEqual([]);
    const sixth = await write(h, { actor_id: 'user_2' });
    const alerts = await listAll(h);
    expect(alerts.map((a) => [a.actor_id, a.event_id])).toEqual([['user_2', sixth.id]]);
    await h.emulator.close();
  });

  it('does not count events older than 60 s', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    // 0, 13, 26, 39, 52, 65 s: at 65 s the first has left the window, so never 6 within 60 s.
    for (let i = 0; i < 6; i++) {
      await write(h);
      h.clock.now += 13_000;
    }
    expect(await listAll(h)).toEqual([]);
    h.clock.now -= 12_000; // 66 s: 13..66 holds six events
    const sixth = await write(h);
    expect((await listAll(h)).map((a) => a.event_id)).toEqual([sixth.id]);
    await h.emulator.close();
  });

  it('raises again in a new window', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    const first: Ev[] = [];
    for (let i = 0; i < 6; i++) first.push(await write(h));
    h.clock.now += 30_000;
    for (let i = 0; i < 3; i++) await write(h); // same window: nothing more
    expect((await listAll(h)).map((a) => a.event_id)).toEqual([first[5]!.id]);
    h.clock.now += 120_000;
    const second: Ev[] = [];
    for (let i = 0; i < 5; i++) second.push(await write(h));
    expect(await listAll(h)).toHaveLength(1);
    second.push(await write(h));
    const alerts = await listAll(h);
    expect(alerts.map((a) => a.event_id)).toEqual([second[5]!.id, first[5]!.id]);
    expect(alerts.every((a) => a.rule_type === 'high_volume' && a.severity === 'high')).toBe(true);
    await h.emulator.close();
  });

  it('raises once for a batch that exceeds N', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    const res = await h.call('POST', '/events/batch', {
      body: { events: Array.from({ length: 8 }, () => payload()) },
    });
    expect(res.status).toBe(201);
    const alerts = await listAll(h);
    expect(alerts.map((a) => [a.rule_type, a.event_id])).toEqual([
      ['high_volume', res.body.data[5].id],
    ]);
    await h.emulator.close();
  });

  it('uses 100 as the default threshold', async () => {
    const h = startHarness();
    const res = await h.call('POST', '/events/batch', {
      body: { events: Array.from({ length: 100 }, () => payload()) },
    });
    expect(res.status).toBe(201);
    expect(await listAll(h)).toEqual([]);
    const extra = await write(h);
    expect((await listAll(h)).map((a) => [a.rule_type, a.event_id])).toEqual([
      ['high_volume', extra.id],
    ]);
    await h.emulator.close();
  });
});

describe('sensitive_action (high)', () => {
  it('raises a high alert for *.deleted by default, matching the whole action case-sensitively', async () => {
    const h = startHarness();
    const hits = [
      await write(h, { action: 'document.deleted' }),
      await write(h, { action: 'a.b.deleted' }),
      await write(h, { action: '.deleted' }),
    ];
    for (const action of [
      'document.deleted_soft',
      'document.Deleted',
      'deleted',
      'document.deleted.undo',
      'document.created',
    ]) {
      await write(h, { action });
    }
    const alerts = await listAll(h);
    expect(alerts.map((a) => a.event_id)).toEqual(hits.map((e) => e.id).reverse());
    expect(alerts.every((a) => a.rule_type === 'sensitive_action' && a.severity === 'high')).toBe(
      true,
    );
    await h.emulator.close();
  });

  it('uses the configured globs instead of the default', async () => {
    const h = startHarness({
      alerts: { sensitiveActions: ['billing.*', 'user.role_changed', 'report.?'] },
    });
    const hits = [
      await write(h, { action: 'billing.refunded' }),
      await write(h, { action: 'billing.' }),
      await write(h, { action: 'user.role_changed' }),
      await write(h, { action: 'report.?' }),
    ];
    for (const action of [
      'xbilling.refunded',
      'Billing.refunded',
      'user.role_changed2',
      'report.x',
      'document.deleted',
    ]) {
      await write(h, { action });
    }
    const alerts = await listAll(h);
    expect(alerts.map((a) => a.event_id)).toEqual(hits.map((e) => e.id).reverse());
    expect(alerts.map((a) => a.rule_type)).toEqual(Array(4).fill('sensitive_action'));
    await h.emulator.close();
  });
});

describe('idempotent replays', () => {
  it('raise no alerts even when the replayed payload would', async () => {
    const h = startHarness();
    const first = await write(h, from('DE', { idempotency_key: 'k1' }));
    const replay = await h.call('POST', '/events', {
      body: payload(from('FR', { idempotency_key: 'k1', action: 'document.deleted' })),
    });
    expect(replay.status).toBe(200);
    expect(replay.body.data.id).toBe(first.id);
    expect(await listAll(h)).toEqual([]);
    await h.emulator.close();
  });

  it('raise no alerts inside a batch, while the new events of the batch do', async () => {
    const h = startHarness();
    await write(h, from('DE', { idempotency_key: 'k1' }));
    const res = await h.call('POST', '/events/batch', {
      body: {
        events: [
          payload(from('FR', { idempotency_key: 'k1', action: 'document.deleted' })),
          payload(from('DE', { idempotency_key: 'k2', action: 'document.deleted' })),
          payload(from('JP', { idempotency_key: 'k2', action: 'document.deleted' })),
        ],
      },
    });
    expect(res.status).toBe(201);
    const fresh = res.body.data[1] as Ev;
    expect(res.body.data[2].id).toBe(fresh.id);
    const alerts = await listAll(h);
    expect(alerts.map((a) => [a.rule_type, a.event_id])).toEqual([['sensitive_action', fresh.id]]);
    await h.emulator.close();
  });

  it('do not count towards high_volume', async () => {
    const h = startHarness({ alerts: { highVolumeThreshold: 5 } });
    for (let i = 0; i < 5; i++) await write(h, { idempotency_key: `k${i}` });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++) {
        const res = await h.call('POST', '/events', {
          body: payload({ idempotency_key: `k${i}` }),
        });
        expect(res.status).toBe(200);
      }
    }
    expect(await listAll(h)).toEqual([]);
    await h.emulator.close();
  });
});

describe('GET /alerts', () => {
  /** Seven alerts: four sensitive_action and three new_country, interleaved, one second apart. */
  async function raiseSeven(h: Harness) {
    const events: Ev[] = [];
    await write(h, from('DE', { actor_id: 'user_c' }));
    for (const [i, country] of ['FR', 'JP', 'US', 'BR'].entries()) {
      h.clock.now += 1000;
      if (i < 3) events.push(await write(h, from(country, { actor_id: 'user_c' })));
      h.clock.now += 1000;
      events.push(await write(h, { action: 'file.deleted', tenant_id: i % 2 ? 'org_b' : 'org_a' }));
    }
    return events; // write order of the alerting events
  }

  it('lists alerts newest first', async () => {
    const h = startHarness();
    const events = await raiseSeven(h);
    const alerts = await listAll(h);
    expect(alerts).toHaveLength(7);
    expect(alerts.map((a) => a.event_id)).toEqual(events.map((e) => e.id).reverse());
    for (let i = 1; i < alerts.length; i++) {
      expect(alerts[i - 1]!.created_at >= alerts[i]!.created_at).toBe(true);
    }
    await h.emulator.close();
  });

  it('returns exactly the documented fields', async () => {
    const h = startHarness();
    const events = await raiseSeven(h);
    const alerts = await listAll(h);
    const byEvent = new Map(events.map((e) => [e.id, e]));
    for (const alert of alerts) {
      expect(Object.keys(alert).sort()).toEqual([
        'actor_id',
        'created_at',
        'event_id',
        'id',
        'reason',
        'rule_type',
        'severity',
        'tenant_id',
      ]);
      const event = byEvent.get(alert.event_id)!;
      expect(event).toBeDefined();
      expect(alert.actor_id).toBe(event.actor_id);
      expect(alert.tenant_id).toBe(event.tenant_id);
      expect(alert.created_at).toBe(event.created_at);
      expect(alert.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(typeof alert.id).toBe('string');
      expect(alert.reason.length).toBeGreaterThan(0);
      expect(alert.severity).toBe(alert.rule_type === 'new_country' ? 'medium' : 'high');
    }
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    await h.emulator.close();
  });

  it('filters by rule_type', async () => {
    const h = startHarness();
    await raiseSeven(h);
    const all = await listAll(h);
    const sensitive = await listAll(h, 'rule_type=sensitive_action');
    const country = await listAll(h, 'rule_type=new_country');
    const volume = await listAll(h, 'rule_type=high_volume');
    expect(sensitive.map((a) => a.rule_type)).toEqual(Array(4).fill('sensitive_action'));
    expect(country.map((a) => a.rule_type)).toEqual(Array(3).fill('new_country'));
    expect(volume).toEqual([]);
    expect(sensitive.map((a) => a.id)).toEqual(
      all.filter((a) => a.rule_type === 'sensitive_action').map((a) => a.id),
    );
    expect(country.map((a) => a.id)).toEqual(
      all.filter((a) => a.rule_type === 'new_country').map((a) => a.id),
    );
    await h.emulator.close();
  });

  it('visits each alert exactly once when paging with cursor and limit', async () => {
    const h = startHarness();
    await raiseSeven(h);
    const all = await listAll(h);
    for (const limit of [1, 2, 3, 6, 7]) {
      const paged = await listAll(h, '', limit);
      expect(
        paged.map((a) => a.id),
        `limit ${limit}`,
      ).toEqual(all.map((a) => a.id));
    }
    const sensitive = await listAll(h, 'rule_type=sensitive_action');
    expect((await listAll(h, 'rule_type=sensitive_action', 3)).map((a) => a.id)).toEqual(
      sensitive.map((a) => a.id),
    );
    await h.emulator.close();
  });

  it('answers the first page with has_more and a cursor when there are more alerts', async () => {
    const h = startHarness();
    await raiseSeven(h);
    const res = await h.call('GET', '/alerts?limit=5');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(5);
    expect(res.body.pagination.has_more).toBe(true);
    expect(typeof res.body.pagination.next_cursor).toBe('string');
    const rest = await h.call(
      'GET',
      `/alerts?limit=5&cursor=${encodeURIComponent(res.body.pagination.next_cursor)}`,
    );
    expect(rest.body.data).toHaveLength(2);
    expect(rest.body.pagination).toEqual({ has_more: false, next_cursor: null });
    await h.emulator.close();
  });

  it('defaults to 25 per page', async () => {
    const h = startHarness();
    for (let i = 0; i < 27; i++) await write(h, { action: 'file.deleted' });
    const res = await h.call('GET', '/alerts');
    expect(res.body.data).toHaveLength(25);
    expect(res.body.pagination.has_more).toBe(true);
    await h.emulator.close();
  });

  it('rejects an unknown rule_type with a 422 naming rule_type', async () => {
    const h = startHarness();
    const res = await h.call('GET', '/alerts?rule_type=brute_force');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_error');
    expect(Object.keys(res.body.errors)).toEqual(['rule_type']);
    await h.emulator.close();
  });

  it('rejects limit 0, 101 and abc with a 422 naming limit, and a malformed cursor naming cursor', async () => {
    const h = startHarness();
    for (const limit of ['0', '101', 'abc']) {
      const res = await h.call('GET', `/alerts?limit=${limit}`);
      expect(res.status, limit).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual(['limit']);
    }
    const res = await h.call('GET', '/alerts?cursor=not-a-cursor');
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['cursor']);
    await h.emulator.close();
  });

  it("shows a viewer only its tenant's alerts, and an actor-scoped viewer only its actor's", async () => {
    const h = startHarness();
    await raiseSeven(h);
    const all = await listAll(h);
    const orgB = await listAll(h, '', 100, await h.viewer('org_b'));
    expect(orgB.map((a) => a.id)).toEqual(
      all.filter((a) => a.tenant_id === 'org_b').map((a) => a.id),
    );
    expect(orgB.length).toBeGreaterThan(0);
    const userC = await listAll(h, '', 100, await h.viewer('org_a', 'user_c'));
    expect(userC.map((a) => a.id)).toEqual(
      all.filter((a) => a.tenant_id === 'org_a' && a.actor_id === 'user_c').map((a) => a.id),
    );
    expect(userC.map((a) => a.rule_type)).toEqual(Array(3).fill('new_country'));
    await h.emulator.close();
  });
});
