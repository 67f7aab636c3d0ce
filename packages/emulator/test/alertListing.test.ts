import { describe, expect, it } from 'vitest';
import { from, listAll, write, type Ev } from './alertsSetup.js';
import { startHarness, type Harness } from './harness.js';

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
