import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

/**
 * End-to-end tests of Acme Docs against its production build (vite build + vite preview), the
 * emulator on a temporary database and the demo backend — all started by e2e/globalSetup.ts on
 * free ports. Chromium is the system's; no browser is ever downloaded.
 *
 * Two projects: "react19" runs every spec against the app as shipped (React 19); "react18" runs
 * the specs below against the same app built on React 18 (dist/react18/, same emulator and
 * backend), to prove the kit's `^18.2.0 || ^19.0.0` peer range in a real browser.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/globalSetup.ts',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }],
  ],
  projects: [
    { name: 'react19', testIgnore: 'react18.spec.ts' },
    {
      name: 'react18',
      // Not tamper.spec.ts (it breaks Initech's chain for good, so it can run only once) nor
      // bundle.spec.ts (it reads files, no React in it; react18.spec.ts checks the React 18 build);
      // axe in the light theme only (the dark theme is CSS, the same whichever React renders).
      grepInvert: /\(dark\)/,
      testMatch: [
        'react18.spec.ts',
        'auditLog.spec.ts',
        'keyboard.spec.ts',
        'a11y.spec.ts',
        'pages.spec.ts',
        'documents.spec.ts',
        'tokenRefresh.spec.ts',
      ],
    },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
