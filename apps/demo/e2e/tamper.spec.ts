import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  USERS,
  eventRows,
  expect,
  rowsLoaded,
  saveScreenshot,
  signInAs,
  test,
} from './fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Initech's chain only: the other tests use other organisations, so they never see the break.
// In order: the rewrite leaves a chain that verifies, which the edit test then breaks.
test.describe.configure({ mode: 'serial' });

test('after a full rewrite the chain verifies, and the checkpoint says the history changed', async ({
  page,
}) => {
  await page.goto('/audit-log');
  await signInAs(page, USERS.noah.name);
  await expect(page.getByText('Initech', { exact: true })).toBeVisible();
  const rows = await rowsLoaded(page);
  const newest = await rows.first().getAttribute('data-event-id');
  const victim = await rows.nth(4).getAttribute('data-event-id');
  // The first verify keeps a checkpoint of the head (in this browser's localStorage).
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  const initechCheckpoint = () =>
    page.evaluate(() =>
      Object.keys(localStorage).some(
        (key) => key.startsWith('imv.checkpoint:') && key.includes(':org_initech:'),
      ),
    );
  await expect.poll(initechCheckpoint).toBe(true);

  const output = execFileSync(
    'pnpm',
    ['--silent', 'emulator', 'tamper', '--db', process.env.DEMO_DB!, '--rewrite', victim!],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  expect(output).toContain(victim!);

  for (const load of ['after the rewrite', 'after another reload']) {
    await page.reload();
    await rowsLoaded(page);
    const badge = page.locator('[data-slot="verify-badge"]');
    await expect(badge, load).toHaveAttribute('data-state', 'changed');
    await expect(badge.getByRole('status')).toHaveText(
      /^History changed since you verified it on /,
    );
    await expect(badge.getByText(newest!, { exact: false })).toBeVisible();
    await expect(badge.getByText('Hash you saw')).toBeVisible();
  }
  await saveScreenshot(page, 'rewritten-history-changed');

  // Verifying again does not clear it; accepting, confirmed, does.
  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(page.locator('[data-slot="verify-badge"]')).toHaveAttribute('data-state', 'changed');
  await page.getByRole('button', { name: 'Accept current history…' }).click();
  await page.getByRole('button', { name: 'Accept current history', exact: true }).click();
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  await page.reload();
  await rowsLoaded(page);
  await expect(page.getByText(/^unchanged since /)).toBeVisible();
});

test('after the tamper command the verify badge says broken and names the event', async ({
  page,
}) => {
  await page.goto('/audit-log');
  await signInAs(page, USERS.noah.name);
  await expect(page.getByText('Initech', { exact: true })).toBeVisible();
  const rows = await rowsLoaded(page);
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  const victim = await rows.nth(2).getAttribute('data-event-id');
  expect(victim).toBeTruthy();

  // The README's command, run from the repository root as a user would.
  const output = execFileSync(
    'pnpm',
    ['--silent', 'emulator', 'tamper', '--db', process.env.DEMO_DB!, '--edit', victim!],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  expect(output).toContain(`Edited event ${victim}`);

  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(page.getByText('Chain broken: 1 break')).toBeVisible();
  const firstBreak = page.getByRole('button', { name: /^First: hash mismatch at #\d+$/ });
  await expect(firstBreak).toBeVisible();
  await saveScreenshot(page, 'tampered-verify-broken');

  // A fresh load fetches the changed row: the table's mark and the drawer recompute a mismatch,
  // and the badge leads to that very event.
  await page.reload();
  await rowsLoaded(page);
  await expect(page.getByText('Chain broken: 1 break')).toBeVisible();
  const row = eventRows(page).and(page.locator(`[data-event-id="${victim}"]`));
  await expect(row.getByRole('img', { name: 'Hash does not match content' })).toBeVisible();
  await page.getByRole('button', { name: /^First: hash mismatch at #\d+$/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Event details' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(victim!, { exact: true })).toBeVisible();
  await expect(drawer.getByText('Recomputed here: does not match ✗')).toBeVisible();
  await saveScreenshot(page, 'tampered-event-drawer');
});
