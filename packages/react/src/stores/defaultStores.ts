import type { CheckpointStore, SavedViewStore } from '@getimmutable/client';
import { onDemand } from '../onDemand/onDemand.js';

/**
 * The localStorage stores, loaded when first used: only the verify badge (for its checkpoint) and
 * saved views use them, both after the first rows, and their parsing and checking of what they
 * read is 1.2 kB min+gzip that need not load before those rows. The stores' methods may answer
 * with a promise (see their interfaces), so waiting for the code is theirs to do.
 */
const localStores = onDemand(() => import('./localStores.js'));

export const defaultCheckpointStore: CheckpointStore = {
  get: async (scope) => (await localStores.load()).checkpointStore.get(scope),
  set: async (checkpoint) => (await localStores.load()).checkpointStore.set(checkpoint),
};

export const defaultSavedViewStore: SavedViewStore = {
  list: async () => (await localStores.load()).savedViewStore.list(),
  save: async (view) => (await localStores.load()).savedViewStore.save(view),
  remove: async (id) => (await localStores.load()).savedViewStore.remove(id),
};
