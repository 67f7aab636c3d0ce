/** Checkpoint stores for stories: in memory, so no story inherits another's (or a past run's). */
import { checkpointKey, type Checkpoint, type CheckpointStore } from '@getimmutable/client';

/**
 * A store in memory; `initial` (read when first asked, after the story's server has loaded)
 * gives the checkpoint a viewer kept before the story starts.
 */
export function memoryCheckpointStore(initial?: () => Checkpoint | null): CheckpointStore {
  let kept: Map<string, Checkpoint> | null = null;
  const all = () => {
    if (!kept) {
      kept = new Map();
      const first = initial?.();
      if (first) kept.set(checkpointKey(first.scope), first);
    }
    return kept;
  };
  return {
    get: (scope) => all().get(checkpointKey(scope)) ?? null,
    set: (checkpoint) => void all().set(checkpointKey(checkpoint.scope), checkpoint),
  };
}
