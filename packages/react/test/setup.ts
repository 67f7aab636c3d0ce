import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The tests talk HTTP to a real emulator on a shared two-core machine: a first page can take
// longer than Testing Library's default second to arrive while other suites run.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  globalThis.localStorage?.clear(); // none in the server-rendering tests
});
