import {
  AuditLog,
  DEFAULT_FILTER_FIELDS,
  ImmutableViewerProvider,
  useFiltersInUrl,
} from '@getimmutable/react';
import { PageHeader } from '../PageHeader.js';
import { useSession, useViewerClient } from '../session.js';

// The token only sees this user's events, so filtering by actor would be pointless.
const FIELDS = DEFAULT_FILTER_FIELDS.filter((field) => field !== 'actor_id');

/** The signed-in user's own events, through a viewer token scoped to them. */
export function MyActivityPage() {
  const { user, timeZone } = useSession();
  const client = useViewerClient('me');
  const [filters, setFilters] = useFiltersInUrl();
  return (
    <>
      <PageHeader title="My activity">
        What you, {user.name}, did in {user.tenant_name}: sign-ins, documents, settings. Only your
        own events are visible here.
      </PageHeader>
      <ImmutableViewerProvider client={client} timeZone={timeZone}>
        <AuditLog
          className="demo-panel"
          filters={filters}
          onFiltersChange={setFilters}
          filterFields={FIELDS}
        />
      </ImmutableViewerProvider>
    </>
  );
}
