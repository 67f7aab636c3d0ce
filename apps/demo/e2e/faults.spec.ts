/**
 * The kit under faults, with Playwright's routing as the fault-injecting proxy in front of the
 * Immutable API (the emulator) and of the backend's token endpoint: a 503 or 429 storm with
 * Retry-After, 5 s latency, a connection reset mid-page, the token endpoint failing for a minute.
 * Every request is counted; each test prints its counts ("[faults] …") and asserts a bound.
 */
import type { Page, Request } from '@playwright/test';
import {
  applyFilter,
  eventRows,
  eventTable,
  expect,
  openFilteredLog,
  rowsLoaded,
  test,
} from './fixtures.js';

const API = `${process.env.DEMO_EMULATOR_URL}/api/v1/**`;
const TOKEN_ENDPOINT = '**/api/viewer-token';

/** The viewer client's default retry policy (packages/client): one attempt and 3 retries a call. */
const ATTEMPTS_PER_CALL = 1 + 3;
/** After a failed load the table tries again by itself after 5 s, 10 s, 20 s… (AuditLogTable). */
const TABLE_RETRY_DELAYS_S = [5, 10, 20, 40, 60];

/** What the proxy does with one request: answer it, delay it, reset it, or pass it on (null). */
type Fault =
  { status: number; retryAfter?: string; body: string } | { delayMs: number } | 'reset' | null;

interface Seen {
  at: number;
  path: string;
  cursor: boolean;
  url: string;
  fault: string;
}

/** Routes `url` through `decide` and logs every request with what was done to it. */
async function injectFaults(page: Page, url: string, decide: (request: Request) => Fault) {
  const seen: Seen[] = [];
  await page.route(url, async (route) => {
    const request = route.request();
    const { pathname, searchParams } = new URL(request.url());
    const fault = decide(request);
    seen.push({
      at: Date.now(),
      path: pathname,
      cursor: searchParams.has('cursor'),
      url: request.url(),
      fault:
        fault === null
          ? 'pass'
          : fault === 'reset'
            ? 'reset'
            : 'delayMs' in fault
              ? 'slow'
              : String(fault.status),
    });
    if (fault === 'reset') return route.abort('connectionreset');
    if (fault !== null && 'status' in fault) {
      // What the API itself sends with every answer (docs/api.md, CORS), so the page can read it.
      const origin = request.headers()['origin'];
      return route.fulfill({
        status: fault.status,
        headers: {
          ...(origin
            ? {
                'Access-Control-Allow-Origin': origin,
                'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition',
                Vary: 'Origin',
              }
            : {}),
          ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}),
          'Content-Type': fault.body.startsWith('{') ? 'application/json' : 'text/plain',
        },
        body: fault.body,
      });
    }
    if (fault !== null) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    // The page may have given up on the request meanwhile (a newer filter aborts it).
    await route.fallback().catch(() => {});
  });
  return seen;
}

/** Counts by what was done (or by `key`), e.g. { "503": 4, pass: 1 }. */
function tally(seen: Seen[], key: (r: Seen) => string = (r) => r.fault): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of seen) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
}

/** Prints a scenario's request counts and records them in the report. */
function report(scenario: string, counts: Record<string, unknown>) {
  const line = `[faults] ${scenario}: ${JSON.stringify(counts)}`;
  console.log(line);
  test.info().annotations.push({ type: 'request counts', description: line });
}

const rowIds = (page: Page) =>
  eventRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-id')));

/**
 * From now on, the page remembers the fewest event rows the table ever showed (a MutationObserver
 * sees every commit), so a blank table between two checks cannot go unnoticed.
 */
async function watchFewestRows(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const store = window as unknown as { __fewestRows: number };
    const count = () =>
      document.querySelectorAll('table[aria-label="Audit events"] tr[data-event-id]').length;
    store.__fewestRows = count();
    new MutationObserver(() => {
      store.__fewestRows = Math.min(store.__fewestRows, count());
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __fewestRows: number }).__fewestRows);
}

const pagination = (page: Page) => page.getByRole('navigation', { name: 'Pagination' });
const actionFilter = (page: Page) => page.getByRole('textbox', { name: 'Action', exact: true });

async function expectDocumentRows(page: Page) {
  const actions = await eventRows(page).locator('td[data-column-id="action"]').allInnerTexts();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) expect(action).toMatch(/^document\./);
}

for (const storm of [
  { status: 503, body: 'Service Unavailable', says: /failed with HTTP 503/ },
  {
    status: 429,
    body: JSON.stringify({ message: 'Too many requests: slow down.', code: 'rate_limited' }),
    says: /Too many requests/,
  },
]) {
  test(`a ${storm.status} storm with Retry-After: 1 keeps rows and filter, says so, and recovers by itself with bounded requests`, async ({
    page,
  }) => {
    let stormUntil = 0;
    const seen = await injectFaults(page, API, () =>
      Date.now() < stormUntil ? { status: storm.status, retryAfter: '1', body: storm.body } : null,
    );
    await openFilteredLog(page);
    const firstPage = await rowIds(page);
    const fewestRows = await watchFewestRows(page);
    const before = seen.length;

    // The storm: every API request for the next 5 s is refused; the user pages on meanwhile.
    stormUntil = Date.now() + 5_000;
    await pagination(page).getByRole('button', { name: 'Next' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load events.');
    await expect(alert).toContainText(storm.says);
    // The rows and the filter are still there under the message.
    expect(await rowIds(page)).toEqual(firstPage);
    await expect(actionFilter(page)).toHaveValue('document.*');
    await expect(page).toHaveURL(/[?&]imv\.action=document\.\*/);

    // The server is back: the table gets page 2 by itself, no click, no reload.
    await expect(alert).toHaveCount(0, { timeout: 20_000 });
    await expect(pagination(page).getByText('Page 2', { exact: true })).toBeVisible();
    await rowsLoaded(page);
    const secondPage = await rowIds(page);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await expectDocumentRows(page);
    expect(await fewestRows(), 'the table never went blank').toBe(firstPage.length);
    const duringStorm = seen.slice(before);

    // And it works as before: Next goes to page 3.
    await pagination(page).getByRole('button', { name: 'Next' }).click();
    await expect(pagination(page).getByText('Page 3', { exact: true })).toBeVisible();
    await rowsLoaded(page);
    await expectDocumentRows(page);

    // Queries on screen: the table's page and the verify badge (cached; its range is unchanged).
    // Each is one call of the client per try, at most ATTEMPTS_PER_CALL requests.
    const bound = ATTEMPTS_PER_CALL * 2;
    const refused = duringStorm.filter((r) => r.fault === String(storm.status));
    report(`${storm.status} storm (5 s)`, {
      untilRecovered: tally(duringStorm),
      byPath: tally(duringStorm, (r) => r.path),
      bound,
      total: seen.length,
    });
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(ATTEMPTS_PER_CALL);
    expect(duringStorm.length).toBeLessThanOrEqual(bound);
  });
}

test('5 s latency on every API response: loading shows, old rows stay while paging, one request per action', async ({
  page,
}) => {
  const seen = await injectFaults(page, API, () => ({ delayMs: 5_000 }));
  await page.goto('/audit-log');
  const table = eventTable(page);
  const loadingStatus = page.getByRole('status').filter({ hasText: 'Loading events…' });
  await expect(table).toHaveAttribute('aria-busy', 'true');
  await expect(loadingStatus).toHaveCount(1);
  await expect(page.getByText('Verifying…')).toBeVisible();
  await rowsLoaded(page);
  await expect(page.getByText(/^Verified: [\d,]+ events$/)).toBeVisible();
  const firstPage = await rowIds(page);
  const fewestRows = await watchFewestRows(page);

  // Next: page 1 stays on screen, marked busy, until page 2 arrives 5 s later.
  await pagination(page).getByRole('button', { name: 'Next' }).click();
  await expect(pagination(page).getByText('Page 2', { exact: true })).toBeVisible();
  await expect(table).toHaveAttribute('aria-busy', 'true');
  expect(await rowIds(page)).toEqual(firstPage);
  await expect(table.locator('tbody')).toHaveAttribute('data-state', 'stale');
  await expect.poll(() => rowIds(page), { timeout: 12_000 }).not.toEqual(firstPage);
  await rowsLoaded(page);
  expect(await fewestRows(), 'paging never blanked the table').toBe(firstPage.length);

  // New filters: never the old rows under them (by design), but a loading state in words.
  await applyFilter(page, 'Action', 'document.*');
  await expect(loadingStatus).toHaveCount(1);
  await expect(table).toHaveAttribute('aria-busy', 'true');
  await expect(actionFilter(page)).toHaveValue('document.*');
  await rowsLoaded(page);
  await expectDocumentRows(page);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // One request per user action, none sent twice, none timed out and retried.
  // The verify's checkpoint reads the newest event up to its end once (`to=…&limit=1`).
  const isCheckpointRead = (r: { url: string }) => /[?&]to=[^&]+&limit=1$/.test(r.url);
  const events = seen.filter((r) => r.path === '/api/v1/events' && !isCheckpointRead(r));
  const checkpoint = seen.filter((r) => r.path === '/api/v1/events' && isCheckpointRead(r));
  const verify = seen.filter((r) => r.path === '/api/v1/verify');
  report('5 s latency', {
    events: events.length,
    checkpoint: checkpoint.length,
    verify: verify.length,
    total: seen.length,
    userActions: 3,
  });
  expect(events).toHaveLength(3); // the first load, Next, the filter
  expect(checkpoint).toHaveLength(1);
  expect(verify).toHaveLength(1);
  expect(new Set(seen.map((r) => r.url)).size).toBe(seen.length);
});

test('a connection reset on the next page is retried by the client: page 2 shows, rows never blank', async ({
  page,
}) => {
  let resets = 0;
  const seen = await injectFaults(page, API, (request) =>
    new URL(request.url()).searchParams.has('cursor') && resets-- > 0 ? 'reset' : null,
  );
  await openFilteredLog(page);
  const firstPage = await rowIds(page);
  const fewestRows = await watchFewestRows(page);
  const before = seen.length;

  resets = 1;
  await pagination(page).getByRole('button', { name: 'Next' }).click();
  await expect(pagination(page).getByText('Page 2', { exact: true })).toBeVisible();
  await expect.poll(() => rowIds(page)).not.toEqual(firstPage);
  await rowsLoaded(page);
  await expectDocumentRows(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await fewestRows()).toBe(firstPage.length);

  const paging = seen.slice(before);
  report('connection reset once', { ...tally(paging), total: seen.length });
  expect(paging.map((r) => r.fault)).toEqual(['reset', 'pass']);
});

test('a connection that keeps resetting: the message says so, the rows stay, and Retry loads the page', async ({
  page,
}) => {
  let down = false;
  const seen = await injectFaults(page, API, (request) =>
    down && new URL(request.url()).searchParams.has('cursor') ? 'reset' : null,
  );
  await openFilteredLog(page);
  const firstPage = await rowIds(page);
  const fewestRows = await watchFewestRows(page);
  const before = seen.length;

  down = true;
  await pagination(page).getByRole('button', { name: 'Next' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load events.');
  await expect(alert).toContainText(/GET \/events failed/);
  expect(await rowIds(page)).toEqual(firstPage);
  await expect(actionFilter(page)).toHaveValue('document.*');
  const resetsBeforeRetry = seen.slice(before).length;

  down = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(() => rowIds(page)).not.toEqual(firstPage);
  await rowsLoaded(page);
  await expectDocumentRows(page);
  await expect(pagination(page).getByText('Page 2', { exact: true })).toBeVisible();
  expect(await fewestRows()).toBe(firstPage.length);

  const paging = seen.slice(before);
  report('connection keeps resetting', {
    ...tally(paging),
    bound: ATTEMPTS_PER_CALL,
    total: seen.length,
  });
  expect(resetsBeforeRetry).toBe(ATTEMPTS_PER_CALL);
  expect(tally(paging)).toEqual({ reset: ATTEMPTS_PER_CALL, pass: 1 });
});

test('the token endpoint failing for a minute: rows stay, the message names the token, token requests back off, the log refreshes by itself', async ({
  page,
}) => {
  // The backend mints 60-second tokens for the tests (globalSetup --token-ttl 60); the page's
  // clock is moved forward instead of waiting the minute.
  await page.clock.install();
  let tokenDown = false;
  const tokens = await injectFaults(page, TOKEN_ENDPOINT, () =>
    tokenDown ? { status: 500, body: 'Internal Server Error' } : null,
  );
  const api = await injectFaults(page, API, () => null);
  await openFilteredLog(page);
  const fewestRows = await watchFewestRows(page);
  const tokensBefore = tokens.length;
  const apiBefore = api.length;
  const alert = page.getByRole('alert');
  const next = pagination(page).getByRole('button', { name: 'Next' });

  // The token endpoint goes down. 45 s on, the token has under 30 s left: the client tries to
  // refresh it, fails, and goes on with the token it holds; the user sees nothing wrong.
  tokenDown = true;
  await page.clock.fastForward('00:45');
  await next.click();
  await expect(pagination(page).getByText('Page 2', { exact: true })).toBeVisible();
  await rowsLoaded(page);
  await expectDocumentRows(page);
  await expect(alert).toHaveCount(0);
  const secondPage = await rowIds(page);

  // 17 s later the token has expired: now the page cannot load without a new one, and says so.
  await page.clock.fastForward('00:17');
  await next.click();
  await expect(alert).toContainText('Could not load events.');
  await expect(alert).toContainText(/Could not get a viewer token/);
  expect(await rowIds(page)).toEqual(secondPage);
  await expect(actionFilter(page)).toHaveValue('document.*');

  // The rest of the minute (45 s), 5 s at a time: the table tries again, less and less often.
  for (let waited = 0; waited < 45; waited += 5) {
    await page.clock.fastForward('00:05');
    await page.waitForTimeout(150);
  }
  await expect(alert).toContainText(/Could not get a viewer token/);
  const duringOutage = tokens.slice(tokensBefore);
  const apiDuringOutage = api.slice(apiBefore);

  // The endpoint is back: at its next try the table gets a token and page 3, by itself.
  tokenDown = false;
  for (let waited = 0; waited < 60 && (await alert.count()) > 0; waited += 5) {
    await page.clock.fastForward('00:05');
    await page.waitForTimeout(150);
  }
  await expect(alert).toHaveCount(0);
  await expect(pagination(page).getByText('Page 3', { exact: true })).toBeVisible();
  await rowsLoaded(page);
  await expectDocumentRows(page);
  expect(await fewestRows(), 'the table never went blank').toBe(secondPage.length);

  // In the failing minute: one early refresh, one for the user's Next after expiry, then one per
  // try of the table, whose pauses double (5 s, 10 s, 20 s…) over the 45 s left.
  let tableTries = 0;
  for (let waited = 0, i = 0; waited + TABLE_RETRY_DELAYS_S[i]! <= 45; i++) {
    waited += TABLE_RETRY_DELAYS_S[i]!;
    tableTries++;
  }
  const bound = 1 + 1 + tableTries;
  report('token endpoint down for a minute', {
    tokenRequests: tally(duringOutage),
    apiRequestsWhileDown: tally(apiDuringOutage),
    bound,
    tokenTotal: tokens.length,
    apiTotal: api.length,
  });
  expect(duringOutage.every((r) => r.fault === '500')).toBe(true);
  expect(duringOutage.length).toBeGreaterThanOrEqual(2);
  expect(duringOutage.length).toBeLessThanOrEqual(bound);
});
