/**
 * The one error type of the kit: API failures (status and code from the server), and the
 * client's own (`status` 0 with `timeout`, `network_error`, `token_refresh_failed`, …).
 */
export class ImmutableError extends Error {
  override readonly name = 'ImmutableError';
  /** The HTTP status; 0 for a timeout, a network failure, or a failure before any response. */
  readonly status: number;
  /** The seed SDK's name for `status`. */
  readonly status_code: number;
  /** The server's `code` (`validation_error`, `token_expired`, …) or the client's own. */
  readonly code: string;
  /** The whole response body when there was one (parsed JSON, else text), else null. */
  readonly response_data: unknown;
  /**
   * How long the server asked to be left alone before the next try (its `Retry-After`, sent with
   * a 429 or a 503), in ms, at most 2^31 − 1 (about 24.8 days, the longest a timer waits); null
   * when it did not say. Whoever tries again by itself after this error waits at least this long:
   * the client's own retries do, and so does the UI kit.
   */
  readonly retryAfterMs: number | null;

  constructor(
    message: string,
    status: number,
    code: string,
    response_data: unknown = null,
    options?: { cause?: unknown; retryAfterMs?: number | null },
  ) {
    super(message, options);
    this.status = status;
    this.status_code = status;
    this.code = code;
    this.response_data = response_data;
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }

  /** Field errors of a 422 (`{"actor_id": ["is required"]}`), else an empty object. */
  get errors(): Record<string, string[]> {
    const data = this.response_data;
    const errors =
      typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined;
    return typeof errors === 'object' && errors !== null
      ? (errors as Record<string, string[]>)
      : {};
  }
}

/** True for an `ImmutableError`, also one from another copy of this package. */
export function isImmutableError(value: unknown): value is ImmutableError {
  return (
    value instanceof ImmutableError ||
    (value instanceof Error &&
      value.name === 'ImmutableError' &&
      typeof (value as ImmutableError).status === 'number')
  );
}
