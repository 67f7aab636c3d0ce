import { USERS, columnTexts, countEvents, expect, rowsLoaded, signInAs, test } from './fixtures.js';

test('My activity shows only the signed-in user’s own events', async ({ page }) => {
  await page.goto('/my-activity');
  await signInAs(page, USERS.daniel.name);
  await expect(page.getByRole('heading', { level: 1, name: 'My activity' })).toBeVisible();
  await expect(page.getByText(/What you, Daniel Kim, did in Globex/)).toBeVisible();
  await rowsLoaded(page);
  const actors = await columnTexts(page, 'actor');
  expect(actors.length).toBeGreaterThan(0);
  for (const actor of actors) expect(actor).toContain(USERS.daniel.id);
  // No actor filter on a page that only has one actor.
  await expect(page.getByRole('textbox', { name: 'Actor', exact: true })).toHaveCount(0);
  // Listing is scoped to Daniel; verify walks Globex's whole chain (the links need it).
  const mine = await countEvents(USERS.daniel.id, {}, 'me');
  const organisation = await countEvents(USERS.daniel.id, {}, 'organisation');
  expect(mine.count).toBeLessThan(organisation.count);
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toHaveText(
    `Verified: ${organisation.count.toLocaleString('en-US')} events`,
  );
  const next = page
    .getByRole('navigation', { name: 'Pagination' })
    .getByRole('button', { name: 'Next' });
  if (mine.count <= 25) await expect(next).toHaveAttribute('aria-disabled', 'true');
});

test('an alert’s View event opens the event in the drawer, and Esc gives focus back', async ({
  page,
}) => {
  await page.goto('/alerts');
  const list = page.getByRole('list', { name: 'Alerts' });
  await expect(list).toBeVisible();
  const view = list.getByRole('button', { name: 'View event' }).first();
  await view.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Event details' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(/\b[0-9a-f]{64}\b/).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(view).toBeFocused();
});

test('the sidebar moves between pages and marks the current one', async ({ page }) => {
  await page.goto('/audit-log');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Organisation audit log' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await nav.getByRole('link', { name: 'Alerts' }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisation audit log' }),
  ).toBeVisible();
});

test('a page opened while the app is still loading gets focus on its heading once it shows', async ({
  page,
}) => {
  // The app's users answer only when released: until then no page (and no heading) renders.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/users', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/audit-log');
  await expect(page.getByRole('status').filter({ hasText: 'Loading Acme Docs' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Alerts' })
    .click();
  await expect(page).toHaveURL(/\/alerts$/);
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeFocused();
});

test('the time-zone picker changes how the kit shows times', async ({ page }) => {
  await page.goto('/audit-log');
  await rowsLoaded(page);
  await expect(page.getByRole('columnheader', { name: 'Time (local time)' })).toBeVisible();
  await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(page.getByRole('columnheader', { name: 'Time (Asia/Tokyo)' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
});
