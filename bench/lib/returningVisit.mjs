// A returning visitor's first painted rows: the page opened again in a browser profile that has
// seen it before, so its script comes from the HTTP cache with V8's code cache beside it (the
// functions compiled on earlier visits are not compiled again). The cold figure of `pnpm bench`
// is a first visit ever — a fresh context, a no-store script — where compiling the code run
// before the first paint is a large part of the time; this says how large, and what a user who
// comes back (a dashboard's usual reader) waits for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { RETURNING_PATH } from './page.mjs';

/**
 * Visits before the measured one. Chromium makes a script's code cache on its second load (the
 * first only marks it as seen) and uses it from the third, keeping what was compiled by then:
 * each visit mounts, so the mount's functions are in it.
 */
const PRIMING_VISITS = 2;
/** After a mount, for Chromium to write the code cache (it does so once the page is idle). */
const SETTLE_MS = 300;

/**
 * One returning visitor: a new persistent profile (its own disk cache), PRIMING_VISITS visits
 * that mount `variant`, then a measured visit in a new tab.
 * @returns {Promise<{ paintMs: number, firstVisitMs: number }>} the measured visit's mount → painted
 *   rows, and the first visit's (no cache yet) for comparison
 */
export async function returningVisitRun(served, { mode, pageSize, events }, variant) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imv-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
  });
  const visit = async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    try {
      await page.goto(`${served.url}${RETURNING_PATH}`);
      await page.evaluate((n) => window.imvBench.load(n), events);
      const { paintMs } = await page.evaluate((o) => window.imvBench.mount(o), {
        mode,
        pageSize,
        variant,
      });
      await page.waitForTimeout(SETTLE_MS);
      if (errors.length > 0) throw errors[0];
      return paintMs;
    } finally {
      await page.close();
    }
  };
  try {
    const firstVisitMs = await visit();
    for (let i = 1; i < PRIMING_VISITS; i++) await visit();
    return { paintMs: await visit(), firstVisitMs };
  } finally {
    await context.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}
