import { describe, expect, it } from 'vitest';
import { from, listAll, write } from './alertsSetup.js';
import { startHarness } from './harness.js';

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
