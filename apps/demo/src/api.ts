/** Calls to the demo's own backend (same origin, /api). The Immutable API key never leaves it. */
import type { ViewerToken } from '@getimmutable/client';
import type { DemoDocument, DemoUser } from './demoTypes.js';

export type { DemoDocument, DemoUser };

export interface DocumentOptions {
  teams: string[];
  permissions: string[];
  folders: string[];
}

export type TokenScope = 'organisation' | 'me';

export type DocumentAction =
  | { action: 'create'; name: string; folder: string }
  | { action: 'share'; document_id: string; team: string; permission: string }
  | { action: 'delete'; document_id: string };

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { message?: string } }) | null;
  if (!response.ok || body === null) {
    throw new Error(
      body?.error?.message ?? `${init?.method ?? 'GET'} ${url} failed (${response.status})`,
    );
  }
  return body;
}

export const fetchConfig = () => call<{ immutableUrl: string }>('/api/config');

export const fetchUsers = () => call<{ data: DemoUser[] }>('/api/users').then((r) => r.data);

/** What `createViewerClient`'s `getToken` calls: a fresh, scoped viewer token for this user. */
export const fetchViewerToken = (userId: string, scope: TokenScope, signal?: AbortSignal) =>
  call<ViewerToken>('/api/viewer-token', {
    method: 'POST',
    body: JSON.stringify({ user_id: userId, scope }),
    signal,
  });

export const fetchDocuments = (userId: string) =>
  call<{ data: DemoDocument[] }>(`/api/documents?user_id=${encodeURIComponent(userId)}`).then(
    (r) => r.data,
  );

export const fetchDocumentOptions = () => call<DocumentOptions>('/api/document-options');

export const postDocumentAction = (userId: string, action: DocumentAction) =>
  call<{ data: DemoDocument; event: { id: string; action: string } }>('/api/documents', {
    method: 'POST',
    body: JSON.stringify({ user_id: userId, ...action }),
  });
