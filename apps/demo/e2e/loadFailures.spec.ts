/**
 * The parts of the log whose code loads on demand, when that code cannot load: as for a tab left
 * open across a deploy that removed the old files, or a network that dropped. Playwright's
 * routing aborts the requests for one of the app's script files.
 */
import type { Page } from '@playwright/test';
import { eventRows, expect, rowsLoaded, saveScreenshot, test } from './fixtures.js';

/** Every request for the app's script files that match fails, as if the network had dropped. */
const dropScripts = (page: Page, files: RegExp) =>
  page.route(files, (route) => route.abort('internetdisconnected'));

// The columns panel: the demo's drawer is in its main chunk (its Documents page imports the
// drawer), so the panel is the part here whose own file can go missing.
test('a panel opened after its file went missing says it could not load, and the log stays', async ({
  page,
}) => {
  await dropScripts(page, /\/assets\/ColumnsPanel-[^/]+\.js$/);
  await page.goto('/audit-log');
  await rowsLoaded(page);
  const columns = page.getByRole('button', { name: 'Columns' });
  await columns.click();
  const alert = page.getByRole('alert').filter({ hasText: 'This panel could not load' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeFocused();
  await saveScreenshot(page, 'panel-load-failed', { fullPage: false });
  // The app and its log are still there, and Close gives focus back to the button.
  await expect(eventRows(page)).toHaveCount(25);
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
  await expect(columns).toBeFocused();
});

test('when the integrity checks cannot load, every row says it is not checked', async ({
  page,
}) => {
  await dropScripts(page, /\/assets\/integrityIndex-[^/]+\.js$/);
  await page.goto('/audit-log');
  await rowsLoaded(page);
  const notChecked = page.getByRole('img', {
    name: 'Not checked: the integrity checks could not load. Reload the page to check.',
  });
  await expect(notChecked).toHaveCount(await eventRows(page).count());
  await expect(page.getByRole('img', { name: 'Verifying…' })).toHaveCount(0);
});
