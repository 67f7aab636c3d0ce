/**
 * What a failed load means to a reader: that the service is unreachable, slow, busy or down —
 * rather than which request failed — and whether the kit is already trying again. A failure
 * that will not pass by itself (a 4xx: a bad filter, a refused token) keeps the server's own
 * message, which names the field or the reason.
 */
import { isImmutableError } from '@getimmutable/client';
import type { CoreMessages } from './messages/coreMessages.js';

/** A failure that may pass by itself (rate limit, server or network trouble, no token yet). */
export function isPassingFailure(error: Error | null): boolean {
  if (!isImmutableError(error)) return false;
  const { status, code } = error;
  return (
    status === 429 ||
    status >= 500 ||
    code === 'network_error' ||
    code === 'timeout' ||
    code === 'token_refresh_failed'
  );
}

/**
 * The wait the server asked for before the next try (its `Retry-After`), in ms; 0 when it named
 * none. Anything that tries again by itself waits at least this long, however short its own
 * backoff: coming back sooner only earns another refusal.
 */
export function requestedWaitMs(error: Error | null): number {
  // `?? 0`: an ImmutableError from an older copy of the client has no such field. The client
  // keeps it within what a timer can wait, so it can be a timer's delay as it is.
  return isImmutableError(error) ? (error.retryAfterMs ?? 0) : 0;
}

/** The sentence for a reader, or null when the technical message is the best there is. */
export function failureSentence(error: Error | null, messages: CoreMessages): string | null {
  if (!isImmutableError(error)) return null;
  if (error.code === 'network_error') return messages.failureUnreachable;
  if (error.code === 'timeout') return messages.failureSlow;
  if (error.status === 429) return messages.failureBusy;
  if (error.status >= 500) return messages.failureUnavailable;
  return null;
}
