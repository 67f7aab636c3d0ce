/** @getimmutable/client — the browser's viewer client and the in-browser integrity checks. */
export { createViewerClient } from './createViewerClient.js';
export type {
  CallOptions,
  VerifyAllOptions,
  ViewerClient,
  ViewerClientOptions,
  WaitOptions,
} from './createViewerClient.js';
export { ImmutableError, isImmutableError } from './ImmutableError.js';
export type { RetryOptions } from './transport.js';
export { canonicalize } from './canonicalize.js';
export { computeEventHash, eventHashInput } from './computeEventHash.js';
export { checkEvent, type EventCheck } from './checkEvent.js';
export { checkChain, type ChainLinkCheck } from './checkChain.js';
export { sha256Hex } from './sha256.js';
export type * from './types.js';
