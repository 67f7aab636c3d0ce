import AxeBuilder from '@axe-core/playwright';
import {
  USERS,
  columnTexts,
  eventRows,
  expect,
  rowsLoaded,
  saveScreenshot,
  signInAs,
  test,
} from './fixtures.js';

/** Presses a control from the keyboard: focus it, then Enter, as Tab and Enter would. */
async function pressByKeyboard(page: import('@playwright/test').Page, name: string | RegExp) {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

// Acme (Aisha): the documents test writes to Acme too, so nothing here counts Acme's events.
test('a power user’s session by keyboard: a query, a saved view, a live event, a diff', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/audit-log');
  await signInAs(page, USERS.aisha.name);
  await rowsLoaded(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // A query: `/` focuses it, Enter applies it, and it is in the address.
  await page.keyboard.press('/');
  const query = page.getByRole('combobox', { name: 'Search' });
  await expect(query).toBeFocused();
  await page.keyboard.type('action:document.*');
  await page.keyboard.press('Escape'); // closes the suggestions
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);
  await rowsLoaded(page);
  await expect
    .poll(async () => (await columnTexts(page, 'action')).every((a) => a.startsWith('document.')))
    .toBe(true);

  // Save it as a view.
  await pressByKeyboard(page, /^Views/);
  await expect(page.getByRole('region', { name: 'Saved views' })).toBeVisible(); // loads on open
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name of this view')).toBeFocused();
  await page.keyboard.type('Documents only');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Apply view Documents only' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Reload, clear the filters, apply the view again.
  await page.reload();
  await rowsLoaded(page);
  await pressByKeyboard(page, 'Clear filters');
  await expect(page).not.toHaveURL(/imv\.action=/);
  await pressByKeyboard(page, /^Views \(1\)/);
  await pressByKeyboard(page, 'Apply view Documents only');
  await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);
  await rowsLoaded(page);

  // A new event arrives (a document created through the app's backend) and shows on request.
  const name = `Live doc ${Date.now().toString(36)}`;
  const created = await fetch(`${process.env.DEMO_BACKEND_URL}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: USERS.aisha.id, action: 'create', name, folder: 'Finance' }),
  });
  expect(created.status).toBe(201);
  await expect(page.getByText('1 new event')).toBeVisible({ timeout: 30_000 });
  await expect(eventRows(page).first()).not.toContainText(name);
  await pressByKeyboard(page, 'Show');
  await expect(eventRows(page).first()).toContainText(name);

  // An update's diff: query role changes, open the first with Enter.
  await page.keyboard.press('/');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('action:user.role_changed');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await rowsLoaded(page);
  await expect(eventRows(page).first()).toContainText('1 field changed');
  await eventRows(page).first().focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Event details' });
  const diff = drawer.getByRole('table', { name: '1 field changed' });
  await expect(diff.getByRole('row', { name: /role changed/ })).toContainText('member');
  await saveScreenshot(page, 'power-user-diff');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('a saved view’s link opens the log with its filters, hidden columns and mode', async ({
  page,
}) => {
  await page.goto('/audit-log?imv.action=auth.*&imv.hide=targets,location&imv.mode=infinite');
  await signInAs(page, USERS.aisha.name);
  await rowsLoaded(page);
  await expect
    .poll(async () => (await columnTexts(page, 'action')).every((a) => a.startsWith('auth.')))
    .toBe(true);
  await expect(page.getByRole('columnheader', { name: 'Targets' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Location' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0); // infinite: no pager
});
