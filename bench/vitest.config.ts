import { defineConfig } from 'vitest/config';

// The bench's own arithmetic (not its measurements, which print figures and judge nothing).
export default defineConfig({
  test: {
    include: ['lib/**/*.test.mjs'],
  },
});
