import {
  AuditLog,
  ExportVerifier,
  ImmutableViewerProvider,
  useFiltersInUrl,
  useStoredCheckpoint,
  viewFromSearch,
} from '@getimmutable/react';
import { useState } from 'react';
import { PageHeader } from '../PageHeader.js';
import { useSession, useViewerClient } from '../session.js';

/** Everything that happened in the user's organisation; the filters live in the URL to share. */
export function OrganisationLogPage() {
  const { user, timeZone } = useSession();
  const client = useViewerClient('organisation');
  const [filters, setFilters] = useFiltersInUrl();
  // A saved view's link also carries its hidden columns and mode: read once, as a start.
  const [linked] = useState(() => viewFromSearch(window.location.search));
  return (
    <>
      <PageHeader title="Organisation audit log">
        Every action in {user.tenant_name}, tamper-evident. Filters are part of the address, so a
        filtered view is a link you can share.
      </PageHeader>
      <ImmutableViewerProvider client={client} timeZone={timeZone}>
        <AuditLog
          {...linked}
          className="demo-panel"
          filters={filters}
          onFiltersChange={setFilters}
          live
          toolbarExtra={<VerifyDownloadedFile />}
        />
      </ImmutableViewerProvider>
    </>
  );
}

/**
 * Beside the log's Export: a JSON or NDJSON file it downloaded is checked here, on this device,
 * and against the checkpoint of the last verify (a history rewritten since shows as inconsistent).
 */
function VerifyDownloadedFile() {
  const checkpoint = useStoredCheckpoint();
  return (
    <details className="demo-verify-file">
      <summary className="imv-button">Verify a file…</summary>
      <ExportVerifier className="demo-verify-file__panel" checkpoint={checkpoint} />
    </details>
  );
}
