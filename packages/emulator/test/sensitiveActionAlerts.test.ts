import { describe, expect, it } from 'vitest';
import { listAll, write } from './alertsSetup.js';
import { startHarness } from './harness.js';

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
