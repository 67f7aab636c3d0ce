import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Checkpoints live in localStorage by default: no test may inherit another's.
  globalThis.localStorage?.clear(); // none in the server-rendering tests
});
