// A TypeScript consumer of the public types only. The @ts-expect-error lines prove the types are
// real: if a declaration failed to resolve and became `any`, they would be unused — an error.
import {
  createViewerClient,
  isImmutableError,
  type AuditEvent,
  type ViewerClient,
  type ViewerToken,
} from '@getimmutable/client';
import { ImmutableClient, type ViewerTokenRequest } from '@getimmutable/client/server';
import {
  AuditLog,
  ImmutableViewerProvider,
  defaultMessages,
  useAuditEvents,
  type AuditFilters,
  type AuditLogProps,
  type Messages,
} from '@getimmutable/react';
import type { ReactElement } from 'react';

const getToken = async (): Promise<ViewerToken> => {
  const res = await fetch('/api/audit-token', { method: 'POST' });
  return (await res.json()) as ViewerToken;
};
const client: ViewerClient = createViewerClient({ baseUrl: 'https://audit.example', getToken });
const filters: AuditFilters = { action: 'document.*' };
// Any string of any part, a group (breakTypes) key by key.
const german: Partial<Messages> = {
  retry: 'Erneut versuchen',
  eventDetails: 'Ereignisdetails',
  breakTypes: { hash_mismatch: 'Inhalt geändert' },
};
export const stringCount: number = Object.keys(defaultMessages).length;

export function AuditPage(props: AuditLogProps): ReactElement {
  return (
    <ImmutableViewerProvider client={client} messages={german}>
      <AuditLog {...props} />
    </ImmutableViewerProvider>
  );
}

export function Actions(): ReactElement {
  const { events, status } = useAuditEvents({ filters, pageSize: 10 });
  const actions: string[] = events.map((event: AuditEvent) => event.action);
  return <p>{status === 'success' ? actions.join(', ') : status}</p>;
}

export async function newestActor(viewer: ViewerClient): Promise<string | null> {
  try {
    const page = await viewer.events.list(filters);
    return page.data[0]?.actor_id ?? null;
  } catch (error) {
    if (isImmutableError(error)) return error.code;
    throw error;
  }
}

export function mintRequest(tenant: string): ViewerTokenRequest {
  return { tenant_id: tenant, ttl: 900 };
}

export const server = new ImmutableClient({
  apiKey: 'imk_from_the_environment',
  baseUrl: 'https://audit.example',
});

export function WrongPageSize(): ReactElement {
  // @ts-expect-error: pageSize is a number
  const { status } = useAuditEvents({ pageSize: 'ten' });
  return <p>{status}</p>;
}
// @ts-expect-error: the server SDK needs its apiKey
new ImmutableClient({ baseUrl: 'https://audit.example' });
// @ts-expect-error: the kit shows no such string
export const unknownString: Partial<Messages> = { no_such_string: 'x' };
// @ts-expect-error: an event has no such field
export const nothing = ({} as AuditEvent).no_such_field;
