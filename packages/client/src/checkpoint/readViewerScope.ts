import { ImmutableError } from '../ImmutableError.js';
import { readJwtClaims } from '../readJwtClaims.js';
import type { CheckpointScope } from './Checkpoint.js';

/** The scope a viewer token reads: its `tenant_id` and `actor_id` claims, at `baseUrl`. */
export function readViewerScope(baseUrl: string, token: string): CheckpointScope {
  const claims = readJwtClaims(token);
  const tenant = claims?.tenant_id;
  if (typeof tenant !== 'string' || tenant === '') {
    throw new ImmutableError(
      'The viewer token names no tenant_id, so there is no chain to keep a checkpoint of.',
      0,
      'unknown_scope',
    );
  }
  const actor = claims?.actor_id;
  return {
    base_url: baseUrl.replace(/\/+$/, ''),
    tenant_id: tenant,
    actor_id: typeof actor === 'string' && actor !== '' ? actor : null,
  };
}
