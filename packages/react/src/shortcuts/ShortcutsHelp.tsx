import { useEffect, useId, useRef } from 'react';
import { useDismissableLayer } from '../overlay/useDismissableLayer.js';
import { AUDIT_LOG_SHORTCUTS, SHORTCUT_KEYS } from './useAuditLogShortcuts.js';
import { useMessages } from '../messages/useMessages.js';
import { shortcutMessages } from '../messages/shortcutMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

export interface ShortcutsHelpProps {
  /** Closes the help; focus goes back where it was when it opened. */
  onClose(): void;
}

/**
 * The list of keyboard shortcuts, in a small non-modal dialog: focus moves into it, Escape or a
 * press outside closes it, and focus returns to where it was.
 */
export function ShortcutsHelp({ onClose }: ShortcutsHelpProps) {
  const messages = useMessages(shortcutMessages, coreMessages);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = dialog.current?.ownerDocument.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => before?.focus?.();
  }, []);
  useDismissableLayer(dialog, { onDismiss: onClose });

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-labelledby={titleId}
      className="imv-shortcuts"
      data-slot="shortcuts-help"
    >
      <div className="imv-shortcuts__header">
        <h2 id={titleId} className="imv-shortcuts__title">
          {messages.shortcutsTitle}
        </h2>
        <button ref={closeButton} type="button" className="imv-button" onClick={onClose}>
          {messages.close}
        </button>
      </div>
      <dl className="imv-shortcuts__list">
        {AUDIT_LOG_SHORTCUTS.map((shortcut) => (
          <div key={shortcut} className="imv-shortcuts__item">
            <dt>
              <kbd>{SHORTCUT_KEYS[shortcut]}</kbd>
            </dt>
            <dd>{messages.shortcuts[shortcut]}</dd>
          </div>
        ))}
      </dl>
      <p className="imv-shortcuts__note">{messages.shortcutsNote}</p>
    </div>
  );
}
