import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jcs } from './independentJcs.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the test JCS', () => {
  it('reproduces the RFC 8785 vectors byte for byte', () => {
    const dir = path.join(here, '../../contract/test/fixtures/rfc8785');
    const names = fs.readdirSync(path.join(dir, 'input'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const input = JSON.parse(fs.readFileSync(path.join(dir, 'input', name), 'utf8')) as unknown;
      const output = fs.readFileSync(path.join(dir, 'output', name), 'utf8');
      expect(jcs(input), name).toBe(output);
    }
  });
});
