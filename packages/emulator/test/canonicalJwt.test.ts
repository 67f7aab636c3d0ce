import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

// jose decodes base64url leniently, so one signature has several spellings that verify. Only
// the canonical one (the form the emulator itself writes) may pass.

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

/** A viewer token whose signature holds a `-` or `_`, so the standard alphabet spells it differently. */
async function tokenWithUrlOnlyCharacters(): Promise<[string, string, string]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [header, payload, signature] = (await h.viewer('org_a')).split('.') as [
      string,
      string,
      string,
    ];
    if (/[-_]/.test(signature)) return [header, payload, signature];
  }
  throw new Error('no signature with - or _ in 50 tokens');
}

const toStandardAlphabet = (segment: string) => segment.replace(/-/g, '+').replace(/_/g, '/');
const padded = (segment: string) => segment + '='.repeat((4 - (segment.length % 4)) % 4);

/** The same bytes with a different last character: only the unused low bits differ. */
function withOtherSpareBits(segment: string): string {
  const spareBits = { 2: 4, 3: 2 }[segment.length % 4];
  if (spareBits === undefined) throw new Error('this segment has no spare bits');
  const last = BASE64URL.indexOf(segment.at(-1)!);
  return segment.slice(0, -1) + BASE64URL[last ^ 1];
}

async function status(token: string): Promise<number> {
  return (await h.call('GET', '/events', { auth: token })).status;
}

describe('viewer tokens are accepted only in canonical base64url', () => {
  it('refuses a standard-alphabet, padded or spare-bit variant of a valid signature with 401', async () => {
    h = startHarness();
    const [header, payload, signature] = await tokenWithUrlOnlyCharacters();
    // 32 signature bytes are 43 characters: the last one carries 2 spare bits.
    expect(signature).toHaveLength(43);
    expect(await status(`${header}.${payload}.${signature}`)).toBe(200);
    const variants = {
      'standard alphabet': toStandardAlphabet(signature),
      padded: padded(signature),
      'standard base64': padded(toStandardAlphabet(signature)),
      'other spare bits': withOtherSpareBits(signature),
    };
    for (const [name, variant] of Object.entries(variants)) {
      expect(variant, name).not.toBe(signature);
      const res = await h.call('GET', '/events', { auth: `${header}.${payload}.${variant}` });
      expect(res.status, name).toBe(401);
      expect(res.body.code, name).toBe('unauthorized');
    }
  });

  it('refuses padded or re-spelled header and payload segments with 401', async () => {
    h = startHarness();
    const [header, payload, signature] = (await h.viewer('org_a')).split('.') as [
      string,
      string,
      string,
    ];
    expect(await status(`${header}.${payload}.${signature}`)).toBe(200);
    const variants = [
      `${header}=.${payload}.${signature}`,
      `${header}.${payload}=.${signature}`,
      `${header}.${payload}==.${signature}`,
      `${header}..${signature}`,
    ];
    for (const variant of variants) expect(await status(variant), variant).toBe(401);
  });

  it('keeps token_expired for a canonical, correctly signed but expired token', async () => {
    h = startHarness();
    const token = await h.viewer('org_a', undefined, 60);
    h.clock.now += 61_000;
    const res = await h.call('GET', '/events', { auth: token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });
});
