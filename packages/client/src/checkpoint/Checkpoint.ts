/**
 * A checkpoint: what a viewer saw the last time a verify of its chain ended valid and complete.
 * Kept per scope (the service's URL, tenant and, for actor-scoped tokens, actor) so a later
 * verify can check that the history it saw was not rewritten since. Saved as a file, the same
 * object is a receipt (`CHECKPOINT_KIND` marks it), which the offline verifier reads too.
 */
export const CHECKPOINT_KIND = 'immutable.checkpoint';
export const CHECKPOINT_VERSION = 1;

/** Whose chain a checkpoint is of: the service, the tenant, and the actor for actor-scoped viewers. */
export interface CheckpointScope {
  /** The service's origin as given to the client (no trailing slash). */
  base_url: string;
  tenant_id: string;
  /** Set for an actor-scoped viewer token, else null. */
  actor_id: string | null;
}

export interface Checkpoint {
  kind: typeof CHECKPOINT_KIND;
  version: typeof CHECKPOINT_VERSION;
  scope: CheckpointScope;
  /** The chain's head when verified: the last event walked. */
  head: { sequence: number; event_hash: string };
  /**
   * The event the checkpoint is anchored on: the head when the viewer can read it, else the
   * newest event the viewer can read (an actor-scoped viewer may not see the head). Its id lets
   * a later check fetch it and compare; null when the viewer could read no event.
   */
  event: { id: string; sequence: number; event_hash: string } | null;
  /** When the verify that made this checkpoint ended (ISO 8601, the server's `verified_at`). */
  verified_at: string;
}
