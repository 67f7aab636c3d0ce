import { Hono } from 'hono';
import { cors } from '../cors.js';
import type { AppParts, Env } from './AppParts.js';
import { limitBody, onError, onNotFound, refuseOtherMethods } from './errors.js';
import { authenticated } from './middleware.js';
import { alertRoutes } from './routes/alerts.js';
import { eventRoutes } from './routes/events.js';
import { exportDownloadRoutes, exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { verifyRoutes } from './routes/verify.js';
import { viewerTokenRoutes } from './routes/viewerTokens.js';

export type { AppParts, Env } from './AppParts.js';

/**
 * The HTTP API of docs/api.md as a Hono app (a fetch handler: in process, on a socket, or in a
 * browser behind a service worker): CORS, 405 and 413 first for every request, then the route
 * modules; one error handler answers every refusal in the contract's error body.
 */
export function createApp(parts: AppParts): Hono<Env> {
  const app = new Hono<Env>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(cors(parts.allowOrigins));
  app.use(refuseOtherMethods(app));
  app.use(limitBody());

  app.route('/', healthRoutes(parts));
  // Routed before the authenticated API, whose middleware would ask for credentials.
  app.route('/api/v1', exportDownloadRoutes(parts));

  const api = new Hono<Env>();
  api.use(authenticated(parts));
  api.route('/', eventRoutes(parts));
  api.route('/', verifyRoutes(parts));
  api.route('/', viewerTokenRoutes(parts));
  api.route('/', alertRoutes(parts));
  api.route('/', exportRoutes(parts));
  app.route('/api/v1', api);
  return app;
}
