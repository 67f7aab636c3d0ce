import { describe, expect, it } from 'vitest';
// #region import
import { ImmutableClient, isImmutableError } from '@getimmutable/client/server';
// #endregion import
import { client, lastEvent, printed } from './sdkExamplesSetup.js';

// In order: the reading examples read what the tracking examples wrote.
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
