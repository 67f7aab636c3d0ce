import { createRoot } from 'react-dom/client';
import { AuditLog, ImmutableViewerProvider } from '/work/main/packages/react/dist/index.js';
import { createViewerClient } from '@getimmutable/client';
const client = createViewerClient({ baseUrl: 'http://x', getToken: async () => ({ token: 't', expires_at: 0 }) });
createRoot(document.getElementById('root')!).render(
  <ImmutableViewerProvider client={client}><AuditLog /></ImmutableViewerProvider>,
);
