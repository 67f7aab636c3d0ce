/** Acme Docs: a sample SaaS dashboard embedding the Immutable audit-log viewer. */
import '@getimmutable/react/styles.css';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

declare global {
  interface Window {
    /** Set only by the React 18 build (`vite build --mode react18`): which React really runs. */
    __ACME_REACT_VERSIONS__?: { react: string; reactDom: string };
  }
}

// The React 18 build says which React it runs, so its end-to-end tests cannot pass on React 19
// by accident. (A build-time constant: the normal build drops this.)
if (import.meta.env.MODE === 'react18') {
  window.__ACME_REACT_VERSIONS__ = { react: reactVersion, reactDom: reactDomVersion };
}

// The host's QueryClient: the kit uses it too, so one cache (and one invalidate) covers both.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
