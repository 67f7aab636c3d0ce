import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { EmulatorOptions } from '../src/createEmulator.js';
import { startHarness, type Harness } from './harness.js';

/**
 * Harnesses and temp directories that last one test. Call it once at the top of a test file:
 * it registers an afterEach that closes every harness `start` opened and removes every
 * directory `tempDir` made.
 */
export function harnessPerTest(tempPrefix = 'emulator-test-') {
  const harnesses: Harness[] = [];
  const tempDirs: string[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.emulator.close();
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** A harness (in memory unless `options.db` says otherwise), closed after the test. */
    start(options: EmulatorOptions = {}): Harness {
      const h = startHarness(options);
      harnesses.push(h);
      return h;
    },
    /** A new temp directory, removed after the test. */
    tempDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
      tempDirs.push(dir);
      return dir;
    },
    /** Leaves `h` open after the test: for a harness the test has closed itself. */
    forget(h: Harness): void {
      harnesses.splice(harnesses.indexOf(h), 1);
    },
  };
}
