import type { SavedView } from '@getimmutable/client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { UserText } from '../UserText.js';
import { useMessages } from '../messages/useMessages.js';
import { viewMessages } from '../messages/viewMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

export interface SavedViewItemProps {
  view: SavedView;
  onApply(): void;
  onCopyLink(): void;
  onRename(name: string): Promise<void>;
  onDelete(): void;
}

/** One saved view: apply it, copy its link, rename it in place, or delete it. */
export function SavedViewItem({
  view,
  onApply,
  onCopyLink,
  onRename,
  onDelete,
}: SavedViewItemProps) {
  const messages = useMessages(viewMessages, coreMessages);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(view.name);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  useEffect(() => {
    // Focus goes into the field, and back to Rename when it closes.
    if (renaming) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (wasRenaming.current) renameRef.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    onRename(draft).then(
      () => setRenaming(false),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const filters = Object.keys(view.filters).length;

  if (renaming) {
    return (
      <li className="imv-views__item" data-state="renaming">
        <form className="imv-views__rename" onSubmit={submit}>
          <input
            ref={inputRef}
            className="imv-input"
            aria-label={messages.newViewName(view.name)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.stopPropagation(); // closes the rename, not the panel
              setDraft(view.name);
              setError(null);
              setRenaming(false);
            }}
          />
          <button type="submit" className="imv-button">
            {messages.save}
          </button>
          <button
            type="button"
            className="imv-button"
            onClick={() => {
              setDraft(view.name);
              setError(null);
              setRenaming(false);
            }}
          >
            {messages.cancel}
          </button>
          {error ? (
            <p id={errorId} className="imv-views__error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      </li>
    );
  }
  return (
    <li className="imv-views__item">
      <button
        type="button"
        className="imv-button imv-views__apply"
        aria-label={messages.applyView(view.name)}
        onClick={onApply}
      >
        <UserText>{view.name}</UserText>
      </button>
      <span className="imv-views__summary">{messages.viewSummary(filters)}</span>
      <button
        type="button"
        className="imv-button"
        aria-label={messages.copyViewLink(view.name)}
        onClick={onCopyLink}
      >
        {messages.copyLink}
      </button>
      <button
        ref={renameRef}
        type="button"
        className="imv-button"
        aria-label={messages.renameView(view.name)}
        onClick={() => setRenaming(true)}
      >
        {messages.rename}
      </button>
      <button
        type="button"
        className="imv-button"
        aria-label={messages.deleteView(view.name)}
        onClick={onDelete}
      >
        {messages.remove}
      </button>
    </li>
  );
}
