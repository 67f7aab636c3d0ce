import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHECKPOINT_KIND,
  checkpointKey,
  localStorageCheckpointStore,
  type Checkpoint,
} from '../src/index.js';
import { memoryStorage } from './memoryStorage.js';

const scope = { base_url: 'https://api.example.test', tenant_id: 'org:1', actor_id: null };
const checkpoint: Checkpoint = {
  kind: CHECKPOINT_KIND,
  version: 1,
  scope,
  head: { sequence: 3, event_hash: 'c'.repeat(64) },
  event: { id: 'evt_3', sequence: 3, event_hash: 'c'.repeat(64) },
  verified_at: '2026-03-01T00:00:00.000Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('localStorageCheckpointStore', () => {
  it('keeps one checkpoint per scope and reads it back', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const store = localStorageCheckpointStore();
    expect(store.get(scope)).toBeNull();
    store.set(checkpoint);
    expect(store.get(scope)).toEqual(checkpoint);
    expect(store.get({ ...scope, actor_id: 'alice' })).toBeNull();
    expect(localStorage.getItem(checkpointKey(scope))).toBe(JSON.stringify(checkpoint));
  });

  it('keys scopes so that no tenant or actor id can pass for another', () => {
    expect(checkpointKey({ ...scope, tenant_id: 'a:b', actor_id: null })).not.toBe(
      checkpointKey({ ...scope, tenant_id: 'a', actor_id: 'b' }),
    );
  });

  it('reads a stored value that is not a checkpoint as none', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    localStorage.setItem(checkpointKey(scope), '{"kind":"immutable.checkpoint","version":1}');
    expect(localStorageCheckpointStore().get(scope)).toBeNull();
    localStorage.setItem(checkpointKey(scope), 'not json');
    expect(localStorageCheckpointStore().get(scope)).toBeNull();
  });

  it('throws a clear error where there is no localStorage (a server) rather than keep nothing silently', () => {
    expect(typeof localStorage).toBe('undefined');
    expect(() => localStorageCheckpointStore().get(scope)).toThrow(/no localStorage/);
  });

  it('throws the same clear error where reading localStorage itself throws (a sandboxed frame)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      expect(() => localStorageCheckpointStore().set(checkpoint)).toThrow(/no localStorage/);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
