import { describe, expect, it } from 'vitest';
import { closeEmulatorAfterEachTest, start, tcp } from './tcpHarness.js';

closeEmulatorAfterEachTest();

describe('the readiness probe', () => {
  it('answers GET /health with 200 {"status":"ok"} and no credentials, and nothing else there', async () => {
    await start();
    const health = await tcp('GET', '/health', { auth: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect((await tcp('POST', '/health', { auth: null })).status).toBe(405);
    // It is not an API route: the API itself still needs credentials.
    expect((await tcp('GET', '/api/v1/events', { auth: null })).status).toBe(401);
  });
});
