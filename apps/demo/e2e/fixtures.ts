/** Shared helpers for the Acme Docs end-to-end tests. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createViewerClient, type EventFilters } from '@getimmutable/client';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** The Playwright project that runs specs against the app built on React 18 (dist/react18/). */
const REACT18_PROJECT = 'react18';
export const REACT18_VERSION = '18.3.1';

export const test = base.extend({
  // The preview servers' ports are picked at run time by globalSetup; the "react18" project
  // talks to the React 18 build (same emulator and backend). (Playwright requires the
  // destructuring pattern for a fixture's first argument, even an empty one.)
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use, testInfo) => {
    const react18 = testInfo.project.name === REACT18_PROJECT;
    await use(react18 ? process.env.DEMO_WEB_URL_REACT18 : process.env.DEMO_WEB_URL);
  },
  // On React 18, every test also fails on an uncaught error or a console error in the page (such
  // as React reporting an error a boundary caught), and checks at its end that the page really
  // ran React 18 (so it cannot pass on React 19 by accident).
  page: async ({ page }, use, testInfo) => {
    if (testInfo.project.name !== REACT18_PROJECT) return use(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
    expect(errors, 'errors in the page on React 18').toEqual([]);
    if (page.url().startsWith('http')) await expectReact18(page);
  },
});

/** The page runs React 18.3.1 (react-dom says "18.3.1-next-…"); only the React 18 build says. */
export async function expectReact18(page: Page) {
  const versions = await page.evaluate(() => window.__ACME_REACT_VERSIONS__);
  expect(versions, 'the React the page runs').toEqual({
    react: REACT18_VERSION,
    reactDom: expect.stringMatching(/^18\.3\.1(-next-|$)/),
  });
}

/** The kit's event table and its event rows (each row's name ends "open details"). */
export const eventTable = (page: Page) => page.getByRole('table', { name: 'Audit events' });
export const eventRows = (page: Page) =>
  eventTable(page).getByRole('row', { name: /open details$/ });

/** Waits until the table shows settled (not placeholder) rows. */
export async function rowsLoaded(page: Page): Promise<Locator> {
  const table = eventTable(page);
  await expect(table).toBeVisible();
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await expect(eventRows(page).first()).toBeVisible();
  return eventRows(page);
}

/** The text of one column for every row on the page. */
export const columnTexts = (page: Page, column: string) =>
  eventRows(page)
    // The action cell also says how many fields an update changed: read the action itself.
    .locator(
      column === 'action'
        ? 'td[data-column-id="action"] [data-slot="table-action"]'
        : `td[data-column-id="${column}"]`,
    )
    .allInnerTexts();

export async function signInAs(page: Page, name: string) {
  await page.getByLabel('Signed in as').selectOption({ label: name });
}

/** Applies a filter the way a user does: type, then Enter. */
export async function applyFilter(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/** Counts what a viewer token of `userId` can see with these filters, straight from the API. */
/** Opens the organisation log filtered by action document.* (page 1, verified): state to keep. */
export async function openFilteredLog(page: Page) {
  await page.goto('/audit-log');
  await rowsLoaded(page);
  await applyFilter(page, 'Action', 'document.*');
  await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);
  await rowsLoaded(page);
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
}

export async function countEvents(
  userId: string,
  filters: EventFilters,
  scope: 'organisation' | 'me' = 'organisation',
) {
  const client = createViewerClient({
    baseUrl: process.env.DEMO_EMULATOR_URL!,
    getToken: async () => {
      const response = await fetch(`${process.env.DEMO_BACKEND_URL}/api/viewer-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_id: userId, scope }),
      });
      return response.json();
    },
  });
  let count = 0;
  const ids: string[] = [];
  for await (const page of client.events.pages({ ...filters, limit: 100 })) {
    count += page.data.length;
    ids.push(...page.data.map((e) => e.id));
  }
  return { count, ids };
}

/**
 * Saves a screenshot under test-results/screens/ (kept as an artifact) and attaches it; the
 * React 18 project's get a "-react18" suffix instead of replacing the others.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}) {
  if (test.info().project.name === REACT18_PROJECT) name = `${name}-react18`;
  const file = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'test-results',
    'screens',
    `${name}.png`,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A modal drawer is fixed to the viewport: shoot just the viewport then.
  const modal = await page.getByRole('dialog').count();
  await page.screenshot({ path: file, fullPage: fullPage && modal === 0 });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

/** The seeded users the tests sign in as (ids from the emulator's seed). */
export const USERS = {
  aisha: { id: 'user_5tR7yNv', name: 'Aisha Okafor', tenant: 'org_acme' },
  sarah: { id: 'user_2hG9kLm', name: 'Sarah Chen', tenant: 'org_acme' },
  daniel: { id: 'user_1qA5zSx', name: 'Daniel Kim', tenant: 'org_globex' },
  noah: { id: 'user_6eR2tYu', name: 'Noah Johansson', tenant: 'org_initech' },
} as const;
