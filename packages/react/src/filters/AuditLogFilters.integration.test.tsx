import { createViewerClient } from '@getimmutable/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, mint, renderWithViewer } from '../../test/emulatorFixture.js';
import type { AuditFilters } from '../auditFilters.js';
import { useAuditEvents } from '../useAuditEvents.js';
import { AuditLogFilters } from './AuditLogFilters.js';

/** A real viewer client for org_acme that records the query string of every events request. */
function recordingClient() {
  const queries: URLSearchParams[] = [];
  const client = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => mint('org_acme'),
    fetch: (input, init) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      );
      if (url.pathname.endsWith('/events')) queries.push(url.searchParams);
      return fetch(input, init);
    },
  });
  return { client, queries };
}

function FilteredList() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const { events, status } = useAuditEvents({ filters, pageSize: 50 });
  return (
    <>
      <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
      <ul aria-label="Events" aria-busy={status === 'pending'}>
        {events.map((event) => (
          <li key={event.id}>{event.action}</li>
        ))}
      </ul>
    </>
  );
}

const actions = () =>
  within(screen.getByRole('list', { name: 'Events' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('AuditLogFilters with a real emulator', () => {
  it('shows only document.* events once document.* is typed into Action, with one request for it', async () => {
    const { client, queries } = recordingClient();
    const user = userEvent.setup();
    const { container } = renderWithViewer(<FilteredList />, client);
    await waitFor(() => expect(actions()).toHaveLength(50));
    expect(actions().some((a) => !a?.startsWith('document.'))).toBe(true);

    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'document.*');
    await waitFor(() => {
      const shown = actions();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((a) => a?.startsWith('document.'))).toBe(true);
    });
    // Typing sent no request per keystroke: the only filtered query is the whole pattern.
    const filtered = queries.filter((q) => q.has('action')).map((q) => q.get('action'));
    expect(filtered).toEqual(['document.*']);
    expect(
      (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations,
    ).toEqual([]);
  });

  it('narrows by search and clears back to every event', async () => {
    const { client } = recordingClient();
    const user = userEvent.setup();
    renderWithViewer(<FilteredList />, client);
    await waitFor(() => expect(actions()).toHaveLength(50));
    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'login_failed{Enter}');
    await waitFor(() => {
      const shown = actions();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((a) => a === 'auth.login_failed')).toBe(true);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(new Set(actions()).size).toBeGreaterThan(1));
    expect(screen.getByRole('combobox', { name: 'Search' })).toHaveValue('');
  });
});
