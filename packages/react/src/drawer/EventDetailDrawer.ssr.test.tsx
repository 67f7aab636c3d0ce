// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { viewerFor } from '../../test/emulatorFixture.js';
import { ImmutableViewerProvider } from '../ImmutableViewerProvider.js';
import { EventDetailDrawer } from './EventDetailDrawer.js';
import { JsonTree } from './JsonTree.js';

describe('EventDetailDrawer on the server', () => {
  it('renders nothing and never touches document while server rendering, even when open', async () => {
    expect(typeof document).toBe('undefined');
    const client = viewerFor('org_acme');
    const event = (await client.events.list({ limit: 1 })).data[0]!;
    const html = renderToString(
      <ImmutableViewerProvider client={client}>
        <p>host</p>
        <EventDetailDrawer event={event} open />
      </ImmutableViewerProvider>,
    );
    expect(html).toBe('<p>host</p>');
  });

  it('server-renders a JsonTree as text', () => {
    const html = renderToString(<JsonTree data={{ site: 'javascript:alert(1)', n: 1 }} />);
    expect(html).toContain('&quot;javascript:alert(1)&quot;');
    expect(html).not.toContain('href');
  });
});
