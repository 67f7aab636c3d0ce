import type { VerifyResult } from '@getimmutable/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { auditKeys, normalizeRange, type VerifyRange } from './auditKeys.js';
import { auditQueries } from './auditQueries.js';
import { useViewerConfig } from './viewerContext.js';

export type { VerifyRange };

export interface UseVerifyOptions extends VerifyRange {
  /** Set false to hold the verification. @default true */
  enabled?: boolean;
}

interface VerifyFields {
  /** Events checked so far while verifying. */
  checked: number;
  isVerifying: boolean;
  /** Verify the range again, from the start. */
  reverify(): void;
}

/** A verification, discriminated on `status`: `result` is the server's verdict once it succeeded. */
export type VerifyState = VerifyFields &
  (
    | { status: 'pending'; result: null; error: null }
    | { status: 'error'; result: VerifyResult | null; error: Error }
    | { status: 'success'; result: VerifyResult; error: null }
  );

/**
 * Verifies a date range on the server to the end (following `next_cursor`), with progress.
 * @example const { status, result, checked } = useVerify({ from: '2026-03-01' });
 */
export function useVerify({ enabled = true, ...range }: UseVerifyOptions = {}): VerifyState {
  const { client } = useViewerConfig('useVerify');
  const queryClient = useQueryClient();
  const key = JSON.stringify(normalizeRange(range));
  const [progress, setProgress] = useState({ key, checked: 0 });
  const options = auditQueries(client).verify(range, {
    onProgress: ({ events_checked }) => setProgress({ key, checked: events_checked }),
  });
  const query = useQuery({
    ...options,
    queryFn: (context) => {
      setProgress({ key, checked: 0 }); // a new run counts from zero again
      return options.queryFn!(context);
    },
    enabled,
  });
  const checked = progress.key === key ? progress.checked : 0;
  return {
    ...(query.status === 'error'
      ? { status: 'error', result: query.data ?? null, error: query.error }
      : query.status === 'success'
        ? { status: 'success', result: query.data, error: null }
        : { status: 'pending', result: null, error: null }),
    checked,
    isVerifying: query.isFetching,
    // Everything cached for this client goes stale too: verifying again after a break must not
    // leave the table and drawer showing copies of events fetched before the change.
    reverify: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all(client) }),
  };
}
