import type { SavedView } from '@getimmutable/client';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { searchWithView } from './viewLink.js';
import { useDismissableLayer } from '../overlay/useDismissableLayer.js';
import { SavedViewItem } from './SavedViewItem.js';
import type { SavedViewsState, ViewContent } from './useSavedViews.js';
import { useMessages } from '../messages/useMessages.js';
import { viewMessages } from '../messages/viewMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

/** What the panel says last, with an Undo for a deletion. */
export type Notice = { text: string; undo?: SavedView } | null;

export interface SavedViewsPanelProps {
  id: string;
  views: SavedViewsState;
  current: ViewContent;
  onApply(view: SavedView): void;
  linkFor: ((view: SavedView) => string) | undefined;
  /** The name being typed, kept by the trigger's part so closing the panel does not lose it. */
  name: string;
  onNameChange(name: string): void;
  notice: Notice;
  onNotice(notice: Notice): void;
  /** Closes the panel, focus back on its trigger (which counts as inside it). */
  onClose(): void;
  trigger: RefObject<HTMLButtonElement | null>;
}

/** This page with the view in its query string: filters, hidden columns and mode. */
function pageLinkFor(view: SavedView): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${searchWithView(search, view)}`;
}

/** The saved views' panel: save the current view, and apply, link, rename or delete the others. */
export function SavedViewsPanel({
  id,
  views,
  current,
  onApply,
  linkFor = pageLinkFor,
  name,
  onNameChange: setName,
  notice,
  onNotice: setNotice,
  onClose: close,
  trigger,
}: SavedViewsPanelProps) {
  const messages = useMessages(viewMessages, coreMessages);
  const [error, setError] = useState<string | null>(null);
  const panelId = id;
  const errorId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useDismissableLayer(panel, { onDismiss: close, inside: [trigger] });
  const failed = (failure: unknown) =>
    setNotice({ text: messages.viewFailed(failure instanceof Error ? failure.message : '') });

  const save = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    views.save(name, current).then(
      (view) => {
        setName('');
        setNotice({ text: messages.viewSaved(view.name) });
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const copyLink = (view: SavedView) => {
    const link = linkFor(view);
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(link))
      .then(
        () => setNotice({ text: messages.viewLinkCopied }),
        () => setNotice({ text: link }),
      );
  };

  return (
    <div
      ref={panel}
      id={panelId}
      role="region"
      aria-label={messages.viewsLabel}
      className="imv-views__panel"
      data-state={views.status}
    >
      <form className="imv-views__save" onSubmit={save}>
        <label className="imv-views__field">
          <span className="imv-views__label">{messages.viewName}</span>
          <input
            className="imv-input"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="imv-button">
          {messages.saveView}
        </button>
        {error ? (
          <p id={errorId} className="imv-views__error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {views.status === 'pending' ? (
        <p className="imv-views__empty">{messages.viewsLoading}</p>
      ) : null}
      {views.status === 'error' ? (
        <p className="imv-views__error" role="alert">
          {messages.viewsError(views.error.message)}{' '}
          <button type="button" className="imv-button" onClick={views.refetch}>
            {messages.retry}
          </button>
        </p>
      ) : null}
      {views.status === 'success' && views.views.length === 0 ? (
        <p className="imv-views__empty">{messages.noViews}</p>
      ) : null}
      {views.views.length > 0 ? (
        <ul className="imv-views__list">
          {views.views.map((view) => (
            <SavedViewItem
              key={view.id}
              view={view}
              onApply={() => onApply(view)}
              onCopyLink={() => copyLink(view)}
              onRename={(next) =>
                views
                  .rename(view.id, next)
                  .then(() => setNotice({ text: messages.viewRenamed(next.trim()) }))
              }
              onDelete={() =>
                views
                  .remove(view.id)
                  .then(
                    () => setNotice({ text: messages.viewDeleted(view.name), undo: view }),
                    failed,
                  )
              }
            />
          ))}
        </ul>
      ) : null}
      <p className="imv-views__notice" role="status">
        {notice?.text}
        {notice?.undo ? (
          <>
            {' '}
            <button
              type="button"
              className="imv-button"
              onClick={() => {
                const view = notice.undo!;
                views.restore(view).then(() => setNotice(null), failed);
              }}
            >
              {messages.undo}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
