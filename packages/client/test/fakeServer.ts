import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** What the fake answers: a response, 'hang' (never answer), or 'destroy' (drop the socket). */
export type FakeReply =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | 'hang'
  | 'destroy';

export interface FakeServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A tiny node:http server whose answers the test scripts, for faults the emulator never makes. */
export async function startFakeServer(
  reply: (req: SeenRequest, index: number) => FakeReply,
): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      };
      requests.push(seen);
      const answer = reply(seen, requests.length - 1);
      if (answer === 'hang') return;
      if (answer === 'destroy') return void req.socket.destroy();
      const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An unsigned JWT-shaped token with the given claims (the client never checks signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A valid wire event (hash not meaningful). */
export function wireEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'evt_1',
    tenant_id: 'org_a',
    actor_id: 'user_1',
    actor_name: null,
    actor_type: null,
    action: 'document.created',
    action_category: null,
    resource: null,
    resource_id: null,
    resource_name: null,
    targets: [],
    metadata: {},
    session_id: null,
    version: null,
    idempotency_key: null,
    context: null,
    created_at: '2026-03-04T09:12:33.412Z',
    integrity: { event_hash: 'a'.repeat(64), previous_event_hash: null, sequence: 1 },
    ...overrides,
  };
}

export const emptyPage = { data: [], pagination: { has_more: false, next_cursor: null } };
