import {
  checkCheckpoint,
  reconcileCheckpoint,
  type Checkpoint,
  type CheckpointChange,
  type CheckpointOutcome,
  type CheckpointScope,
  type VerifyResult,
} from '@getimmutable/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { auditKeys } from '../auditKeys.js';
import { useViewerConfig } from '../viewerContext.js';

export interface UseCheckpointOptions {
  /** The verify result to compare: only a valid, complete one with a head is compared. */
  result: VerifyResult | null | undefined;
  /** False when the result does not reach the chain's end (a verify with `to`). @default true */
  enabled?: boolean;
  /**
   * The verify walked the whole chain (no `from`): a result with no head then means the chain
   * is empty, which is a change when a checkpoint was kept. @default false
   */
  fromStart?: boolean;
}

/** A receipt checked against the server now. */
export type ReceiptCheck =
  | { status: 'consistent'; receipt: Checkpoint }
  | { status: 'changed'; receipt: Checkpoint; change: CheckpointChange }
  | { status: 'other_scope'; receipt: Checkpoint; scope: CheckpointScope };

interface CheckpointActions {
  /**
   * Replaces a changed history's checkpoint with the current one and calls the provider's
   * `onHistoryChange`. Does nothing when the chain is now empty (`canAccept` false): there is
   * no history to vouch for until events are verified again.
   */
  accept(): Promise<void>;
  canAccept: boolean;
  isAccepting: boolean;
  /** Checks a receipt (a checkpoint saved as a file) against the server now and this verify's head. */
  checkReceipt(receipt: Checkpoint): Promise<ReceiptCheck>;
}

/**
 * The scope's checkpoint compared with a verify, discriminated on `status`: `idle` (nothing to
 * compare: verifying, broken, a bounded range, or checkpoints off), `checking`, `recorded` (the
 * first), `consistent`, `changed` (with the change; it stays until accepted), `unavailable`
 * (the store failed; the verify result stands) or `error` (the server failed the comparison).
 * @example const checkpoint = useCheckpoint({ result: verify.result });
 */
export type CheckpointState = CheckpointActions &
  (
    | { status: 'idle' | 'checking'; checkpoint: null }
    | (CheckpointOutcome & { status: 'recorded' | 'consistent' | 'changed' })
    | { status: 'unavailable' | 'error'; checkpoint: null; error: Error }
  );

export function useCheckpoint({
  result,
  enabled = true,
  fromStart = false,
}: UseCheckpointOptions): CheckpointState {
  const { client, checkpointStore, onHistoryChange } = useViewerConfig('useCheckpoint');
  const queryClient = useQueryClient();
  const [isAccepting, setAccepting] = useState(false);
  const comparable = Boolean(
    enabled && checkpointStore && result?.valid && result.complete && (result.head || fromStart),
  );
  const queryKey = auditKeys.checkpoint(client, result?.verified_at ?? '');
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const reconciled = await reconcileCheckpoint(client, checkpointStore!, result!, {
        signal,
        fromStart,
      });
      // The store may hold a new checkpoint now: readers of it (useStoredCheckpoint) read again.
      void queryClient.invalidateQueries({ queryKey: auditKeys.storedCheckpoint(client) });
      return reconciled;
    },
    enabled: comparable,
    staleTime: Infinity,
    retry: false,
  });
  const outcome = comparable ? query.data : undefined;

  const actions: CheckpointActions = {
    isAccepting,
    canAccept: outcome?.status === 'changed' && outcome.current !== null,
    async accept() {
      if (outcome?.status !== 'changed' || !outcome.current || !checkpointStore) return;
      const current = outcome.current;
      setAccepting(true);
      try {
        await checkpointStore.set(current);
        const accepted: CheckpointOutcome = {
          status: 'consistent',
          checkpoint: current,
          previous: outcome.checkpoint,
        };
        queryClient.setQueryData(queryKey, accepted);
        void queryClient.invalidateQueries({ queryKey: auditKeys.storedCheckpoint(client) });
        onHistoryChange({
          previous: outcome.checkpoint,
          current,
          change: outcome.change,
          acceptedAt: new Date().toISOString(),
        });
      } finally {
        setAccepting(false);
      }
    },
    async checkReceipt(receipt) {
      const scope = await client.scope();
      const same =
        scope.base_url === receipt.scope.base_url &&
        scope.tenant_id === receipt.scope.tenant_id &&
        scope.actor_id === receipt.scope.actor_id;
      if (!same) return { status: 'other_scope', receipt, scope };
      if (!result?.complete || !result.head)
        throw new Error('Verify the whole chain first: a receipt is compared with its head.');
      const change = await checkCheckpoint(client, receipt, result.head);
      return change ? { status: 'changed', receipt, change } : { status: 'consistent', receipt };
    },
  };

  if (!comparable) return { ...actions, status: 'idle', checkpoint: null };
  if (query.status === 'error')
    return { ...actions, status: 'error', checkpoint: null, error: query.error };
  if (!outcome) return { ...actions, status: 'checking', checkpoint: null };
  if (outcome.status === 'unavailable') return { ...actions, ...outcome, checkpoint: null };
  if (outcome.status === 'empty') return { ...actions, status: 'idle', checkpoint: null };
  return { ...actions, ...outcome };
}
