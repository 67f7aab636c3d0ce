import type { VerifyParams, VerifyResult } from '@getimmutable/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { auditKeys } from './auditKeys.js';
import { useViewerConfig } from './viewerContext.js';

export type VerifyRange = Pick<VerifyParams, 'from' | 'to' | 'limit'>;

export interface VerifyState {
  status: 'pending' | 'error' | 'success';
  /** The server's verdict over the whole range (every page summed). */
  result: VerifyResult | null;
  error: Error | null;
  /** Events checked so far while verifying. */
  checked: number;
  isVerifying: boolean;
  /** Verify the range again, from the start. */
  reverify(): void;
}

/**
 * Verifies a date range on the server to the end (following `next_cursor`), with progress.
 * @example const { status, result, checked } = useVerify({ from: '2026-03-01' });
 */
export function useVerify(
  range: VerifyRange = {},
  options: { enabled?: boolean } = {},
): VerifyState {
  const { client, clientKey } = useViewerConfig('useVerify');
  const queryClient = useQueryClient();
  const stable = useMemo(
    () => ({
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
      ...(range.limit ? { limit: range.limit } : {}),
    }),
    [range.from, range.to, range.limit],
  );
  const [progress, setProgress] = useState({ key: '', checked: 0 });
  const key = JSON.stringify(stable);
  const query = useQuery({
    queryKey: auditKeys.verify(clientKey, stable),
    queryFn: async ({ signal }) => {
      setProgress({ key, checked: 0 });
      const { data } = await client.verifyAll(stable, {
        signal,
        onProgress: ({ events_checked }) => setProgress({ key, checked: events_checked }),
      });
      return data;
    },
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
  return {
    status: query.status,
    result: query.data ?? null,
    error: query.error,
    checked: progress.key === key ? progress.checked : 0,
    isVerifying: query.isFetching,
    // Everything cached for this client goes stale too: verifying again after a break must not
    // leave the table and drawer showing copies of events fetched before the change.
    reverify: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all(clientKey) }),
  };
}
