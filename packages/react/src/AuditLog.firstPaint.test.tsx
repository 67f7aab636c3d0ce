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
