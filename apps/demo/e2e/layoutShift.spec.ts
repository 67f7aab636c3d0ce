import { expect, test } from './fixtures.js';

declare global {
  interface Window {
    /** The first row's top, each time it changed while the page loaded. */
    rowTops?: number[];
  }
}

// A wide window, where the toolbar takes two lines once the badge says "Verified: …": while it
// said "Verifying…" everything fitted on one, and the rows moved up 48 px and back down.
test('the rows stay where they first painted while the filters, toolbar and verify badge come in', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.addInitScript(() => {
    const tops: number[] = (window.rowTops = []);
    new MutationObserver(() => {
      const row = document.querySelector('[data-event-id]');
      const top = row && Math.round(row.getBoundingClientRect().top);
      if (typeof top === 'number' && tops.at(-1) !== top) tops.push(top);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.goto('/audit-log');
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  await expect(page.getByText('Receipt', { exact: true })).toBeVisible();
  const tops = (await page.evaluate(() => window.rowTops)) ?? [];
  expect(tops.length).toBeGreaterThan(0);
  const moved = Math.max(...tops.map((top) => Math.abs(top - tops[0]!)));
  expect(moved, `the first row's tops: ${tops.join(', ')}`).toBeLessThanOrEqual(4);
});
