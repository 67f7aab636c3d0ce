/**
 * What a user of a consumer app sees, in Chromium: the kit's rows, the verify badge's verdict,
 * and an event's hashes in the drawer. Returns what it read so each test asserts on it; a page
 * error or console error anywhere fails the check.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { defaultMessages } from '../../packages/react/src/messages/defaultMessages.js';
// The app's own words for these (its `messages` prop): the table's name is in the strings
// loaded before the first paint, the drawer's in those loaded with the drawer.
import appMessages from '../templates/appMessages.json' with { type: 'json' };
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export interface AuditLogPageReading {
  rowCount: number;
  firstEventId: string | null;
  badgeText: string;
  drawerHashes: string[];
  drawerSaysMatches: boolean;
  /** `data-react-version` of the app's root element: the React the page runs. */
  reactVersion: string | null;
  errors: string[];
}

const TIMEOUT = 30_000;

export async function readAuditLogPage(url: string): Promise<AuditLogPageReading> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page: Page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url);

    const rows = page
      .getByRole('table', { name: appMessages.tableLabel })
      .getByRole('row', { name: /open details$/ });
    await rows.first().waitFor({ timeout: TIMEOUT });
    const badge = page.getByText(/^Verified: [\d,.\s]+ events$/);
    await badge.waitFor({ timeout: TIMEOUT });

    await rows.first().click();
    const drawer = page.getByRole('dialog', { name: appMessages.eventDetails });
    await drawer.waitFor({ timeout: TIMEOUT });
    await drawer.getByText(defaultMessages.recomputedMatches).waitFor({ timeout: TIMEOUT });
    const drawerText = await drawer.innerText();

    return {
      rowCount: await rows.count(),
      firstEventId: await page.locator('[data-event-id]').first().getAttribute('data-event-id'),
      badgeText: (await badge.innerText()).trim(),
      drawerHashes: [...new Set(drawerText.match(/\b[0-9a-f]{64}\b/g) ?? [])],
      drawerSaysMatches: drawerText.includes(defaultMessages.recomputedMatches),
      reactVersion: await page.locator('[data-react-version]').getAttribute('data-react-version'),
      errors,
    };
  } finally {
    await browser.close();
  }
}
