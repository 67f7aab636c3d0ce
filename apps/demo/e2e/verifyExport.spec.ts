import { USERS, expect, rowsLoaded, saveScreenshot, signInAs, test } from './fixtures.js';

// Globex's chain is only read here (an export changes nothing).
test('an export downloaded from the log is checked offline, and agrees with the checkpoint', async ({
  page,
}) => {
  await page.goto('/audit-log');
  await signInAs(page, USERS.daniel.name);
  await expect(page.getByText('Globex', { exact: true })).toBeVisible();
  await rowsLoaded(page);
  // The verify keeps a checkpoint; the file is then compared with it too.
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();

  const exportGroup = page.getByRole('group', { name: 'Export' });
  await exportGroup.getByLabel('Export format').selectOption('ndjson');
  const download = page.waitForEvent('download');
  await exportGroup.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await (await download).path();

  await page.getByText('Verify a file…').click();
  await page.getByLabel('Check an export file (JSON or NDJSON)').setInputFiles(file);
  const verifier = page.getByRole('group', { name: 'Verify a file offline' });
  await expect(verifier.getByText(/^Valid: every hash and link checks out/)).toBeVisible();
  await expect(verifier.getByText('Consistent with the receipt.')).toBeVisible();
  await saveScreenshot(page, 'export-verified-offline');
});
