import { afterEach, expect } from 'vitest';
import { API_KEY, startHarness, type Harness } from './harness.js';

export const MIB = 1024 * 1024;

/** The harness the running test started with `start`, and the URL its socket listens on. */
export let h: Harness;
export let base: string;

/** Closes the emulator `start` opened after each test; call it once at the top of a test file. */
export function closeEmulatorAfterEachTest(): void {
  afterEach(async () => {
    await h.emulator.close();
  });
}

/** Opens an emulator with these options and listens on a free loopback port. */
export async function start(options: Parameters<typeof startHarness>[0] = {}) {
  h = startHarness(options);
  base = (await h.emulator.listen(0, '127.0.0.1')).url;
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
}

/** A request over the socket; `raw` is sent as is, `body` as JSON. */
export async function tcp(
  method: string,
  path: string,
  options: {
    body?: unknown;
    raw?: string;
    auth?: string | null;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? API_KEY : options.auth;
  if (auth !== null) headers.authorization = `Bearer ${auth}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${base}${path}`;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, body: json };
}

export async function eventCount(): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await tcp(
      'GET',
      `/api/v1/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    n += res.body.data.length;
    cursor = res.body.pagination.next_cursor;
  } while (cursor);
  return n;
}

export function expectErrorShape(body: any, status: number, code: string) {
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.code).toBe(code);
  expect(Object.keys(body).sort()).toEqual(
    status === 422 ? ['code', 'errors', 'message'] : ['code', 'message'],
  );
}
