import type { SavedView } from '@getimmutable/client';
import {
  forwardRef,
  useId,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
  type RefObject,
} from 'react';
import { cx } from '../cx.js';
import { searchWithFilters } from '../filters/useFiltersInUrl.js';
import {
  useDismissableLayer,
  type DismissableLayerOptions,
} from '../overlay/useDismissableLayer.js';
import { usePresentation } from '../viewerContext.js';
import { SavedViewItem } from './SavedViewItem.js';
import { useSavedViews, type ViewContent } from './useSavedViews.js';

export interface SavedViewsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  /** What "Save current view" keeps: the filters, column visibility and mode on screen now. */
  current: ViewContent;
  /** Called with the view the user applies. */
  onApply(view: SavedView): void;
  /** The link a view is shared as. @default this page's URL with the view's filters (the `useFiltersInUrl` parameters) */
  linkFor?: (view: SavedView) => string;
}

/** This page with the view's filters in its query string, as `useFiltersInUrl` reads them. */
function pageLinkFor(view: SavedView): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${searchWithFilters(search, view.filters)}`;
}

type Notice = { text: string; undo?: SavedView } | null;

/** Closes the open panel on Escape or a press outside: mounted with it, as the hook needs. */
function DismissWith(props: { layer: RefObject<HTMLElement | null> } & DismissableLayerOptions) {
  const { layer, ...options } = props;
  useDismissableLayer(layer, options);
  return null;
}

/**
 * Saved views behind a "Views" button: save the current filters, columns and mode under a
 * name; apply, copy the link of, rename or delete a saved one (with Undo). Escape or a click
 * outside closes the panel; what the user typed is kept until it is saved.
 * @example <SavedViews current={{ filters, columnVisibility }} onApply={(v) => setFilters(v.filters)} />
 */
export const SavedViews = forwardRef<HTMLDivElement, SavedViewsProps>(function SavedViews(
  { current, onApply, linkFor = pageLinkFor, className, ...rest },
  ref,
) {
  const { messages } = usePresentation();
  const views = useSavedViews();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const panelId = useId();
  const errorId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
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
    <div ref={ref} className={cx('imv-views', className)} data-slot="saved-views" {...rest}>
      <button
        ref={trigger}
        type="button"
        className="imv-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {messages.views}
        {views.views.length > 0 ? ` (${views.views.length})` : ''}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="region"
          aria-label={messages.viewsLabel}
          className="imv-views__panel"
          data-state={views.status}
        >
          <DismissWith layer={panel} onDismiss={close} inside={[trigger]} />
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
                  onApply={() => {
                    onApply(view);
                    // Applied, the panel gives the view back to the log it was covering.
                    setNotice({ text: messages.viewApplied(view.name) });
                    close();
                  }}
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
      ) : null}
    </div>
  );
});
