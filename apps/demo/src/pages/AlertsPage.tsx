import { AlertsList, EventDetailDrawer, ImmutableViewerProvider } from '@getimmutable/react';
import { useState } from 'react';
import { PageHeader } from '../PageHeader.js';
import { useSession, useViewerClient } from '../session.js';

/** Security alerts for the organisation; "View event" opens the event in the drawer. */
export function AlertsPage() {
  const { user, timeZone, themeRoot } = useSession();
  const client = useViewerClient('organisation');
  const [eventId, setEventId] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="Alerts">
        Unusual activity in {user.tenant_name}: sign-ins from new countries, bursts of actions and
        sensitive changes.
      </PageHeader>
      <ImmutableViewerProvider client={client} timeZone={timeZone}>
        <AlertsList className="demo-panel" onEventSelect={setEventId} />
        <EventDetailDrawer
          eventId={eventId}
          open={eventId !== null}
          onOpenChange={(open) => {
            if (!open) setEventId(null);
          }}
          container={themeRoot}
        />
      </ImmutableViewerProvider>
    </>
  );
}
