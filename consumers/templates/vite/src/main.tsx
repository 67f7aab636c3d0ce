// A customer's page, written from the README: the viewer client asks this app's backend for a
// viewer token; the API key never reaches the browser.
import { createViewerClient } from '@getimmutable/client';
import { AuditLog, ImmutableViewerProvider } from '@getimmutable/react';
import '@getimmutable/react/styles.css';
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
// Some of the kit's strings in the app's words: one the table shows, one its drawer does.
import messages from '../appMessages.json';

const client = createViewerClient({
  baseUrl: import.meta.env.VITE_IMMUTABLE_BASE_URL,
  getToken: ({ signal }) =>
    fetch('/api/audit-token', { method: 'POST', signal }).then((r) => r.json()),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main data-react-version={version}>
      <h1>Audit log</h1>
      <ImmutableViewerProvider client={client} messages={messages}>
        <AuditLog />
      </ImmutableViewerProvider>
    </main>
  </StrictMode>,
);
