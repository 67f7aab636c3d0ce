import { defineConfig } from 'vitest/config';

// One Vitest run over every package's own config, so `pnpm test` has one summary.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'bench/vitest.config.ts'],
  },
});
