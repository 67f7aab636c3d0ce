import { createViewerClient, type AuditEvent } from '@getimmutable/client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable } from './AuditLogTable.js';
import { auditColumnHelper } from './auditColumns.js';
import { dataRows, loaded } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('shows the Columns button only once there is data, not while loading or on error', async () => {
    const { unmount } = renderWithViewer(<AuditLogTable />, viewerFor('org_acme'));
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    expect(screen.queryByRole('button', { name: 'Columns' })).not.toBeInTheDocument();
    await loaded();
    expect(screen.getByRole('button', { name: 'Columns' })).toBeInTheDocument();
    unmount();

    const failing = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      retry: false,
      fetch: () => Promise.reject(new TypeError('Network down')),
    });
    renderWithViewer(<AuditLogTable />, failing);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Columns' })).not.toBeInTheDocument();
  });

  it('hides a column from the Columns menu, by keyboard', async () => {
    const user = userEvent.setup();
    const onColumnVisibilityChange = vi.fn();
    renderWithViewer(
      <AuditLogTable onColumnVisibilityChange={onColumnVisibilityChange} />,
      viewerFor('org_acme'),
    );
    await loaded();
    const button = screen.getByRole('button', { name: 'Columns' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    // Its panel's code loads on demand (here on focus of the button, at the latest on open).
    const group = await screen.findByRole('group', { name: 'Visible columns' });
    expect(within(group).getByRole('checkbox', { name: 'Time' })).toHaveFocus();
    await user.tab(); // Actor
    await user.keyboard(' ');
    expect(within(group).getByRole('checkbox', { name: 'Actor' })).not.toBeChecked();
    expect(onColumnVisibilityChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ actor: false }),
    );
    expect(screen.queryByRole('columnheader', { name: 'Actor' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Action' })).toBeInTheDocument();
    expect(within(dataRows()[0]!).getAllByRole('cell')).toHaveLength(6);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Visible columns' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('follows controlled column visibility', async () => {
    renderWithViewer(
      <AuditLogTable columnVisibility={{ location: false, targets: false }} />,
      viewerFor('org_acme'),
    );
    await loaded();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^Time/),
      'Actor',
      'Action',
      'Resource',
      'Integrity',
    ]);
  });

  it('renders custom columns and custom cell renderers', async () => {
    const session = auditColumnHelper.accessor((e) => e.session_id ?? 'no session', {
      id: 'session',
      header: 'Session',
      cell: (info) => <em>{info.getValue()}</em>,
    });
    let events: AuditEvent[] = [];
    renderWithViewer(
      <AuditLogTable
        defaultPageSize={10}
        extraColumns={[session]}
        renderCell={{ actor: (e) => <strong>{`👤 ${e.actor_id}`}</strong> }}
        onStateChange={(s) => (events = s.events)}
      />,
      viewerFor('org_acme'),
    );
    const rows = await loaded();
    expect(screen.getAllByRole('columnheader').at(-1)).toHaveTextContent('Session');
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells.at(-1)).toHaveTextContent(events[0]!.session_id ?? 'no session');
    expect(cells[1]).toHaveTextContent(`👤 ${events[0]!.actor_id}`);
  });

  it('replaces the columns with the `columns` prop', async () => {
    const id = auditColumnHelper.accessor('id', { id: 'id', header: 'Event ID' });
    const action = auditColumnHelper.accessor('action', { id: 'action', header: 'What' });
    renderWithViewer(<AuditLogTable columns={[id, action]} />, viewerFor('org_acme'));
    await loaded();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Event ID',
      'What',
    ]);
  });
});
