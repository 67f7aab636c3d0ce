import type { SavedView } from '@getimmutable/client';
import { forwardRef, useId, useRef, useState, type HTMLAttributes } from 'react';
import { cx } from '../cx.js';
import { onDemand } from '../onDemand/onDemand.js';
import { OnDemandPart } from '../onDemand/OnDemandPart.js';
import type { Notice } from './SavedViewsPanel.js';
import { useSavedViews, type ViewContent } from './useSavedViews.js';
import { useMessages } from '../messages/useMessages.js';
import { viewMessages } from '../messages/viewMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

// The panel (forms, list, links) is opened by a click: its code loads then, not with the log.
const panelPart = onDemand(() => import('./SavedViewsPanel.js'));

export interface SavedViewsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  /** What "Save current view" keeps: the filters, column visibility and mode on screen now. */
  current: ViewContent;
  /** Called with the view the user applies. */
  onApply(view: SavedView): void;
  /** The link a view is shared as. @default this page's URL with the view in it (`searchWithView`: filters, hidden columns, mode) */
  linkFor?: (view: SavedView) => string;
}

/**
 * Saved views behind a "Views" button: save the current filters, columns and mode under a
 * name; apply, copy the link of, rename or delete a saved one (with Undo). Escape or a click
 * outside closes the panel; what the user typed is kept until it is saved.
 * @example <SavedViews current={{ filters, columnVisibility }} onApply={(v) => setFilters(v.filters)} />
 */
export const SavedViews = forwardRef<HTMLDivElement, SavedViewsProps>(function SavedViews(
  { current, onApply, linkFor, className, ...rest },
  ref,
) {
  const messages = useMessages(viewMessages, coreMessages);
  const views = useSavedViews();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const panelId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
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
        onPointerEnter={panelPart.preload}
        onFocus={panelPart.preload}
      >
        {messages.views}
        {views.views.length > 0 ? ` (${views.views.length})` : ''}
      </button>
      {open ? (
        <OnDemandPart
          part={panelPart}
          render={({ SavedViewsPanel }) => (
            <SavedViewsPanel
              id={panelId}
              views={views}
              current={current}
              onApply={(view) => {
                onApply(view);
                // Applied, the panel gives the view back to the log it was covering.
                setNotice({ text: messages.viewApplied(view.name) });
                close();
              }}
              linkFor={linkFor}
              name={name}
              onNameChange={setName}
              notice={notice}
              onNotice={setNotice}
              onClose={close}
              trigger={trigger}
            />
          )}
          failure={messages.panelLoadFailed}
          failureSlot="saved-views-error"
          failureClassName="imv-views__panel"
          onClose={close}
          focusOnFailure
        />
      ) : null}
    </div>
  );
});
