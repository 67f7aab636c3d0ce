// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM scripts without types
import { buildPackage } from '../scripts/build.mjs';
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

  it('starts the built entry with "use client" and ships the stylesheet', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-react-build-'));
    try {
      await buildPackage({ outdir: out, types: false });
      const entry = fs.readFileSync(path.join(out, 'index.js'), 'utf8');
      expect(entry.startsWith('"use client";')).toBe(true);
      expect(entry).not.toMatch(/imk_[A-Za-z0-9_-]{16,}/);
      expect(fs.readFileSync(path.join(out, 'styles.css'), 'utf8')).toContain('--imv-bg');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
