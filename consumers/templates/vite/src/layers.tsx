// A customer's page composed from the kit's layers instead of <AuditLog />: its own filters
// above the event table, and nothing else of the kit (no export, saved views or verify badge).
import { createViewerClient } from '@getimmutable/client';
import {
  AuditLogFilters,
  AuditLogTable,
  ImmutableViewerProvider,
  type AuditFilters,
} from '@getimmutable/react';
import '@getimmutable/react/styles.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const client = createViewerClient({
  baseUrl: import.meta.env.VITE_IMMUTABLE_BASE_URL,
  getToken: ({ signal }) =>
    fetch('/api/audit-token', { method: 'POST', signal }).then((r) => r.json()),
});

function Page() {
  const [filters, setFilters] = useState<AuditFilters>({});
  return (
    <ImmutableViewerProvider client={client}>
      <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
      <AuditLogTable filters={filters} />
    </ImmutableViewerProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
