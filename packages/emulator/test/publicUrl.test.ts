import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/createEmulator.js';
import { API_KEY, payload } from './harness.js';

let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

/** One request over TCP with whatever Host header the caller claims (fetch would not send it). */
function send(
  port: number,
  method: string,
  path: string,
  host: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/v1${path}`,
        headers: {
          Host: host,
          authorization: `Bearer ${API_KEY}`,
          'content-type': 'application/json',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A completed export's download URL, every request claiming `Host: evil.example`. */
async function downloadUrlWithForgedHost(port: number): Promise<string> {
  const ingested = await send(port, 'POST', '/events', 'evil.example', payload());
  expect(ingested.status).toBe(201);
  const created = await send(port, 'POST', '/exports', 'evil.example', { format: 'json' });
  expect(created.status).toBe(202);
  await emulator!.exports.idle();
  const job = await send(port, 'GET', `/exports/${created.body.data.id}`, 'evil.example');
  expect(job.body.data.status).toBe('completed');
  return job.body.data.download_url as string;
}

describe('download links never follow the Host header', () => {
  it('builds them from the listening address when no public URL is configured', async () => {
    emulator = createEmulator({ db: ':memory:', apiKey: API_KEY });
    const { url, port } = await emulator.listen(0);
    const link = await downloadUrlWithForgedHost(port);
    expect(new URL(link).host).not.toBe('evil.example');
    expect(link.startsWith(`${url}/api/v1/exports/`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
  });

  it('builds them from the public URL when one is configured', async () => {
    emulator = createEmulator({
      db: ':memory:',
      apiKey: API_KEY,
      publicUrl: 'https://audit.example.com/immutable/',
    });
    const { port } = await emulator.listen(0);
    const link = await downloadUrlWithForgedHost(port);
    expect(link).toMatch(
      /^https:\/\/audit\.example\.com\/immutable\/api\/v1\/exports\/exp_\w+\/download\?/,
    );
  });

  it('links to the loopback address when listening on every interface', async () => {
    emulator = createEmulator({ db: ':memory:', apiKey: API_KEY });
    const { port } = await emulator.listen(0, '0.0.0.0');
    const link = await downloadUrlWithForgedHost(port);
    expect(link.startsWith(`http://127.0.0.1:${port}/api/v1/exports/`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
  });

  it('refuses a public URL that is not an absolute http(s) URL', () => {
    for (const publicUrl of ['audit.example.com', 'ftp://audit.example.com', '/relative']) {
      expect(
        () => createEmulator({ db: ':memory:', apiKey: API_KEY, publicUrl }),
        publicUrl,
      ).toThrow(/publicUrl/);
    }
  });
});
