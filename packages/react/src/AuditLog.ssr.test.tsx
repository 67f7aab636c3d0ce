// @vitest-environment node
import { createViewerClient } from '@getimmutable/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { countListCalls } from '../test/countListCalls.js';
import { AuditLog } from './AuditLog.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';

describe('<AuditLog /> on the server', () => {
  it('renders to a string in Node with no window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const viewer = createViewerClient({
      baseUrl: 'http://127.0.0.1:1',
      getToken: async () => 'never.called.here',
    });
    // The browser starts the first list request during the first render; a server must not.
    const { client, calls: requests } = countListCalls(viewer);
    const html = renderToString(
      <ImmutableViewerProvider client={client} timeZone="UTC">
        <AuditLog defaultFilters={{ action: 'document.*' }} />
      </ImmutableViewerProvider>,
    );
    expect(html).toContain('data-slot="audit-log"');
    // The loading state, the filters with their value, and the table's header with its zone.
    expect(html).toContain('value="document.*"');
    expect(html).toMatch(/Time[^<]*\(UTC\)/);
    expect(html).toContain('aria-busy="true"');
    expect(requests).toEqual([]);
  });
});
