// Checks the static Storybook (`pnpm build-storybook`) as someone opening it would: served from
// 127.0.0.1 by a plain file server, opened in Chromium, with no API server anywhere — every API
// answer must come from the emulator running in the page (SQLite in WebAssembly, behind MSW's
// service worker). It loads sqlite3.wasm, filters, verifies and shows a tampered chain for real.
//
//   pnpm build-storybook && node .storybook/check-static-build.mjs [storybook-static] [--shots DIR]
//   node .storybook/check-static-build.mjs --url http://127.0.0.1:6006   # a running `pnpm storybook`
//
// Exits 1 on any failed check; with --shots, writes a screenshot of each page checked.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const shots = option('--shots');
const storybookUrl = option('--url');
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const root = path.resolve(positional[0] ?? 'storybook-static');
if (!storybookUrl && !fs.existsSync(path.join(root, 'iframe.html'))) {
  console.error(`No built Storybook in ${root}: run pnpm build-storybook first.`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** A plain static file server: what any host of the built files would be. */
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = path.join(
    root,
    decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname),
  );
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
if (!storybookUrl) await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = storybookUrl?.replace(/\/+$/, '') ?? `http://127.0.0.1:${server.address().port}`;

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

/** Polls `count` until it is `expected` (for up to 10 s), and returns the last count seen. */
async function settledCount(count, expected) {
  const until = Date.now() + 10_000;
  let seen = await count();
  while (seen !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await count();
  }
  return seen;
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  /** Opens one story in its own page; returns the page and what it fetched. */
  async function open(id) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const seen = { wasm: null, api: 0, apiOffPage: [], failed: [] };
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.wasm')) seen.wasm = response;
      if (url.hostname === 'api.example.test') {
        seen.api++;
        if (!response.fromServiceWorker()) seen.apiOffPage.push(response.url());
      }
    });
    page.on('requestfailed', (request) => {
      if (!request.url().endsWith('/favicon.ico')) seen.failed.push(request.url());
    });
    page.on('pageerror', (error) => seen.failed.push(`page error: ${error.message}`));
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    return { page, seen };
  }

  async function finish(name, { page, seen }) {
    check(
      seen.wasm?.status() === 200,
      `${name}: sqlite3.wasm loaded (${seen.wasm?.url() ?? 'not fetched'})`,
    );
    check(
      seen.wasm?.headers()['content-type'] === 'application/wasm',
      `${name}: sqlite3.wasm served as application/wasm`,
    );
    check(
      seen.api > 0 && seen.apiOffPage.length === 0,
      `${name}: ${seen.api} API answers, all from the page`,
    );
    check(
      seen.failed.length === 0,
      `${name}: no failed request or page error ${seen.failed.join(', ')}`,
    );
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `${name}.png`) });
    }
    await page.close();
  }

  const rows = (page) => page.locator('tr[data-event-id]');
  const labels = (page) =>
    rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label') ?? ''));

  // The log: real rows, a real verify, then a filter the emulator's SQL answers.
  {
    const opened = await open('components-auditlog--default');
    const { page } = opened;
    await rows(page).nth(24).waitFor({ timeout: 20_000 });
    // The story's own play function runs in this page too and types a filter, which applies
    // after a pause in typing: on a loaded machine a partial one ("doc") can empty the table for
    // a moment. So the count is the one the page settles on.
    const settled = await settledCount(() => rows(page).count(), 25);
    check(settled === 25, `log: the first page holds 25 events (${settled})`);
    const verified = await page
      .getByText(/^Verified: \d+ events$/)
      .textContent({ timeout: 20_000 });
    check(Boolean(verified), `log: verify walked the chain ("${verified}")`);
    await page.getByRole('textbox', { name: 'Action' }).fill('document.*');
    await page.getByRole('textbox', { name: 'Action' }).press('Enter');
    await page.waitForFunction(
      () => {
        const trs = [...document.querySelectorAll('tr[data-event-id]')];
        return (
          trs.length > 0 &&
          trs.every((tr) => tr.getAttribute('aria-label')?.startsWith('document.'))
        );
      },
      null,
      { timeout: 20_000 },
    );
    const filtered = await labels(page);
    check(
      filtered.length > 0 && filtered.every((l) => l.startsWith('document.')),
      `log: action=document.* leaves ${filtered.length} document.* rows on the page`,
    );
    await finish('log-filtered', opened);
  }

  // Search through the emulator's FTS5 trigram index, with a glob.
  {
    const opened = await open('components-auditlogtable--filtered');
    await rows(opened.page).first().waitFor({ timeout: 20_000 });
    const found = await labels(opened.page);
    check(
      found.length > 0 && found.every((l) => l.startsWith('auth.')),
      `table: action=auth.* search=sso finds ${found.length} auth.* events`,
    );
    await finish('table-search', opened);
  }

  // A chain tampered with by the emulator's own tamper(): verify and the row checks both name it.
  {
    const opened = await open('components-auditlog--broken-chain');
    const { page } = opened;
    await page.getByText('Chain broken: 1 break').waitFor({ timeout: 20_000 });
    check(true, 'broken: the badge says "Chain broken: 1 break"');
    const first = await page
      .getByRole('button', { name: /^First: hash mismatch at #\d+$/ })
      .textContent();
    check(Boolean(first), `broken: the break is a hash mismatch ("${first?.trim()}")`);
    // Rows are checked after they paint: wait until no row's mark is pending.
    await page
      .locator('[data-slot="table-hash"][data-state="pending"]')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
    const bad = await page.locator('[data-slot="table-hash"][data-state="bad"]').count();
    check(bad === 1, `broken: exactly one row's hash does not match its content (${bad})`);
    await finish('broken-chain', opened);
  }
} finally {
  await browser.close();
  if (server.listening) server.close();
}

console.log(
  failures.length === 0 ? '\nAll checks passed.' : `\n${failures.length} check(s) failed.`,
);
process.exit(failures.length === 0 ? 0 : 1);
