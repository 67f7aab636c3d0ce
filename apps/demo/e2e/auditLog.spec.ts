import fs from 'node:fs';
import {
  USERS,
  applyFilter,
  columnTexts,
  countEvents,
  eventRows,
  expect,
  rowsLoaded,
  saveScreenshot,
  test,
} from './fixtures.js';

test.describe('Organisation audit log', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/audit-log');
  });

  test('loads the newest events of the organisation', async ({ page }) => {
    const rows = await rowsLoaded(page);
    await expect(rows).toHaveCount(25);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Organisation audit log' }),
    ).toBeVisible();
    await saveScreenshot(page, 'audit-log-loaded');
  });

  test('filters by action document.* and keeps the filter in a shareable URL', async ({ page }) => {
    await rowsLoaded(page);
    await applyFilter(page, 'Action', 'document.*');
    await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);
    await rowsLoaded(page);
    const actions = await columnTexts(page, 'action');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toMatch(/^document\./);

    // The link opens the same view.
    await page.reload();
    await rowsLoaded(page);
    await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
      'document.*',
    );
    for (const action of await columnTexts(page, 'action')) expect(action).toMatch(/^document\./);
  });

  test('filters by full-text search, and says so when nothing matches', async ({ page }) => {
    await rowsLoaded(page);
    await applyFilter(page, 'Search', 'Yuki');
    await expect(page).toHaveURL(/[?&]imv\.search=Yuki/);
    const rows = await rowsLoaded(page);
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/yuki/i);

    await applyFilter(page, 'Search', 'no-such-words-anywhere');
    await expect(page.getByText(/No events match search "no-such-words-anywhere"/)).toBeVisible();
  });

  test('pages forward with Next and back with Previous', async ({ page }) => {
    const rows = await rowsLoaded(page);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    const firstIds = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-id')),
    );
    await pagination.getByRole('button', { name: 'Next' }).click();
    await expect(pagination.getByText('Page 2', { exact: true })).toBeVisible();
    await rowsLoaded(page);
    const secondIds = await eventRows(page).evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-id')),
    );
    expect(secondIds).toHaveLength(25);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);

    await pagination.getByRole('button', { name: 'Previous' }).click();
    await expect(pagination.getByText('Page 1', { exact: true })).toBeVisible();
    await rowsLoaded(page);
    await expect
      .poll(() =>
        eventRows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id'))),
      )
      .toEqual(firstIds);
  });

  test('the event drawer shows both 64-hex hashes and that the recomputed hash matches', async ({
    page,
  }) => {
    const rows = await rowsLoaded(page);
    const id = await rows.nth(1).getAttribute('data-event-id');
    await rows.nth(1).click();
    const drawer = page.getByRole('dialog', { name: 'Event details' });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(id!, { exact: true })).toBeVisible();
    const hashes = (await drawer.innerText()).match(/\b[0-9a-f]{64}\b/g) ?? [];
    expect(new Set(hashes).size).toBeGreaterThanOrEqual(2);
    await expect(drawer.getByText(/matches/).first()).toBeVisible();
    await expect(drawer.getByText(/does not match/)).toHaveCount(0);
    await saveScreenshot(page, 'audit-log-drawer');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  test('the verify badge says the chain is verified', async ({ page }) => {
    await rowsLoaded(page);
    await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  });

  test('exports the filtered events as CSV: a header and one row per event', async ({ page }) => {
    await rowsLoaded(page);
    await applyFilter(page, 'Action', 'billing.*');
    await rowsLoaded(page);
    const expected = await countEvents(USERS.aisha.id, { action: 'billing.*' });
    expect(expected.count).toBeGreaterThan(0);

    const exportGroup = page.getByRole('group', { name: 'Export' });
    await expect(exportGroup.getByLabel('Export format')).toHaveValue('csv');
    const download = page.waitForEvent('download');
    await exportGroup.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    const records = parseCsv(csv);
    expect(records[0]?.slice(0, 6)).toEqual([
      'id',
      'tenant_id',
      'actor_id',
      'actor_name',
      'actor_type',
      'action',
    ]);
    const body = records.slice(1);
    expect(body).toHaveLength(expected.count);
    const actionColumn = records[0]!.indexOf('action');
    for (const record of body) expect(record[actionColumn]).toMatch(/^billing\./);
    expect(body.map((r) => r[0]).sort()).toEqual([...expected.ids].sort());
    await expect(exportGroup.getByRole('status')).toHaveText('Export ready — downloading');
  });
});

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
