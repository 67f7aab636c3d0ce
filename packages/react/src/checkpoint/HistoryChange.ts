import type { Checkpoint, CheckpointChange } from '@getimmutable/client';

/** A changed history the user accepted: the checkpoint replaced, the new one, and the difference. */
export interface HistoryChange {
  previous: Checkpoint;
  current: Checkpoint;
  change: CheckpointChange;
  /** When the user accepted (ISO 8601, this browser's clock). */
  acceptedAt: string;
}
