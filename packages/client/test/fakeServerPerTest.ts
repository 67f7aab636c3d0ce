import { afterEach } from 'vitest';
import {
  startFakeServer,
  type FakeReply,
  type FakeServer,
  type SeenRequest,
} from './fakeServer.js';

let running: FakeServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/**
 * Starts the test's fake server (./fakeServer.ts), answering each request with
 * `reply(request, index)`; it is closed after the test, unless the test closed it already.
 */
export async function startFake(
  reply: (req: SeenRequest, index: number) => FakeReply,
): Promise<FakeServer> {
  const server = await startFakeServer(reply);
  running = server;
  return {
    ...server,
    close: async () => {
      if (running === server) running = null;
      await server.close();
    },
  };
}

/** A retry policy that waits 1 ms between tries, so retrying tests do not wait. */
export const noDelay = { baseDelayMs: 1, maxDelayMs: 1 };
