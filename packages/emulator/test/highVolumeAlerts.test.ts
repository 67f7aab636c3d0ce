import { describe, expect, it } from 'vitest';
import { listAll, write, type Ev } from './alertsSetup.js';
import { payload, startHarness } from './harness.js';

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
