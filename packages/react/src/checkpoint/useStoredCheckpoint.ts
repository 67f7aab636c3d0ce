import type { Checkpoint } from '@getimmutable/client';
import { useQuery } from '@tanstack/react-query';
import { auditKeys } from '../auditKeys.js';
import { useViewerConfig } from '../viewerContext.js';

/**
 * The checkpoint kept for this viewer's scope (its last complete, valid verify), or null when
 * none is kept, checkpoints are off, or the store cannot be read. For checking something else
 * against it: an export file, a receipt.
 * @example const checkpoint = useStoredCheckpoint(); <ExportVerifier checkpoint={checkpoint} />
 */
export function useStoredCheckpoint(): Checkpoint | null {
  const { client, checkpointStore } = useViewerConfig('useStoredCheckpoint');
  const query = useQuery({
    queryKey: auditKeys.storedCheckpoint(client),
    queryFn: async () => {
      try {
        return (await checkpointStore!.get(await client.scope())) ?? null;
      } catch {
        return null; // a store that fails has nothing to compare with; verify says so
      }
    },
    enabled: checkpointStore !== null,
    retry: false,
  });
  return query.data ?? null;
}
