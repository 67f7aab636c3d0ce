/** @getimmutable/client/server — the server SDK (API key): ingest, query, verify, viewer tokens. */
export {
  ImmutableClient,
  type ImmutableClientOptions,
  type ViewerTokenRequest,
} from './ImmutableClient.js';
export { PendingEvent } from './PendingEvent.js';
export { ImmutableError, isImmutableError } from './ImmutableError.js';
export type { RetryOptions } from './transport.js';
export { MAX_BATCH } from '@getimmutable/contract';
export type * from '@getimmutable/contract';
