import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '@getimmutable/emulator';

export const API_KEY = 'imk_client_tests_0123456789abcdefghijklmnop';

export interface RunningEmulator {
  emulator: Emulator;
  url: string;
  stop(): Promise<void>;
}

/** The real emulator on a random port with a temporary SQLite file. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imk-client-'));
  const emulator = createEmulator({ db: path.join(dir, 'test.db'), apiKey: API_KEY, ...options });
  const { url } = await emulator.listen(0);
  return {
    emulator,
    url,
    async stop() {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
