import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, payload, startHarness, type Harness } from './harness.js';

// Requests Node refuses before Hono sees them, written byte by byte over raw TCP.

let h: Harness;
let port: number;

afterEach(async () => {
  vi.restoreAllMocks();
  await h.emulator.close();
});

async function start(options: Parameters<typeof startHarness>[0] = {}) {
  h = startHarness(options);
  ({ port } = await h.emulator.listen(0, '127.0.0.1'));
}

/** Sends `bytes` and reads until the server closes the connection. */
function exchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.end(bytes);
  });
}

function parseResponse(text: string) {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n');
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1]);
  const body = text.slice(split + 4);
  return { status, headers, body, json: JSON.parse(body) as { message: string; code: string } };
}

function expectContractError(res: ReturnType<typeof parseResponse>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.body));
  expect(Object.keys(res.json).sort()).toEqual(['code', 'message']);
  expect(res.json.code).toBe(code);
  expect(res.json.message.length).toBeGreaterThan(0);
}

async function healthy() {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return res.status;
}

describe('Node-level refusals follow the error-body rule', () => {
  it('answers a 20 KB header line with 431 and a JSON body', async () => {
    await start();
    const text = await exchange(
      `GET /api/v1/events HTTP/1.1\r\nHost: x\r\nX-Huge: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
    );
    const res = parseResponse(text);
    expectContractError(res, 431, 'headers_too_large');
    expect(res.headers.get('connection')).toBe('close');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(await healthy()).toBe(200);
  });

  it('answers a garbage request line with 400 and a JSON body', async () => {
    await start();
    const res = parseResponse(await exchange('THIS IS NOT HTTP\r\n\r\n'));
    expectContractError(res, 400, 'bad_request');
    expect(await healthy()).toBe(200);
  });

  it('sends no CORS headers on a Node refusal when origins are restricted (the origin is unknown)', async () => {
    await start({ allowOrigins: ['https://app.example'] });
    const res = parseResponse(await exchange('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
    expectContractError(res, 400, 'bad_request');
    expect(res.headers.has('access-control-allow-origin')).toBe(false);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('logs nothing when a client hangs up halfway through a body, and keeps serving', async () => {
    await start();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = JSON.stringify(payload({ metadata: { filler: 'x'.repeat(4000) } }));
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${API_KEY}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n` +
            body.slice(0, body.length / 2),
        );
        // Long enough for the server to start reading the body before the hang-up.
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // Give the server time to notice the hang-up and finish its handler.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await healthy()).toBe(200);
    const after = await h.call('GET', '/events');
    expect(after.body.data).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
  });
});
