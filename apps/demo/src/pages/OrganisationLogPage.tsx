import {
  AuditLog,
  ExportVerifier,
  ImmutableViewerProvider,
  useFiltersInUrl,
} from '@getimmutable/react';
import { PageHeader } from '../PageHeader.js';
import { useSession, useViewerClient } from '../session.js';

/** Everything that happened in the user's organisation; the filters live in the URL to share. */
export function OrganisationLogPage() {
  const { user, timeZone } = useSession();
  const client = useViewerClient('organisation');
  const [filters, setFilters] = useFiltersInUrl();
  return (
    <>
      <PageHeader title="Organisation audit log">
        Every action in {user.tenant_name}, tamper-evident. Filters are part of the address, so a
        filtered view is a link you can share.
      </PageHeader>
      <ImmutableViewerProvider client={client} timeZone={timeZone}>
        <AuditLog className="demo-panel" filters={filters} onFiltersChange={setFilters} />
        {/* Beside the log's Export: a JSON or NDJSON file it downloads is checked here, locally. */}
        <ExportVerifier className="demo-panel" />
      </ImmutableViewerProvider>
    </>
  );
}
