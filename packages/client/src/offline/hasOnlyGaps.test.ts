import { describe, expect, it } from 'vitest';
import type { ExportBreak, ExportReport } from './ExportReport.js';
import { hasOnlyGaps } from './hasOnlyGaps.js';

const found = (type: ExportBreak['type']): ExportBreak => ({
  type,
  event_id: 'evt_1',
  tenant_id: 'org_acme',
  sequence: 4,
  expected: '3',
  actual: '4',
  line: 2,
  index: null,
});

const report = (breaks: ExportBreak[], receipt: ExportReport['receipt'] = null): ExportReport => ({
  status: breaks.length > 0 || receipt?.status === 'inconsistent' ? 'broken' : 'valid',
  format: 'ndjson',
  events: 3,
  bytes: 100,
  breaks,
  chains: [],
  receipt,
  problem: null,
});

const inconsistent: ExportReport['receipt'] = {
  status: 'inconsistent',
  tenant_id: 'org_acme',
  expected: { id: 'evt_1', sequence: 1, event_hash: 'a'.repeat(64) },
  actual: null,
  message: 'no event there',
};

describe('hasOnlyGaps', () => {
  it('is true for a broken report whose every break is a sequence gap', () => {
    expect(hasOnlyGaps(report([found('sequence_gap'), found('sequence_gap')]))).toBe(true);
  });

  it('is false beside any other break, for a receipt contradicted, and for a valid file', () => {
    for (const other of ['hash_mismatch', 'chain_mismatch', 'out_of_order'] as const) {
      expect(hasOnlyGaps(report([found('sequence_gap'), found(other)]))).toBe(false);
    }
    expect(hasOnlyGaps(report([found('sequence_gap')], inconsistent))).toBe(false);
    expect(hasOnlyGaps(report([]))).toBe(false);
  });
});
