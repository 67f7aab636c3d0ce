/** The figures the bench judges its results against; it reports misses, never fails on them. */
export const TARGETS = {
  ingestPerS: 20_000,
  pageP95Ms: 15,
  verifyPerS: 300_000,
  exportS: 5,
  rssMb: 300,
  searchStallMs: 1000,
};
