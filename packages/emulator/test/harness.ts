import { createEmulator, type Emulator, type EmulatorOptions } from '../src/createEmulator.js';

export const API_KEY = 'imk_test_0123456789abcdefghijklmnopqrstuv';

export interface Harness {
  emulator: Emulator;
  /** Sends one request through the in-process fetch handler; `auth` defaults to the API key. */
  call(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      raw?: string;
      auth?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** A viewer token minted through the API. */
  viewer(tenant_id: string, actor_id?: string, ttl?: number): Promise<string>;
  /** The clock the emulator reads; tests move it. */
  clock: { now: number };
}

/** An emulator on an in-memory database with a controllable clock (no socket). */
export function startHarness(options: EmulatorOptions = {}): Harness {
  const clock = { now: Date.parse('2026-03-04T09:00:00.000Z') };
  const emulator = createEmulator({
    db: ':memory:',
    apiKey: API_KEY,
    now: () => clock.now,
    ...options,
  });
  const call: Harness['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? API_KEY : options.auth;
    if (auth !== null) headers.authorization = `Bearer ${auth}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const url = path.startsWith('http') ? path : `http://emulator.test/api/v1${path}`;
    const res = await emulator.fetch(new Request(url, { method, headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    emulator,
    call,
    clock,
    async viewer(tenant_id, actor_id, ttl) {
      const res = await call('POST', '/viewer-tokens', { body: { tenant_id, actor_id, ttl } });
      if (res.status !== 201)
        throw new Error(`viewer token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
  };
}

/** A small valid payload; override any field. */
export function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenant_id: 'org_a',
    actor_id: 'user_1',
    actor_name: 'Sarah Chen',
    action: 'document.created',
    resource: 'document',
    resource_id: 'doc_1',
    ...overrides,
  };
}
