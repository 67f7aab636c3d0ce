/**
 * Consumer 4: in a folder with only the emulator's tarball installed, its bin runs on plain
 * Node (no TypeScript tooling there) and `npx immutable-emulator --seed 100 --port P --db FILE`
 * answers `GET /api/v1/events` with a viewer token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, run, startServer, type Server } from './lib/processes.js';

const { apps } = inject('consumers');
const dir = apps.emulator;

describe('the emulator installed alone', () => {
  const running: Server[] = [];
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
  });

  it('has a compiled bin with a node shebang, and nothing to run TypeScript with', () => {
    const bin = fs.realpathSync(path.join(dir, 'node_modules/.bin/immutable-emulator'));
    expect(bin).toMatch(/node_modules\/@getimmutable\/emulator\/dist\/cli\.js$/);
    expect(fs.readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    for (const tool of ['typescript', 'tsx', 'ts-node', '@getimmutable/client']) {
      expect(fs.existsSync(path.join(dir, 'node_modules', tool)), tool).toBe(false);
    }
  });

  it('prints its options with --help', async () => {
    const help = await run('npx', ['immutable-emulator', '--help'], { cwd: dir });
    for (const option of [
      '--port',
      '--host',
      '--db',
      '--api-key',
      '--seed',
      '--allow-origin',
      '--public-url',
    ]) {
      expect(help).toContain(option);
    }
    expect(help).toMatch(/^Usage:/);
  });

  it('serves seeded events to a viewer token', async () => {
    const port = await freePort();
    const server = await startServer(
      'npx',
      ['immutable-emulator', '--seed', '100', '--port', String(port), '--db', '.data/ci.db'],
      { cwd: dir, url: `http://127.0.0.1:${port}`, readyPath: '/health', readyStatus: 200 },
    );
    running.push(server);
    expect(fs.existsSync(path.join(dir, '.data/ci.db'))).toBe(true);
    const apiKey = /API key:\s+(imk_\S+)/.exec(server.output())?.[1];
    expect(apiKey, server.output()).toBeDefined();

    const minted = await fetch(`${server.url}/api/v1/viewer-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tenant_id: 'org_acme', ttl: 300 }),
    });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };

    const res = await fetch(`${server.url}/api/v1/events?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ tenant_id: string }> };
    console.log(
      `[emulator] GET /api/v1/events with a viewer token: ${res.status}, ${body.data.length} events of org_acme`,
    );
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThan(100); // one tenant's share of the 100 seeded
    expect(new Set(body.data.map((e) => e.tenant_id))).toEqual(new Set(['org_acme']));
  });
});
