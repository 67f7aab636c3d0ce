// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM scripts without types
import { APP_IMPORTS, measureBundle } from '../scripts/measureBundle.mjs';
import budget from '../size-budget.json';

describe('the published bundle', () => {
  it('does not let <AuditLog /> with its provider and client (react-query, react-table, react-virtual, date-fns, CSS) grow past its budget', async () => {
    const size = (await measureBundle(APP_IMPORTS)) as { gzip: number; min: number };
    const kB = (n: number) => (n / 1024).toFixed(1);
    console.log(
      `<AuditLog />: ${kB(size.min)} kB min, ${kB(size.gzip)} kB min+gzip (limit ${kB(budget.limit)} kB, target ${kB(budget.target)} kB)`,
    );
    expect(size.gzip).toBeGreaterThan(10 * 1024); // it did bundle the dependencies
    expect(size.gzip).toBeLessThanOrEqual(budget.limit);
  });
});
