import {
  USERS,
  applyFilter,
  columnTexts,
  eventRows,
  expect,
  rowsLoaded,
  saveScreenshot,
  signInAs,
  test,
} from './fixtures.js';

test('creating, sharing and deleting a document records events that show up in the audit log', async ({
  page,
}) => {
  const name = `Launch plan ${Date.now().toString(36)}`;
  await page.goto('/documents');
  await signInAs(page, USERS.sarah.name);
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Folder').selectOption('Finance');
  await page.getByRole('button', { name: 'Create document' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Recorded' });
  await expect(status).toContainText(`Recorded document.created for “${name}”.`);
  const list = page.getByRole('table').filter({ hasText: 'Shared with' });
  await expect(list.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  await page.getByLabel('Document', { exact: true }).selectOption({ label: name });
  await page.getByLabel('With team').selectOption('Design');
  await page.getByLabel('Permission').selectOption('edit');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(status).toContainText(`Recorded document.shared for “${name}”.`);
  await expect(list.getByRole('row', { name: new RegExp(name) })).toContainText('Design');

  // "Your document activity" (the kit's table, scoped to Sarah) already shows both.
  const activity = page.getByRole('region', { name: 'Your document activity' });
  await expect(
    activity.getByRole('row', { name: /^document\.shared by Sarah Chen/ }).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'documents-after-share');

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(status).toContainText(`Recorded document.deleted for “${name}”.`);
  await expect(list.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  // The link goes to the organisation log, filtered to this document: three events, newest first.
  await status.getByRole('link', { name: 'See it in the audit log' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisation audit log' }),
  ).toBeFocused();
  await expect(page).toHaveURL(/[?&]imv\.resource_id=doc_/);
  await rowsLoaded(page);
  await expect
    .poll(() => columnTexts(page, 'action'))
    .toEqual(['document.deleted', 'document.shared', 'document.created']);
  const actors = await columnTexts(page, 'actor');
  for (const actor of actors) expect(actor).toContain('Sarah Chen');

  // The share recorded what it changed; the drawer shows it as a diff (opened by keyboard).
  await eventRows(page).nth(1).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Event details' });
  const diff = drawer.getByRole('table', { name: '1 field changed' });
  await expect(diff.getByRole('row', { name: /shared_with changed/ })).toContainText('Design');
  await saveScreenshot(page, 'document-share-diff');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // And a search finds it by name.
  await applyFilter(page, 'Search', name);
  await rowsLoaded(page);
  await expect.poll(async () => (await columnTexts(page, 'action')).length).toBe(3);
});
