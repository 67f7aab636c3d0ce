import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { viewerFor } from '../test/emulatorFixture.js';

/** The kit's modules, as one page (a server, or a browser) has them. */
async function kit() {
  const [{ AuditLog }, { ImmutableViewerProvider }, chrome] = await Promise.all([
    import('./AuditLog.js'),
    import('./ImmutableViewerProvider.js'),
    import('./chrome/chromeModule.js'),
  ]);
  const client = viewerFor('org_acme');
  const ui = (
    <ImmutableViewerProvider client={client} timeZone="UTC">
      <AuditLog defaultFilters={{ action: 'document.*' }} />
    </ImmutableViewerProvider>
  );
  return { ui, chrome };
}

const filtersIn = (root: ParentNode) =>
  root.querySelector('[data-slot="audit-log"] > .imv-audit-log__filters');
/** Whether React has taken the element over (hydrated it), by the fiber it keeps on it. */
const hydrated = (element: Element) => Object.keys(element).some((k) => k.startsWith('__react'));

describe('<AuditLog /> hydrating before the code of its filters has loaded', () => {
  it('keeps the server’s filters and toolbar in place while that code loads, then hydrates them', async () => {
    const server = await kit();
    await server.chrome.loadChrome();
    const container = document.createElement('div');
    container.innerHTML = renderToString(server.ui);
    document.body.append(container);
    const filters = filtersIn(container)!;
    expect(filters.querySelector('input')).not.toBeNull();

    // A page that has just loaded the kit: the chrome's module is not there yet.
    vi.resetModules();
    const browser = await kit();
    const errors = vi.spyOn(console, 'error');
    const root = await act(async () => hydrateRoot(container, browser.ui));
    expect(filtersIn(container)).toBe(filters);
    expect(container.querySelector('[data-slot="audit-log-toolbar"]')).not.toBeNull();

    await act(() => browser.chrome.loadChrome());
    await vi.waitFor(() => expect(hydrated(filters)).toBe(true));
    expect(filtersIn(container)).toBe(filters);
    expect(container.querySelector('.imv-audit-log__chrome-pending')).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });
});
