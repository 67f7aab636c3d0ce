/** @getimmutable/client/server — the server SDK (API key): ingest, query, verify, viewer tokens. */
export {
  ImmutableClient,
  MAX_BATCH,
  type ImmutableClientOptions,
  type ViewerTokenRequest,
} from './ImmutableClient.js';
export { PendingEvent } from './PendingEvent.js';
export { ImmutableError, isImmutableError } from './ImmutableError.js';
export type { RetryOptions } from './transport.js';
export type * from './types.js';
