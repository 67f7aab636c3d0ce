import { createViewerClient } from '@getimmutable/client';
import { useState } from 'react';
import type { AuditFilters } from '../src/auditFilters.js';
import { AuditLogFilters } from '../src/filters/AuditLogFilters.js';
import { useAuditEvents } from '../src/useAuditEvents.js';
import { emulatorUrl, mint } from './emulatorFixture.js';

/** A real viewer client for org_acme that records the query string of every events request. */
export function recordingClient() {
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

/** The filters over a plain list of the events they select (pages of 50). */
export function FilteredList() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const { events, status } = useAuditEvents({ filters, pageSize: 50 });
  return (
    <>
      <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
      <ul aria-label="Events" aria-busy={status === 'pending'}>
        {events.map((event) => (
          <li key={event.id} data-actor={event.actor_id}>
            {event.action}
          </li>
        ))}
      </ul>
    </>
  );
}
