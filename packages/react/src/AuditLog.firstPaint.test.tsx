import { act, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';

const pending = (root: ParentNode) => root.querySelector('.imv-audit-log__chrome-pending');

afterEach(() => vi.restoreAllMocks());

describe('<AuditLog /> first rows first', () => {
  it('keeps room for the filters and toolbar in its first render, and renders them after that paint', async () => {
    const { container } = renderWithViewer(<AuditLog />, viewerFor('org_acme'));
    expect(pending(container)).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('combobox', { name: /search/i })).toBeNull();
    expect(container.querySelector('[data-slot="audit-log-toolbar"]')).toBeNull();

    expect(await screen.findByRole('combobox', { name: /search/i })).toBeInTheDocument();
    expect(container.querySelector('[data-slot="audit-log-toolbar"]')).not.toBeNull();
    expect(pending(container)).toBeNull();
  });

  it('paints rows that load soon before the filters and toolbar', async () => {
    const client = viewerFor('org_acme');
    const page = await client.events.list({ limit: 25 });
    // Answered from memory after 25 ms: a frame or two after the first paint, well within the
    // 100 ms the chrome waits for rows.
    const soon = () => new Promise<typeof page>((resolve) => setTimeout(() => resolve(page), 25));
    const fast = { ...client, events: { ...client.events, list: soon } };
    const order: string[] = [];
    const watch = new MutationObserver(() => {
      if (!order.includes('rows') && document.querySelector('[data-event-id]')) order.push('rows');
      if (!order.includes('chrome') && document.querySelector('[data-slot="audit-log-toolbar"]'))
        order.push('chrome');
    });
    watch.observe(document.body, { childList: true, subtree: true });
    renderWithViewer(<AuditLog />, fast);
    await screen.findByRole('combobox', { name: /search/i });
    watch.disconnect();
    expect(order).toEqual(['rows', 'chrome']);
  });

  it('renders the filters and toolbar while rows that are slow to load are still on their way', async () => {
    const client = viewerFor('org_acme');
    const never = {
      ...client,
      events: { ...client.events, list: () => new Promise<never>(() => {}) },
    };
    const { container } = renderWithViewer(<AuditLog />, never);
    expect(await screen.findByRole('combobox', { name: /search/i })).toBeInTheDocument();
    expect(container.querySelector('[data-slot="table-root"]')).toHaveAttribute(
      'data-state',
      'loading',
    );
  });

  it('hydrates server markup with its filters and toolbar in place, with no mismatch', async () => {
    const client = viewerFor('org_acme');
    const ui = (
      <ImmutableViewerProvider client={client} timeZone="UTC">
        <AuditLog defaultFilters={{ action: 'document.*' }} />
      </ImmutableViewerProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(ui);
    document.body.append(container);
    const filters = container.querySelector('[data-slot="audit-log"] > .imv-audit-log__filters');
    expect(filters).not.toBeNull();
    const errors = vi.spyOn(console, 'error');

    const root = await act(async () => hydrateRoot(container, ui));
    // The same element, never swapped for the placeholder.
    expect(container.querySelector('[data-slot="audit-log"] > .imv-audit-log__filters')).toBe(
      filters,
    );
    expect(pending(container)).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });
});
