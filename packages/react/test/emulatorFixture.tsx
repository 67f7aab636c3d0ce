import { createViewerClient, type ViewerClient } from '@getimmutable/client';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { inject } from 'vitest';
import {
  ImmutableViewerProvider,
  type ImmutableViewerProviderProps,
} from '../src/ImmutableViewerProvider.js';

/** The emulator started by test/globalSetup.ts (real HTTP on 127.0.0.1). */
export const emulatorUrl = (): string => inject('emulatorUrl');

/** Mints a viewer token through the API, as a host app's backend would. */
export async function mint(
  tenant_id: string,
  options: { actor_id?: string; ttl?: number } = {},
): Promise<{ token: string; expires_at: number }> {
  const res = await fetch(`${emulatorUrl()}/api/v1/viewer-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('apiKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tenant_id, ...options }),
  });
  if (res.status !== 201) throw new Error(`mint: ${res.status}`);
  return (await res.json()) as { token: string; expires_at: number };
}

/** A viewer client for a tenant whose getToken mints through the API; `calls` counts getToken. */
export function viewerFor(tenant_id: string, options: { actor_id?: string; ttl?: number } = {}) {
  const counter = { calls: 0 };
  const client: ViewerClient = createViewerClient({
    baseUrl: emulatorUrl(),
    getToken: () => {
      counter.calls++;
      return mint(tenant_id, options);
    },
  });
  return Object.assign(client, { tokenCalls: counter });
}

/** Renders inside a provider with a fresh QueryClient (no cache shared between tests). */
export function renderWithViewer(
  ui: ReactElement,
  client: ViewerClient,
  props: Omit<ImmutableViewerProviderProps, 'client' | 'children'> = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const wrap = (node: ReactElement) => (
    <ImmutableViewerProvider client={client} queryClient={queryClient} {...props}>
      {node}
    </ImmutableViewerProvider>
  );
  const result = render(wrap(ui));
  return { ...result, queryClient, rerender: (node: ReactElement) => result.rerender(wrap(node)) };
}
