import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, rowsLoaded, saveScreenshot, test } from './fixtures.js';

interface View {
  name: string;
  path: string;
  /** Waits until the view shows its content (and opens what it should). */
  ready: (page: Page) => Promise<void>;
}

const VIEWS: View[] = [
  {
    name: 'organisation audit log',
    path: '/audit-log',
    ready: async (page) => {
      await rowsLoaded(page);
      await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
    },
  },
  {
    name: 'event drawer',
    path: '/audit-log',
    ready: async (page) => {
      const rows = await rowsLoaded(page);
      await rows.first().click();
      await expect(page.getByRole('dialog', { name: 'Event details' })).toBeVisible();
      await expect(page.getByText(/Recomputed here: matches/)).toBeVisible();
    },
  },
  {
    name: 'filters expanded',
    path: '/audit-log?imv.action=document.*',
    ready: async (page) => {
      await rowsLoaded(page);
      await page.getByRole('button', { name: /More filters/ }).click();
      await expect(page.getByRole('textbox', { name: 'Resource ID' })).toBeVisible();
    },
  },
  {
    name: 'my activity',
    path: '/my-activity',
    ready: async (page) => {
      await rowsLoaded(page);
    },
  },
  {
    name: 'alerts',
    path: '/alerts',
    ready: async (page) => {
      await expect(page.getByRole('list', { name: 'Alerts' })).toBeVisible();
    },
  },
  {
    name: 'documents',
    path: '/documents',
    ready: async (page) => {
      await expect(page.getByRole('button', { name: /^Delete / }).first()).toBeVisible();
      await rowsLoaded(page);
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const view of VIEWS) {
      test(`axe finds no violations: ${view.name} (${theme})`, async ({ page }) => {
        await page.goto(view.path);
        await expect(page.locator('.demo-app')).toHaveAttribute('data-theme', theme);
        await view.ready(page);
        await saveScreenshot(page, `${view.name.replace(/ /g, '-')}-${theme}`);
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map(
            (n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
          ),
        }));
        expect(summary).toEqual([]);
      });
    }
  });
}
