import type { AuditEvent } from '@getimmutable/client';
import {
  AuditLogTable,
  EventDetailDrawer,
  auditKeys,
  ImmutableViewerProvider,
  searchWithFilters,
  type AuditFilters,
} from '@getimmutable/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  fetchDocumentOptions,
  fetchDocuments,
  postDocumentAction,
  type DemoDocument,
  type DocumentAction,
} from '../api.js';
import { PageHeader } from '../PageHeader.js';
import { linkClick } from '../router.js';
import { useSession, useViewerClient } from '../session.js';

const MY_DOCUMENT_EVENTS: AuditFilters = { action: 'document.*' };

interface Recorded {
  action: string;
  eventId: string;
  document: DemoDocument;
}

/**
 * The app's own feature: documents. Each change goes through the demo backend, which records it
 * with the server SDK; the events then show up in the audit log.
 */
export function DocumentsPage() {
  const { user, timeZone, themeRoot } = useSession();
  const client = useViewerClient('me');
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [shareDoc, setShareDoc] = useState('');
  const [team, setTeam] = useState('');
  const [permission, setPermission] = useState('view');
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [selected, setSelected] = useState<AuditEvent | null>(null);

  const docs = useQuery({
    queryKey: ['demo', 'documents', user.id],
    queryFn: () => fetchDocuments(user.id),
  });
  const options = useQuery({
    queryKey: ['demo', 'document-options'],
    queryFn: fetchDocumentOptions,
    staleTime: Infinity,
  });
  const mutation = useMutation({
    mutationFn: (action: DocumentAction) => postDocumentAction(user.id, action),
    onSuccess: (result) => {
      setRecorded({ action: result.event.action, eventId: result.event.id, document: result.data });
      // New events: refresh the documents and every audit view, of both viewer clients (the
      // user's own events here, the organisation's log and alerts on the other pages).
      void queryClient.invalidateQueries({ queryKey: ['demo', 'documents'] });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all() });
    },
  });

  const folders = options.data?.folders ?? [];
  const teams = options.data?.teams ?? [];
  const chosenFolder = folder || folders[0] || '';
  const chosenTeam = team || teams[0] || '';
  const list = docs.data ?? [];
  const chosenDoc = list.some((d) => d.id === shareDoc) ? shareDoc : (list[0]?.id ?? '');

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    mutation.mutate(
      { action: 'create', name: name.trim(), folder: chosenFolder },
      { onSuccess: () => setName('') },
    );
  };
  const share = (e: FormEvent) => {
    e.preventDefault();
    if (chosenDoc)
      mutation.mutate({ action: 'share', document_id: chosenDoc, team: chosenTeam, permission });
  };

  return (
    <>
      <PageHeader title="Documents">
        Create, share and delete documents in {user.tenant_name}. Each change is recorded as an
        audit event by the Acme Docs backend.
      </PageHeader>

      <div className="demo-docs">
        <section className="demo-panel demo-docs__forms" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>New document</h2>
          <form className="demo-form" onSubmit={create}>
            <div className="demo-field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                className="imv-input"
                value={name}
                required
                maxLength={120}
                autoComplete="off"
                onChange={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <div className="demo-field">
              <label htmlFor={`${id}-folder`}>Folder</label>
              <select
                id={`${id}-folder`}
                className="imv-select"
                value={chosenFolder}
                onChange={(e) => setFolder(e.currentTarget.value)}
              >
                {folders.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="imv-button"
              data-variant="primary"
              disabled={mutation.isPending}
            >
              Create document
            </button>
          </form>

          <h2 id={`${id}-share`}>Share a document</h2>
          <form className="demo-form" aria-labelledby={`${id}-share`} onSubmit={share}>
            <div className="demo-field demo-field--wide">
              <label htmlFor={`${id}-doc`}>Document</label>
              <select
                id={`${id}-doc`}
                className="imv-select"
                value={chosenDoc}
                onChange={(e) => setShareDoc(e.currentTarget.value)}
              >
                {list.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="demo-field">
              <label htmlFor={`${id}-team`}>With team</label>
              <select
                id={`${id}-team`}
                className="imv-select"
                value={chosenTeam}
                onChange={(e) => setTeam(e.currentTarget.value)}
              >
                {teams.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </div>
            <div className="demo-field">
              <label htmlFor={`${id}-permission`}>Permission</label>
              <select
                id={`${id}-permission`}
                className="imv-select"
                value={permission}
                onChange={(e) => setPermission(e.currentTarget.value)}
              >
                {(options.data?.permissions ?? ['view']).map((p) => (
                  <option key={p} value={p}>
                    Can {p}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="imv-button"
              disabled={mutation.isPending || !chosenDoc}
            >
              Share
            </button>
          </form>

          <div className="demo-recorded" role="status">
            {recorded ? (
              <>
                <span className="demo-recorded__icon" aria-hidden="true">
                  ✓
                </span>{' '}
                Recorded <code>{recorded.action}</code> for “{recorded.document.name}”.{' '}
                <a
                  href={`/audit-log${searchWithFilters('', { resource_id: recorded.document.id })}`}
                  onClick={linkClick}
                >
                  See it in the audit log
                </a>
              </>
            ) : null}
          </div>
          {mutation.error ? (
            <p className="demo-form-error" role="alert">
              {mutation.error.message}
            </p>
          ) : null}
        </section>

        <section className="demo-panel demo-docs__list" aria-labelledby={`${id}-all`}>
          <h2 id={`${id}-all`}>All documents</h2>
          {docs.isPending ? (
            <p role="status">Loading documents…</p>
          ) : docs.error ? (
            <p role="alert">{docs.error.message}</p>
          ) : list.length === 0 ? (
            <p>No documents yet.</p>
          ) : (
            <table className="demo-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Folder</th>
                  <th scope="col">Shared with</th>
                  <th scope="col">
                    <span className="imv-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((doc) => (
                  <tr key={doc.id}>
                    <td>
                      <span className="demo-doc-name">{doc.name}</span>
                      <code className="demo-doc-id">{doc.id}</code>
                    </td>
                    <td>{doc.folder ?? '—'}</td>
                    <td>{doc.shared_with.length ? doc.shared_with.join(', ') : '—'}</td>
                    <td className="demo-table__actions">
                      <button
                        type="button"
                        className="imv-button demo-button-danger"
                        aria-label={`Delete ${doc.name}`}
                        disabled={mutation.isPending}
                        onClick={() => mutation.mutate({ action: 'delete', document_id: doc.id })}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="demo-panel demo-docs__activity" aria-labelledby={`${id}-activity`}>
        <h2 id={`${id}-activity`}>Your document activity</h2>
        <ImmutableViewerProvider client={client} timeZone={timeZone}>
          <AuditLogTable
            filters={MY_DOCUMENT_EVENTS}
            defaultPageSize={10}
            selectedEventId={selected?.id ?? null}
            onEventSelect={setSelected}
          />
          <EventDetailDrawer
            event={selected}
            open={selected !== null}
            onOpenChange={(open) => {
              if (!open) setSelected(null);
            }}
            container={themeRoot}
          />
        </ImmutableViewerProvider>
      </section>
    </>
  );
}
