import { describe, expect, it } from 'vitest';
import { from, listAll, write, type Ev } from './alertsSetup.js';
import { payload, startHarness } from './harness.js';

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
