/**
 * Runs the demo backend on its own, against an Immutable API you already have running:
 *   IMMUTABLE_URL=http://127.0.0.1:8787 IMMUTABLE_API_KEY=imk_… PORT=8788 tsx server/main.ts
 */
import { serve } from '@hono/node-server';
import { createDemoBackend } from './createDemoBackend.js';

const apiKey = process.env.IMMUTABLE_API_KEY;
if (!apiKey) {
  console.error('Set IMMUTABLE_API_KEY (the emulator prints it when it starts).');
  process.exit(2);
}
const app = createDemoBackend({
  immutableUrl: process.env.IMMUTABLE_URL ?? 'http://127.0.0.1:8787',
  apiKey,
  ...(process.env.DEMO_TOKEN_TTL ? { tokenTtl: Number(process.env.DEMO_TOKEN_TTL) } : {}),
});
const port = Number(process.env.PORT ?? 8788);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`Demo backend on http://127.0.0.1:${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
