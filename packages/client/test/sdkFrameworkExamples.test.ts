import { describe, expect, it } from 'vitest';
import { ImmutableClient } from '@getimmutable/client/server';
import { client, lastEvent } from './sdkExamplesSetup.js';

describe('framework integrations', () => {
  it('tracks from a route handler with the client built from the environment (Django twin)', async () => {
    // Stand-ins for the app's own models and helpers.
    const Document = { create: async ({ title }: { title: string }) => ({ id: 42, title }) };
    const redirect = (to: string) => new Response(null, { status: 303, headers: { Location: to } });
    // #region framework-env
    // services.ts
    const immutable = new ImmutableClient({
      apiKey: process.env.IMMUTABLE_API_KEY!,
      baseUrl: process.env.IMMUTABLE_BASE_URL ?? 'https://getimmutable.dev',
    });

    // documents.ts
    async function createDocument(request: {
      user: { id: number; fullName: string };
      body: { title: string };
    }) {
      const document = await Document.create({ title: request.body.title });
      await immutable
        .actor(String(request.user.id), { name: request.user.fullName })
        .track('document.created', {
          type: 'document',
          id: String(document.id),
          name: document.title,
        });
      return redirect(`/documents/${document.id}`);
    }
    // #endregion framework-env
    const response = await createDocument({
      user: { id: 7, fullName: 'Sarah Chen' },
      body: { title: 'Q4 Report' },
    });
    expect(response.status).toBe(303);
    expect(await lastEvent()).toMatchObject({
      actor_id: '7',
      actor_name: 'Sarah Chen',
      resource_id: '42',
      resource_name: 'Q4 Report',
    });
  });

  it('tracks from a fetch-style handler with the session cookie (FastAPI twin)', async () => {
    // #region framework-fetch
    // A Web-standard handler (Next.js route handlers, Hono, Remix, Bun, Deno…)
    async function POST(request: Request, user: { id: number; name: string }): Promise<Response> {
      // ... create document ...
      const sessionId =
        /(?:^|;\s*)session_id=([^;]*)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? '';
      await client
        .actor(String(user.id), { name: user.name })
        .session(sessionId)
        .track('document.created', 'document', {
          document_id: 'doc_123',
        });
      return Response.json({ id: 'doc_123' });
    }
    // #endregion framework-fetch
    const request = new Request('http://app.test/documents', {
      method: 'POST',
      headers: { cookie: 'theme=dark; session_id=sess_abc' },
    });
    const response = await POST(request, { id: 8, name: 'Ada' });
    expect(await response.json()).toEqual({ id: 'doc_123' });
    expect(await lastEvent()).toMatchObject({
      actor_id: '8',
      session_id: 'sess_abc',
      metadata: { document_id: 'doc_123' },
    });
  });

  it('tracks from an Express route (Flask twin)', async () => {
    type Req = { user: { id: number; name: string }; body: { title: string } };
    type Res = { json(body: unknown): void };
    const routes = new Map<string, (req: Req, res: Res) => Promise<void>>();
    const app = {
      post: (path: string, handler: (req: Req, res: Res) => Promise<void>) =>
        void routes.set(path, handler),
    };
    // #region framework-express
    app.post('/documents', async (req, res) => {
      // ... create document ...
      await client
        .actor(String(req.user.id), { name: req.user.name })
        .track('document.created', 'document', {
          title: req.body.title,
        });
      res.json({ id: 'doc_123' });
    });
    // #endregion framework-express
    const sent: unknown[] = [];
    await routes.get('/documents')!(
      { user: { id: 9, name: 'Grace' }, body: { title: 'Plan' } },
      { json: (b) => void sent.push(b) },
    );
    expect(sent).toEqual([{ id: 'doc_123' }]);
    expect(await lastEvent()).toMatchObject({ actor_id: '9', metadata: { title: 'Plan' } });
  });
});
