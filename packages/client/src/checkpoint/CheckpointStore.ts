import type { Checkpoint, CheckpointScope } from './Checkpoint.js';
import { parseCheckpoint } from './parseCheckpoint.js';

/**
 * Where checkpoints are kept, one per scope. Either method may be async (a host can keep them
 * on its own backend, per user) and may throw: a failing store never breaks the log, the kit
 * then shows verify's result without the checkpoint comparison.
 */
export interface CheckpointStore {
  get(scope: CheckpointScope): Checkpoint | null | Promise<Checkpoint | null>;
  set(checkpoint: Checkpoint): void | Promise<void>;
}

/** One key per scope; the parts are encoded so no tenant or actor id can collide with another. */
export function checkpointKey(scope: CheckpointScope): string {
  const parts = [scope.base_url, scope.tenant_id, scope.actor_id ?? ''];
  return `imv.checkpoint:${parts.map(encodeURIComponent).join(':')}`;
}

/** The browser's localStorage, or null where there is none or it refuses access (a sandbox). */
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // reading the property itself throws in sandboxed frames and some private modes
  }
}

/**
 * The default store: the browser's `localStorage`. Without one (server rendering, a sandboxed
 * frame) it throws on use, and a full or refusing storage throws from `set`: the kit shows
 * that checkpoints are off rather than pretending to keep one. A stored value that is not a
 * checkpoint (edited by hand, an older format) reads as none.
 */
export function localStorageCheckpointStore(): CheckpointStore {
  const storage = (): Storage => {
    const found = browserStorage();
    if (!found) throw new Error('This browser gives no localStorage to keep checkpoints in.');
    return found;
  };
  return {
    get(scope) {
      const text = storage().getItem(checkpointKey(scope));
      if (text === null) return null;
      try {
        return parseCheckpoint(JSON.parse(text));
      } catch {
        return null;
      }
    },
    set(checkpoint) {
      storage().setItem(checkpointKey(checkpoint.scope), JSON.stringify(checkpoint));
    },
  };
}
