import { createViewerClient } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint, renderWithViewer, viewerFor } from '../../test/emulatorFixture.js';
import type { AuditFilters } from '../auditFilters.js';
import { AuditLogTable, type AuditLogTableStatus } from './AuditLogTable.js';
import { loaded, noViolations } from './tableTestQueries.js';

describe('AuditLogTable', () => {
  it('names the active filters in the empty state', async () => {
    const filters: AuditFilters = { action: 'document.*', search: 'no-such-thing-anywhere' };
    const { container } = renderWithViewer(
      <AuditLogTable filters={filters} />,
      viewerFor('org_acme'),
    );
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'No events match action "document.*" and search "no-such-thing-anywhere".',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await noViolations(container);
  });

  it('isolates the filter values in the empty-state sentence, an override in one shown as its code point', async () => {
    const search = 'x\u202Eevil';
    const { container } = renderWithViewer(
      <AuditLogTable filters={{ action: 'nothing.*', search }} />,
      viewerFor('org_acme'),
    );
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      `No events match action "nothing.*" and search "xU+202Eevil".`,
    );
    const isolates = Array.from(status.querySelectorAll('bdi')).map((el) => el.textContent);
    // Each value alone in its <bdi>: the quotes, "and" and the full stop stay outside.
    expect(isolates).toEqual(['nothing.*', 'xU+202Eevil']);
  });

  it('says "No events yet." for an empty tenant without filters', async () => {
    const { container } = renderWithViewer(<AuditLogTable />, viewerFor('org_nobody_here'));
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent(/^No events yet\.$/);
  });

  it('shows the error with its message and a Retry that recovers', async () => {
    const user = userEvent.setup();
    let failures = 1;
    const client = createViewerClient({
      baseUrl: emulatorUrl(),
      getToken: () => mint('org_acme'),
      retry: false,
      fetch: (input, init) => {
        if (String(input).includes('/events') && failures > 0) {
          failures--;
          return Promise.reject(new TypeError('Network down'));
        }
        return fetch(input, init);
      },
    });
    const { container } = renderWithViewer(<AuditLogTable />, client);
    const alert = await screen.findByRole('alert');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveTextContent('Could not load events.');
    expect(alert).toHaveTextContent('Network down');
    await noViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await loaded()).toHaveLength(25);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports its state to a parent that stores it, without render loops', async () => {
    function Host() {
      const [status, setStatus] = useState<AuditLogTableStatus | null>(null);
      return (
        <>
          <output aria-label="table state">
            {status ? `${status.state}:${status.events.length}` : 'none'}
          </output>
          <AuditLogTable defaultPageSize={10} onStateChange={setStatus} />
        </>
      );
    }
    renderWithViewer(<Host />, viewerFor('org_acme'));
    expect(screen.getByRole('status', { name: 'table state' })).toHaveTextContent('loading:0');
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'table state' })).toHaveTextContent('ready:10'),
    );
  });
});
