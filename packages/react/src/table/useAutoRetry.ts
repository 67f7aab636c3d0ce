import { useEffect, useRef, useState } from 'react';
import { isPassingFailure, requestedWaitMs } from '../failureText.js';
import type { TableEvents } from './useTableEvents.js';

/** After a load fails for a passing reason it is tried again after 5 s, then 10 s, 20 s… */
const AUTO_RETRY_MS = 5_000;
/** …at most a minute apart, so a long outage still recovers within a minute of its end. */
const AUTO_RETRY_MAX_MS = 60_000;

/** The wait before automatic retry number `attempt` (0-based). */
export function autoRetryDelay(attempt: number): number {
  return Math.min(AUTO_RETRY_MAX_MS, AUTO_RETRY_MS * 2 ** attempt);
}

/**
 * Tries a load that failed for a passing reason (rate limit, server or network trouble) again by
 * itself, less often each time, so the log recovers when the server does without anyone pressing
 * Retry; never sooner than the server's `Retry-After` asked. Each try is one `refetch` (the
 * client adds its own retries inside it). A failure that will not pass (a 4xx) is left to the user.
 */
export function useAutoRetry(
  result: Pick<TableEvents, 'status' | 'error' | 'isFetching' | 'isPlaceholderData' | 'refetch'>,
): void {
  const [attempts, setAttempts] = useState(0);
  // A real success starts the backoff over. Not while the previous page stands in for the next:
  // react-query reports that as a success too.
  if (result.status === 'success' && !result.isPlaceholderData && attempts !== 0) {
    setAttempts(0);
  }
  const retryLater =
    result.status === 'error' && !result.isFetching && isPassingFailure(result.error);
  const delayMs = Math.max(autoRetryDelay(attempts), requestedWaitMs(result.error));

  // The timer calls the refetch of the render it fires in, without restarting on a new function.
  const latestRefetch = useRef(result.refetch);
  useEffect(() => {
    latestRefetch.current = result.refetch;
  });
  useEffect(() => {
    if (!retryLater) return;
    const timer = setTimeout(() => {
      setAttempts((n) => n + 1);
      latestRefetch.current();
    }, delayMs);
    return () => clearTimeout(timer);
  }, [retryLater, delayMs]);
}
