import http from 'node:http';
import type { Socket } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from './cors.js';

interface Refusal {
  status: 400 | 408 | 413 | 431;
  code: string;
  message: string;
}

/** Node's own refusals by its error code, the statuses Node itself would send; anything else is a 400. */
const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The request headers are too large.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'payload_too_large',
    message: 'The chunk extensions of the request body are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    message: 'The request did not arrive in time.',
  },
};
const MALFORMED: Refusal = {
  status: 400,
  code: 'bad_request',
  message: 'The request is not well-formed HTTP/1.1.',
};

/**
 * The contract's error body (and CORS, through the same middleware as every other response) for
 * a request Node refused before Hono saw it, as raw HTTP/1.1 bytes. Its headers were never read,
 * so it has no Origin: every origin allowed answers `*`, an allow-list answers no CORS headers.
 */
function refusalRenderer(allowOrigins: readonly string[] | undefined) {
  const app = new Hono<{ Bindings: { refusal: Refusal } }>();
  app.use(cors(allowOrigins));
  app.all('*', (c) => {
    const { status, code, message } = c.env.refusal;
    return c.json({ message, code }, status);
  });
  return async (refusal: Refusal): Promise<string> => {
    const response = await app.fetch(new Request('http://emulator/'), { refusal });
    const body = await response.text();
    response.headers.set('Content-Length', String(Buffer.byteLength(body)));
    // Node has given up on parsing this connection: nothing more can be read from it.
    response.headers.set('Connection', 'close');
    const lines = [`HTTP/1.1 ${response.status} ${http.STATUS_CODES[response.status]}`];
    response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  };
}

/**
 * Answers what Node refuses on its own (431 for oversized headers, 400 for malformed HTTP, …)
 * with the contract's JSON error body instead of Node's empty one, and lets a client that hung
 * up go quietly.
 */
export function answerNodeRefusals(
  server: ServerType,
  allowOrigins: readonly string[] | undefined,
): void {
  if (!(server instanceof http.Server)) return;
  const render = refusalRenderer(allowOrigins);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A hang-up leaves no one to answer and nothing worth reporting.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    render(REFUSALS[error.code ?? ''] ?? MALFORMED).then(
      (response) => {
        // Once a response has started on this connection (pipelining), another status line
        // could land inside it: Node's own handler keeps quiet then too.
        if (socket.writable && socket.bytesWritten === 0) {
          socket.end(response, () => socket.destroy());
        } else {
          socket.destroy();
        }
      },
      () => socket.destroy(),
    );
  });
}
