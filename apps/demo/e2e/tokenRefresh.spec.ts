import { columnTexts, expect, openFilteredLog, rowsLoaded, test } from './fixtures.js';

// The backend mints 60-second tokens for the tests; the client asks for a new one when fewer
// than 30 seconds remain. The page's clock is moved forward instead of waiting.
test('a short-lived viewer token is refreshed without losing the filters', async ({ page }) => {
  await page.clock.install();
  const tokenRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/viewer-token')
      tokenRequests.push(request.postData() ?? '');
  });

  await openFilteredLog(page);
  const before = tokenRequests.length;
  expect(before).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(tokenRequests[0]!)).toMatchObject({ scope: 'organisation' });

  await page.clock.fastForward('00:45');
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('button', { name: 'Next' }).click();
  await expect(pagination.getByText('Page 2', { exact: true })).toBeVisible();
  await expect.poll(() => tokenRequests.length).toBeGreaterThan(before);

  // Same view, new token: page 2 of the filtered events, filters intact.
  await rowsLoaded(page);
  await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);
  await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
    'document.*',
  );
  const actions = await columnTexts(page, 'action');
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) expect(action).toMatch(/^document\./);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
