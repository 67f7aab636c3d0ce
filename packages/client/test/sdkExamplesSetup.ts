/**
 * What the SDK examples (sdk*Examples.test.ts) run against: importing this starts an emulator
 * for the test file, points IMMUTABLE_API_KEY and IMMUTABLE_BASE_URL at it, configures the
 * `client` as docs/sdk.md does (the `configuration` region, see sdkTwinRegions.ts) and collects
 * what the examples print; all of it ends with the file.
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { ImmutableClient } from '@getimmutable/client/server';
import { API_KEY, startEmulator } from './emulator.js';

const running = await startEmulator();
process.env.IMMUTABLE_API_KEY = API_KEY;
process.env.IMMUTABLE_BASE_URL = running.url;

// #region configuration
const client = new ImmutableClient({
  apiKey: process.env.IMMUTABLE_API_KEY!, // your imk_ key
  baseUrl: process.env.IMMUTABLE_BASE_URL ?? 'https://getimmutable.dev', // the SDK appends /api/v1/...
  timeout: 5.0, // seconds (default)
});
// #endregion configuration

/** Every console.log of the examples, its arguments joined by spaces. */
const printed: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(
    (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await running.stop();
});
const lastEvent = async () => (await client.getEvents({ limit: 1 })).data[0]!;

export { client, lastEvent, printed };
