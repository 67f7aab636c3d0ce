import { useEffect, useRef } from 'react';
import { cx } from '../cx.js';
import { useMessages } from '../messages/useMessages.js';
import { coreMessages } from '../messages/coreMessages.js';

export interface PartLoadFailedProps {
  message: string;
  /** The load's error: its own message is shown under ours, for a support request. */
  error: unknown;
  slot: string;
  className?: string | undefined;
  onRetry(): void;
  onClose?: (() => void) | undefined;
  /** Focus Retry when this shows (the part the user opened would have taken focus). */
  takeFocus?: boolean | undefined;
}

/**
 * Where a part's code could not load: what failed, the error's own words, Retry, and Close (or
 * Escape) for a part the user opened. Retry fetches the code again where the browser does not keep a failed
 * import's error for the page's life (whatwg/html#10327: Firefox and Safari do not; Chromium
 * still does), so the messages also say that reloading the page helps. The table's error box:
 * the same look for the same kind of news.
 */
export function PartLoadFailed({
  message,
  error,
  slot,
  className,
  onRetry,
  onClose,
  takeFocus,
}: PartLoadFailedProps) {
  const messages = useMessages(coreMessages);
  const box = useRef<HTMLDivElement>(null);
  const retry = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) retry.current?.focus();
  }, [takeFocus]);
  // Escape closes it, as it would have closed the part the user opened. Its own listener, not
  // useDismissableLayer: that hook is in the overlay code loaded on demand, and this box is what
  // shows when code loaded on demand could not load.
  useEffect(() => {
    const element = box.current;
    if (!element || !onClose) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <div ref={box} role="alert" className={cx('imv-table__error', className)} data-slot={slot}>
      <p className="imv-table__error-title">{message}</p>
      {detail ? <p className="imv-table__error-detail">{detail}</p> : null}
      <div className="imv-part-error__actions">
        <button ref={retry} type="button" className="imv-button" onClick={onRetry}>
          {messages.retry}
        </button>
        {onClose ? (
          <button type="button" className="imv-button" onClick={onClose}>
            {messages.close}
          </button>
        ) : null}
      </div>
    </div>
  );
}
