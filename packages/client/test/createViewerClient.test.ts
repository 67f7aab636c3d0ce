import { describe, expect, it } from 'vitest';
import { createViewerClient } from '../src/index.js';

const baseUrl = 'http://127.0.0.1:1';
const getToken = () => Promise.reject(new Error('not called'));

describe('createViewerClient identity', () => {
  it('gives every client its own id, so caches keyed by it never mix clients', () => {
    const a = createViewerClient({ baseUrl, getToken });
    const b = createViewerClient({ baseUrl, getToken });
    expect(a.id).toMatch(/^viewer-\d+$/);
    expect(b.id).toMatch(/^viewer-\d+$/);
    expect(a.id).not.toBe(b.id);
    // Stable: the same client answers the same id every time.
    expect(a.id).toBe(a.id);
  });

  it('keeps the id it is given, so a server and a browser can key one cache alike', () => {
    const client = createViewerClient({ baseUrl, getToken, id: 'org_acme:me' });
    expect(client.id).toBe('org_acme:me');
    // A plain property: a copy of the client (`{ ...client, exports }`) keeps it.
    expect({ ...client }.id).toBe('org_acme:me');
  });

  it('refuses an empty id', () => {
    expect(() => createViewerClient({ baseUrl, getToken, id: ' ' })).toThrow(TypeError);
  });
});
