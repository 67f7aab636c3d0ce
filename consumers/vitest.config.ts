// The consumer tests: the packed tarballs installed into fresh apps outside the repository
// (`pnpm test` runs them after the other suites; alone: `pnpm test:consumers`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'consumers',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    globalSetup: ['globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Builds of the apps are CPU-bound on two cores: one file at a time.
    fileParallelism: false,
  },
});
