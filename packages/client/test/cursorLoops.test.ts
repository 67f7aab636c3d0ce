import { describe, expect, it } from 'vitest';
import { createViewerClient } from '../src/index.js';
import { startFake } from './fakeServerPerTest.js';

/**
 * A server that sends a cursor it sent before (a bug, or a hostile proxy) must not keep a walk
 * over pages going for ever. These servers give up after LAST requests (a walk that did not stop
 * by itself then ends quietly, and the test fails on what it asserts).
 */
const LAST = 10;

describe('a walk over pages stops at a repeated cursor', () => {
  it('events.pages: refuses the cursor the second time, after the pages it has', async () => {
    const cursors = ['a', 'b', 'a'];
    const server = await startFake((_req, i) => ({
      status: 200,
      body: {
        data: [],
        pagination:
          i < LAST
            ? { has_more: true, next_cursor: cursors[i % cursors.length] }
            : { has_more: false, next_cursor: null },
      },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    let pages = 0;
    const walk = (async () => {
      for await (const _ of client.events.pages()) pages++;
    })();
    await expect(walk).rejects.toMatchObject({ code: 'invalid_response' });
    expect(pages).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('verifyAll: refuses the same next_cursor twice', async () => {
    const server = await startFake((_req, i) => ({
      status: 200,
      body: {
        data: {
          valid: true,
          events_checked: 100,
          complete: i >= LAST,
          next_cursor: i >= LAST ? null : 'same',
          breaks: [],
          head: null,
          verified_at: '2026-12-05T12:00:00.000Z',
        },
      },
    }));
    const client = createViewerClient({ baseUrl: server.url, token: 'jwt' });
    const error = await client.verifyAll().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toContain('GET /verify repeated a cursor');
    expect(server.requests).toHaveLength(2);
  });
});
