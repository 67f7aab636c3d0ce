import { failureSentence, isPassingFailure } from '../failureText.js';
import type { CoreMessages } from '../messages/coreMessages.js';

export interface TableErrorProps {
  error: Error | null;
  /** Rows are still on screen under the error (the last ones loaded for the same query). */
  hasRows: boolean;
  onRetry(): void;
  messages: CoreMessages;
}

/**
 * A failed load, as an alert: what is wrong with the service in words, whether the kit is
 * already trying again (and that the rows shown are the last ones), the request's own message as
 * detail, and Retry.
 */
export function TableError({ error, hasRows, onRetry, messages }: TableErrorProps) {
  const sentence = failureSentence(error, messages);
  return (
    <div role="alert" className="imv-table__error" data-slot="table-error">
      <p className="imv-table__error-title">{messages.errorTitle}</p>
      {sentence ? (
        <p className="imv-table__error-message">
          {sentence}{' '}
          {isPassingFailure(error)
            ? hasRows
              ? messages.failureKeptRows
              : messages.failureRetrying
            : null}
        </p>
      ) : null}
      {error?.message ? <p className="imv-table__error-detail">{error.message}</p> : null}
      <button type="button" className="imv-button" onClick={() => onRetry()}>
        {messages.retry}
      </button>
    </div>
  );
}
