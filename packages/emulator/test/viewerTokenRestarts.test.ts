import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/createEmulator.js';
import { API_KEY, payload } from './harness.js';

describe('restarts', () => {
  it('keeps a token valid across an emulator restart with the same API key on the same database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-restart-'));
    const file = path.join(dir, 'immutable.db');
    const now = () => Date.parse('2026-03-04T09:00:00.000Z');
    const request = (method: string, p: string, auth: string, body?: unknown) =>
      new Request(`http://emulator.test/api/v1${p}`, {
        method,
        headers: {
          authorization: `Bearer ${auth}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    try {
      const first = createEmulator({ db: file, apiKey: API_KEY, now });
      const wrote = await first.fetch(
        request('POST', '/events', API_KEY, payload({ tenant_id: 'org_a' })),
      );
      expect(wrote.status).toBe(201);
      const minted = await first.fetch(
        request('POST', '/viewer-tokens', API_KEY, { tenant_id: 'org_a' }),
      );
      expect(minted.status).toBe(201);
      const { token } = (await minted.json()) as { token: string };
      await first.close();

      const second = createEmulator({ db: file, apiKey: API_KEY, now });
      const res = await second.fetch(request('GET', '/events', token));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: Array<{ tenant_id: string }> };
      expect(body.data.map((e) => e.tenant_id)).toEqual(['org_a']);
      await second.close();

      const otherKey = 'imk_' + 'k'.repeat(40);
      const third = createEmulator({ db: file, apiKey: otherKey, now });
      const refused = await third.fetch(request('GET', '/events', token));
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { code: string }).code).toBe('unauthorized');
      await third.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
