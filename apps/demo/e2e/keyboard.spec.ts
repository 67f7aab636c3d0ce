import type { Locator, Page } from '@playwright/test';
import { eventRows, expect, rowsLoaded, test } from './fixtures.js';

/** Presses Tab until `reached()` says focus got there (at most `max` times). */
async function tabUntil(page: Page, reached: () => Promise<boolean>, max = 40): Promise<void> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await reached()) return;
  }
  throw new Error(`Focus did not reach the target in ${max} Tab presses.`);
}

const isFocused = (locator: Locator) => () =>
  locator.evaluate((el) => el === document.activeElement);

const focusedEventId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);

test('the audit log works by keyboard alone: filters, table, drawer and back', async ({ page }) => {
  await page.goto('/audit-log');
  await rowsLoaded(page);

  // Tab from the top of the page into the filters and search.
  const search = page.getByRole('combobox', { name: 'Search', exact: true });
  await tabUntil(page, isFocused(search));
  await page.keyboard.type('Sarah');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]imv\.search=Sarah/);
  const rows = await rowsLoaded(page);
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/sarah/i);

  // On to the table: it is one tab stop, its first row.
  await tabUntil(page, async () => (await focusedEventId(page)) !== null);
  const ids = await eventRows(page).evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-event-id')),
  );
  expect(await focusedEventId(page)).toBe(ids[0]);

  // Arrows move between rows.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focusedEventId(page)).toBe(ids[2]);
  await page.keyboard.press('ArrowUp');
  expect(await focusedEventId(page)).toBe(ids[1]);

  // Enter opens the drawer with focus inside; Esc closes it and focus returns to the row.
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Event details' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(ids[1]!, { exact: true })).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect.poll(() => focusedEventId(page)).toBe(ids[1]);
});
