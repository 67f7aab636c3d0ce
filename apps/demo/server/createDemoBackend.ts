/**
 * The demo's own backend — what a customer of Immutable writes: it holds the API key, mints
 * short-lived viewer tokens for its signed-in users, and records what they do as audit events
 * with the server SDK. The browser never sees the key.
 */
import crypto from 'node:crypto';
import { ImmutableClient, isImmutableError } from '@getimmutable/client/server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { readSeedDirectory, type DemoDocument, type DemoUser } from './seedDirectory.js';

export interface DemoBackendOptions {
  /** The Immutable API origin (the emulator's URL). */
  immutableUrl: string;
  /** The `imk_` API key; stays on this server. */
  apiKey: string;
  /** Viewer token lifetime in seconds (60..86400). @default 900 */
  tokenTtl?: number;
}

const TEAMS = ['Engineering', 'Finance', 'Sales', 'Design', 'Support', 'Leadership'];
const PERMISSIONS = ['view', 'comment', 'edit'];
const FOLDERS = ['Shared Reports', 'Finance', 'Legal', 'Engineering', 'Marketing', 'HR'];

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

class BadRequest extends Error {}

/** The peer's address when served by @hono/node-server; null in `app.request()` tests. */
function remoteAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** Reads a string field from a JSON body, or throws a 400 naming it. */
function field(body: Record<string, unknown>, name: string, allowed?: readonly string[]): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new BadRequest(`${name} is required.`);
  if (allowed && !allowed.includes(value))
    throw new BadRequest(`${name} must be one of: ${allowed.join(', ')}.`);
  return value.trim();
}

export function createDemoBackend(options: DemoBackendOptions) {
  const immutable = new ImmutableClient({ apiKey: options.apiKey, baseUrl: options.immutableUrl });
  const ttl = options.tokenTtl ?? 900;
  const directory = readSeedDirectory();
  const users = new Map(directory.users.map((u) => [u.id, u]));
  const documents = directory.documentsByTenant;

  // Stand-in for a session: a real app takes the user from its sign-in cookie, never the body.
  const userFrom = (id: unknown): DemoUser => {
    const user = typeof id === 'string' ? users.get(id) : undefined;
    if (!user) throw new BadRequest('user_id must be one of the users from GET /api/users.');
    return user;
  };

  /** Where the request came from, as the audit event's context (the server never guesses it). */
  const contextOf = (c: Context, user: DemoUser) => ({
    ip_address: c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || remoteAddress(c),
    user_agent: c.req.header('user-agent') ?? null,
    country: user.country,
  });

  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof BadRequest) return c.json({ error: { message: error.message } }, 400);
    if (isImmutableError(error)) {
      console.error(`Immutable API error: ${error.status} ${error.code}: ${error.message}`);
      return c.json({ error: { message: `Audit service error: ${error.message}` } }, 502);
    }
    console.error(error);
    return c.json({ error: { message: 'Internal error.' } }, 500);
  });

  app.get('/api/config', (c) => c.json({ immutableUrl: options.immutableUrl }));

  app.get('/api/users', (c) => c.json({ data: directory.users }));

  app.post('/api/viewer-token', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const user = userFrom(body.user_id);
    const scope = field(body, 'scope', ['organisation', 'me']);
    const token = await immutable.createViewerToken({
      tenant_id: user.tenant_id,
      ...(scope === 'me' ? { actor_id: user.id } : {}),
      ttl,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(token);
  });

  app.get('/api/documents', (c) => {
    const user = userFrom(c.req.query('user_id'));
    return c.json({ data: documents.get(user.tenant_id) ?? [] });
  });

  app.post('/api/documents', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const user = userFrom(body.user_id);
    const action = field(body, 'action', ['create', 'share', 'delete']);
    let docs = documents.get(user.tenant_id);
    if (!docs) documents.set(user.tenant_id, (docs = []));
    const event = immutable
      .actor(user.id, { name: user.name, type: 'user' })
      .tenant(user.tenant_id)
      .actionCategory('documents')
      .context(contextOf(c, user));

    let document: DemoDocument;
    let recorded;
    if (action === 'create') {
      const name = field(body, 'name');
      if (name.length > 120) throw new BadRequest('name must be at most 120 characters.');
      const folder = field(body, 'folder', FOLDERS);
      document = {
        id: `doc_${slug(name) || 'untitled'}_${crypto.randomBytes(3).toString('hex')}`,
        name,
        folder,
        shared_with: [],
        created_at: new Date().toISOString(),
      };
      recorded = await event
        .target('folder', `folder_${slug(folder)}`, folder)
        .track(
          'document.created',
          { type: 'document', id: document.id, name: document.name },
          { mime_type: 'text/markdown', size: 0, source: 'demo' },
        );
      docs.unshift(document);
    } else {
      const id = field(body, 'document_id');
      const found = docs.find((d) => d.id === id);
      if (!found) throw new BadRequest(`No document ${id} in your organisation.`);
      document = found;
      const resource = { type: 'document', id: document.id, name: document.name };
      if (action === 'share') {
        const team = field(body, 'team', TEAMS);
        const permission = field(body, 'permission', PERMISSIONS);
        const before = document.shared_with;
        const after = before.includes(team) ? before : [...before, team];
        // What the share changed, in a shape the kit's drawer shows as a diff (readChanges).
        recorded = await event
          .target('team', `team_${slug(team)}`, team)
          .track('document.shared', resource, {
            permission,
            changes: { shared_with: { from: before, to: after } },
          });
        document.shared_with = after;
      } else {
        recorded = await event.track('document.deleted', resource, { permanent: false });
        docs.splice(docs.indexOf(document), 1);
      }
    }
    return c.json(
      { data: document, event: { id: recorded.data.id, action: recorded.data.action } },
      201,
    );
  });

  app.get('/api/document-options', (c) =>
    c.json({ teams: TEAMS, permissions: PERMISSIONS, folders: FOLDERS }),
  );

  return app;
}
