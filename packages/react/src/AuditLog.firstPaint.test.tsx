import { act, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithViewer, viewerFor } from '../test/emulatorFixture.js';
import { AuditLog } from './AuditLog.js';
import { auditQueries } from './auditQueries.js';
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

  it('renders each row of a cached list once before its first paint', async () => {
    // Rows already in the cache (back to the log in an app) render in the first render. Nothing
    // that happens at mount — storing the root element, the clock's subscription — may render
    // them again before the browser paints: that doubled the work of an infinite list's mount.
    const client = viewerFor('org_acme');
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await queryClient.prefetchInfiniteQuery(auditQueries(client).eventPages({}, { pageSize: 100 }));
    const renders = new Map<string, number>();
    const actor = (event: { id: string; actor_id: string }) => {
      renders.set(event.id, (renders.get(event.id) ?? 0) + 1);
      return event.actor_id;
    };
    // render() returns once React has done all it does synchronously: the mount and its effects.
    render(
      <ImmutableViewerProvider client={client} queryClient={queryClient} timeZone="UTC">
        <AuditLog mode="infinite" pageSize={100} renderCell={{ actor }} />
      </ImmutableViewerProvider>,
    );
    const rows = document.querySelectorAll('[data-event-id]');
    expect(rows.length).toBeGreaterThan(0);
    expect(renders.size).toBe(rows.length);
    expect([...renders.values()].every((n) => n === 1)).toBe(true);
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
