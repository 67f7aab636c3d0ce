/**
 * The TypeScript twins of every example in the seed's Python SDK document. Each twin is a
 * `#region` below and runs against the emulator; docs/sdk.md shows the same code, and the last
 * test fails when the two drift (it compares every `<!-- twin: … -->` block with its regions).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// #region import
import { ImmutableClient, isImmutableError } from '@getimmutable/client/server';
// #endregion import
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

describe('the seed’s examples, in TypeScript, against the emulator', () => {
  it('tracks with the fluent builder', async () => {
    // #region fluent-builder
    await client
      .actor('user_2hG9kLm', { name: 'Sarah Chen', type: 'user' })
      .track('document.created', 'document', { size: 1024 });
    // #endregion fluent-builder
    expect(await lastEvent()).toMatchObject({
      actor_id: 'user_2hG9kLm',
      actor_type: 'user',
      resource: 'document',
      metadata: { size: 1024 },
    });
  });

  it('tracks with a resource object', async () => {
    // #region resource-object
    await client
      .actor('user_2hG9kLm', { name: 'Sarah Chen' })
      .track(
        'document.created',
        { type: 'document', id: 'doc_8nXpQr3', name: 'Q4 Report' },
        { size: 1024, mime_type: 'application/pdf' },
      );
    // #endregion resource-object
    expect(await lastEvent()).toMatchObject({
      resource: 'document',
      resource_id: 'doc_8nXpQr3',
      resource_name: 'Q4 Report',
    });
  });

  it('tracks with every builder method', async () => {
    // #region full-builder
    await client
      .actor('user_2hG9kLm', { name: 'Sarah Chen', type: 'user' })
      .idempotencyKey('unique_key_123')
      .version(1)
      .session('sess_4kN8pLm')
      .actionCategory('documents')
      .target('folder', 'folder_3mK9pLq', 'Shared Reports')
      .target('team', 'team_5bR7cNx', 'Engineering')
      .track('document.created', 'document', {
        folder: 'reports',
        template: 'quarterly',
      });
    // #endregion full-builder
    expect(await lastEvent()).toMatchObject({
      idempotency_key: 'unique_key_123',
      version: 1,
      session_id: 'sess_4kN8pLm',
      action_category: 'documents',
      targets: [
        { type: 'folder', id: 'folder_3mK9pLq' },
        { type: 'team', id: 'team_5bR7cNx' },
      ],
    });
  });

  it('tracks a raw payload', async () => {
    // #region raw-tracking
    await client.track({
      actor_id: 'user_2hG9kLm',
      actor_name: 'Sarah Chen',
      action: 'document.created',
      resource: 'document',
      resource_id: 'doc_8nXpQr3',
      metadata: { size: 1024 },
    });
    // #endregion raw-tracking
    expect(await lastEvent()).toMatchObject({ resource_id: 'doc_8nXpQr3', idempotency_key: null });
  });

  it('tracks a batch', async () => {
    // #region batch
    await client.trackBatch([
      {
        actor_id: 'user_2hG9kLm',
        action: 'document.created',
        resource_id: 'doc_8nXpQr3',
      },
      {
        actor_id: 'user_2hG9kLm',
        action: 'document.shared',
        resource_id: 'doc_8nXpQr3',
        targets: [{ type: 'team', id: 'team_5bR7cNx', name: 'Engineering' }],
      },
    ]);
    // Maximum 100 events per batch (more are refused before sending).
    // #endregion batch
    expect((await lastEvent()).action).toBe('document.shared');
  });

  it('queries events and follows the cursor', async () => {
    printed.length = 0;
    // #region querying
    const result = await client.getEvents({
      actor_id: 'user_2hG9kLm',
      action: 'document.*',
      from_date: '2026-03-01T00:00:00Z',
      limit: 25,
    });
    for (const event of result.data) {
      console.log(`${event.action} at ${event.created_at}`);
    }

    // Cursor pagination
    if (result.pagination.has_more) {
      const nextPage = await client.getEvents({
        actor_id: 'user_2hG9kLm',
        cursor: result.pagination.next_cursor!,
      });
      console.log(nextPage.data.length);
    }
    // #endregion querying
    expect(printed).toHaveLength(6);
    expect(printed[0]).toMatch(/^document\.shared at \d{4}-\d\d-\d\dT/);
  });

  it('retrieves one event with its integrity', async () => {
    const { id } = await lastEvent();
    printed.length = 0;
    // #region single-event
    const event = await client.getEvent(id);
    console.log(event.data.action);
    console.log(event.data.integrity.event_hash);
    console.log(event.data.integrity.previous_event_hash);
    // #endregion single-event
    expect(printed[0]).toBe('document.shared');
    expect(printed[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(printed[2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies the chains', async () => {
    printed.length = 0;
    // #region verification
    let result = await client.verify();
    console.log(result.data.valid); // true
    console.log(result.data.events_checked); // 4821

    // With date range
    result = await client.verify({
      from_date: '2026-03-01T00:00:00Z',
      to_date: '2026-03-31T23:59:59Z',
    });

    // With custom limit (default: 10000)
    result = await client.verify({ limit: 1000 });

    // Check for breaks
    if (!result.data.valid) {
      for (const b of result.data.breaks) {
        console.log(`Break: ${b.type} at event ${b.event_id}`);
      }
    }
    // #endregion verification
    expect(printed).toEqual(['true', '6']);
  });

  it('mints a viewer token', async () => {
    printed.length = 0;
    // #region viewer-tokens
    const token = await client.createViewerToken({
      tenant_id: 'org_7rT2xBc',
      actor_id: 'user_2hG9kLm',
      ttl: 7200, // 2 hours (min: 60, max: 86400)
    });
    console.log(token.token); // JWT string
    console.log(token.expires_at); // Unix timestamp (integer)
    // #endregion viewer-tokens
    expect(printed[0]!.split('.')).toHaveLength(3);
    expect(Number(printed[1])).toBeGreaterThan(Date.now() / 1000 + 7000);
  });

  it('lists alerts and pages them', async () => {
    await client.trackBatch([
      { actor_id: 'user_2hG9kLm', action: 'login', context: { country: 'DE' } },
      { actor_id: 'user_2hG9kLm', action: 'login', context: { country: 'FR' } },
    ]);
    printed.length = 0;
    // #region alerts
    const alerts = await client.getAlerts({
      rule_type: 'new_country',
      limit: 25,
    });
    for (const alert of alerts.data) {
      console.log(`${alert.rule_type}: ${alert.reason}`);
    }

    // Paginate
    if (alerts.pagination.has_more) {
      const nextPage = await client.getAlerts({
        cursor: alerts.pagination.next_cursor!,
      });
      console.log(nextPage.data.length);
    }
    // #endregion alerts
    expect(printed).toEqual([expect.stringMatching(/^new_country: /)]);
  });

  it('creates an export and polls it to completion', async () => {
    printed.length = 0;
    // #region exports
    // Create export
    const exp = await client.createExport({
      actor_id: 'user_2hG9kLm',
      from_date: '2026-03-01T00:00:00Z',
    });

    // Poll for completion
    for (;;) {
      const status = await client.getExport(exp.data.id);
      if (status.data.status === 'completed') {
        console.log(`Download: ${status.data.download_url}`);
        break;
      } else if (status.data.status === 'failed') {
        console.log(`Error: ${status.data.error_message}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    // #endregion exports
    expect(printed).toEqual([
      expect.stringMatching(
        /^Download: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/exports\/exp_\w+\/download\?/,
      ),
    ]);
  });

  it('handles errors', async () => {
    printed.length = 0;
    // #region error-handling
    const badClient = new ImmutableClient({
      apiKey: 'imk_invalid',
      baseUrl: process.env.IMMUTABLE_BASE_URL ?? 'https://getimmutable.dev',
    });

    try {
      await badClient.track({ actor_id: 'user_1', action: 'test' });
    } catch (e) {
      if (!isImmutableError(e)) throw e;
      console.log(e.message); // Error message
      console.log(e.status_code); // HTTP status (401, 422, 500, etc.; 0 for a timeout or network failure)
      console.log(e.response_data); // Full response body
    }
    // #endregion error-handling
    expect(printed).toHaveLength(3);
    expect(printed[1]).toBe('401');
  });
});

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

describe('docs/sdk.md', () => {
  const doc = fs.readFileSync(new URL('../../../docs/sdk.md', import.meta.url), 'utf8');
  const source = fs.readFileSync(new URL(import.meta.url), 'utf8');

  /** A region's lines without their common indentation. */
  function region(name: string): string {
    const match = new RegExp(
      `// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion ${name}\\n`,
    ).exec(source);
    if (!match) throw new Error(`no region ${name}`);
    const lines = match[1]!.split('\n');
    const indent = Math.min(
      ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
    );
    return lines.map((l) => l.slice(indent)).join('\n');
  }

  const twins = [...doc.matchAll(/<!-- twin: ([\w -]+) -->\n```ts\n(?:([\s\S]*?)\n)??```$/gm)].map(
    (m) => ({
      names: m[1]!.trim().split(/\s+/),
      code: m[2] ?? '',
    }),
  );
  const regions = [...source.matchAll(/\/\/ #region ([\w-]+)\n/g)].map((m) => m[1]!);

  it('has a twin for every example of the seed’s Python document', () => {
    const seedExamples = [
      'configuration',
      'fluent-builder',
      'resource-object',
      'full-builder',
      'raw-tracking',
      'batch',
      'querying',
      'single-event',
      'verification',
      'viewer-tokens',
      'alerts',
      'exports',
      'error-handling',
      'framework-env',
      'framework-fetch',
      'framework-express',
    ];
    expect(new Set(twins.flatMap((t) => t.names))).toEqual(new Set([...seedExamples, 'import']));
    expect(new Set(regions)).toEqual(new Set([...seedExamples, 'import']));
  });

  it('shows exactly the code the tests run', () => {
    for (const twin of twins) {
      expect(twin.code, `docs/sdk.md block for ${twin.names.join(' + ')}`).toBe(
        twin.names.map(region).join('\n\n'),
      );
    }
  });
});
