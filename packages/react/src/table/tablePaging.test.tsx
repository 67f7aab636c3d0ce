import { createViewerClient } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import type { AuditFilters } from '../auditFilters.js';
import { AuditLogTable } from './AuditLogTable.js';
import { dataRows, loaded } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('pages forward and back through cursors, with the page number and disabled ends', async () => {
    const user = userEvent.setup();
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'));
    const first = (await loaded()).map((r) => r.getAttribute('data-event-id'));
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).not.toHaveAttribute('aria-disabled');
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await user.click(next);
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    await waitFor(() => expect(dataRows()[0]).not.toHaveAttribute('data-event-id', first[0]));
    await loaded();
    const second = dataRows().map((r) => r.getAttribute('data-event-id'));
    expect(second).toHaveLength(10);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(previous).not.toHaveAttribute('aria-disabled');

    await user.click(previous);
    await waitFor(() =>
      expect(dataRows().map((r) => r.getAttribute('data-event-id'))).toEqual(first),
    );
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('keeps the old page visible and busy while the next page loads', async () => {
    const user = userEvent.setup();
    // Hold every request for a later page until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      fetch: async (input, init) => {
        if (String(input).includes('cursor=')) await held;
        return fetch(input, init);
      },
    });
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    const first = (await loaded()).map((r) => r.getAttribute('data-event-id'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    // The same rows, marked busy: never an empty table or a skeleton.
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(dataRows().map((r) => r.getAttribute('data-event-id'))).toEqual(first);
    release();
    await loaded();
    expect(dataRows()[0]).not.toHaveAttribute('data-event-id', first[0]);
  });

  it('changes the page size from the select and starts again at page 1', async () => {
    const user = userEvent.setup();
    const onPageSizeChange = vi.fn();
    renderWithViewer(<AuditLogTable onPageSizeChange={onPageSizeChange} />, viewerFor('org_acme'));
    expect(await loaded()).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10');
    expect(onPageSizeChange).toHaveBeenCalledWith(10);
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    await waitFor(() => expect(dataRows()).toHaveLength(10));
  });

  it('shows only matching rows when the filters change, back on page 1', async () => {
    const user = userEvent.setup();
    const client = viewerFor('org_acme');
    const { rerender } = renderWithViewer(<AuditLogTable defaultPageSize={10} />, client);
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeInTheDocument());
    const filters: AuditFilters = { action: 'auth.*' };
    rerender(<AuditLogTable defaultPageSize={10} filters={filters} />);
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    for (const row of dataRows()) expect(row).toHaveAccessibleName(/^auth\./);
  });

  it('shows no pager on an empty first page: nowhere to go back or forward to', async () => {
    const { container } = renderWithViewer(<AuditLogTable />, viewerFor('org_nobody_here'));
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    expect(screen.queryByText('Page 1')).not.toBeInTheDocument();
  });

  it('names its pagination landmark from paginationLabel, so two tables on one page differ', async () => {
    const client = viewerFor('org_acme');
    renderWithViewer(
      <>
        <AuditLogTable defaultPageSize={10} />
        <AuditLogTable defaultPageSize={10} paginationLabel="Admin events pages" />
      </>,
      client,
    );
    await waitFor(() => expect(screen.getAllByRole('navigation')).toHaveLength(2));
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeInTheDocument();
    const named = screen.getByRole('navigation', { name: 'Admin events pages' });
    expect(within(named).getByRole('button', { name: 'Next' })).toBeInTheDocument();
  });
});
