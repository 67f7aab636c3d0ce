import { screen, within } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import { AuditLogTable } from './AuditLogTable.js';
import { integrityChecked, loaded } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('shows each row’s integrity as pending when the rows first paint, then the result', async () => {
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'));
    const rows = await loaded();
    // Hashing waits until after the rows are on screen (idle time).
    for (const row of rows)
      expect(within(row).getByRole('img', { name: 'Verifying…' })).toHaveTextContent('…');
    expect(screen.queryByRole('img', { name: 'Hash matches content' })).not.toBeInTheDocument();
    await integrityChecked();
    expect(screen.getAllByRole('img', { name: 'Hash matches content' })).toHaveLength(10);
  });

  it('marks each row’s hash ✓ in a sound tenant and links neighbours when unfiltered', async () => {
    renderWithViewer(<AuditLogTable defaultPageSize={10} />, viewerFor('org_acme'));
    await loaded();
    const rows = await integrityChecked();
    for (const row of rows) {
      expect(within(row).getByRole('img', { name: 'Hash matches content' })).toHaveTextContent('✓');
    }
    // The oldest row's predecessor is on the next page: neither linked nor broken.
    for (const row of rows.slice(0, -1))
      expect(
        within(row).getByRole('img', { name: 'Linked to the previous event' }),
      ).toBeInTheDocument();
    expect(
      within(rows.at(-1)!).getByRole('img', { name: 'Previous event not on this page' }),
    ).toBeInTheDocument();
  });

  it('shows no neighbour links for a filtered list', async () => {
    renderWithViewer(
      <AuditLogTable defaultPageSize={10} filters={{ action: 'auth.*' }} />,
      viewerFor('org_acme'),
    );
    await loaded();
    const rows = await integrityChecked();
    expect(within(rows[0]!).getByRole('img', { name: 'Hash matches content' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /previous event/i })).not.toBeInTheDocument();
  });

  it('marks the tampered event ✗ and only it', async () => {
    const tampered = inject('tamperedEventId');
    renderWithViewer(<AuditLogTable />, viewerFor('org_broken'));
    await loaded();
    const rows = await integrityChecked();
    expect(rows).toHaveLength(12);
    const bad = screen.getAllByRole('img', { name: 'Hash does not match content' });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toHaveTextContent('✗');
    expect(bad[0]!.closest('tr')).toHaveAttribute('data-event-id', tampered);
    expect(screen.getAllByRole('img', { name: 'Hash matches content' })).toHaveLength(11);
  });
});
