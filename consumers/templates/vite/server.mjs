// The app's own backend: serves the built app and mints viewer tokens for the signed-in user's
// organisation with the server SDK, where the API key lives.
// Env: IMMUTABLE_BASE_URL, IMMUTABLE_API_KEY, TENANT_ID, PORT.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ImmutableClient } from '@getimmutable/client/server';

const immutable = new ImmutableClient({
  apiKey: process.env.IMMUTABLE_API_KEY,
  baseUrl: process.env.IMMUTABLE_BASE_URL,
});
const dist = path.resolve('dist');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

async function mintToken(res) {
  const { token, expires_at } = await immutable.createViewerToken({
    tenant_id: process.env.TENANT_ID,
    ttl: 900,
  });
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ token, expires_at }));
}

function serveFile(urlPath, res) {
  let file = path.join(dist, path.normalize(decodeURIComponent(urlPath)));
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    file = path.join(dist, 'index.html');
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

http
  .createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (req.method === 'POST' && pathname === '/api/audit-token') {
      mintToken(res).catch((error) => {
        res
          .writeHead(502, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: error.message }));
      });
    } else serveFile(pathname, res);
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () =>
    console.log(`listening on ${process.env.PORT}`),
  );
