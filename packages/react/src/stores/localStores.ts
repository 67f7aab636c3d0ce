import { localStorageCheckpointStore, localStorageSavedViewStore } from '@getimmutable/client';

/**
 * The provider's default stores, in the browser's localStorage: a module loaded on demand (see
 * defaultStores.ts). One of each for every provider; they read localStorage only when used.
 */
export const checkpointStore = localStorageCheckpointStore();
export const savedViewStore = localStorageSavedViewStore();
