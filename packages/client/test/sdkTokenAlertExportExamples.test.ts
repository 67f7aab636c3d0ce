import { describe, expect, it } from 'vitest';
import { client, printed } from './sdkExamplesSetup.js';

describe('the seed’s examples, in TypeScript, against the emulator', () => {
  it('mints a viewer token', async () => {
    printed.length = 0;
    // #region viewer-tokens
    const token = await client.createViewerToken({
      tenant_id: 'org_7rT2xBc',
      actor_id: 'user_2hG9kLm',
      ttl: 7200, // 2 hours (min: 60, max: 86400)
    });
    console.log(token.token); // JWT string
    console.log(token.expires_at); // Unix timestamp (integer)
    // #endregion viewer-tokens
    expect(printed[0]!.split('.')).toHaveLength(3);
    expect(Number(printed[1])).toBeGreaterThan(Date.now() / 1000 + 7000);
  });

  it('lists alerts and pages them', async () => {
    await client.trackBatch([
      { actor_id: 'user_2hG9kLm', action: 'login', context: { country: 'DE' } },
      { actor_id: 'user_2hG9kLm', action: 'login', context: { country: 'FR' } },
    ]);
    printed.length = 0;
    // #region alerts
    const alerts = await client.getAlerts({
      rule_type: 'new_country',
      limit: 25,
    });
    for (const alert of alerts.data) {
      console.log(`${alert.rule_type}: ${alert.reason}`);
    }

    // Paginate
    if (alerts.pagination.has_more) {
      const nextPage = await client.getAlerts({
        cursor: alerts.pagination.next_cursor!,
      });
      console.log(nextPage.data.length);
    }
    // #endregion alerts
    expect(printed).toEqual([expect.stringMatching(/^new_country: /)]);
  });

  it('creates an export and polls it to completion', async () => {
    printed.length = 0;
    // #region exports
    // Create export
    const exp = await client.createExport({
      actor_id: 'user_2hG9kLm',
      from_date: '2026-03-01T00:00:00Z',
    });

    // Poll for completion
    for (;;) {
      const status = await client.getExport(exp.data.id);
      if (status.data.status === 'completed') {
        console.log(`Download: ${status.data.download_url}`);
        break;
      } else if (status.data.status === 'failed') {
        console.log(`Error: ${status.data.error_message}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    // #endregion exports
    expect(printed).toEqual([
      expect.stringMatching(
        /^Download: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/exports\/exp_\w+\/download\?/,
      ),
    ]);
  });
});
