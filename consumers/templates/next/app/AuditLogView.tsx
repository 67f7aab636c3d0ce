'use client';
// The kit in a client component: one viewer client per mount, whose tokens come from this app's
// route handler (app/api/audit-token/route.ts); the API key never reaches the browser.
import { createViewerClient } from '@getimmutable/client';
import { AuditLog, ImmutableViewerProvider } from '@getimmutable/react';
import { useState, version } from 'react';
// Some of the kit's strings in the app's words: one the table shows, one its drawer does.
import messages from '../appMessages.json';

export function AuditLogView() {
  const [client] = useState(() =>
    createViewerClient({
      baseUrl: process.env.NEXT_PUBLIC_IMMUTABLE_BASE_URL!,
      getToken: ({ signal }) =>
        fetch('/api/audit-token', { method: 'POST', signal }).then((r) => r.json()),
    }),
  );
  return (
    <div data-react-version={version}>
      <ImmutableViewerProvider client={client} messages={messages}>
        <AuditLog />
      </ImmutableViewerProvider>
    </div>
  );
}
