/**
 * A small synchronous SHA-256 over a string's UTF-8 bytes (lone surrogates become U+FFFD, as
 * TextEncoder and Node encode them): the one JavaScript SHA-256 of the client (browsers' checks)
 * and of the emulator (its browser build). Synchronous because WebCrypto's one promise per digest
 * costs more than hashing a short event. Not @noble/hashes, measured in Chromium on 5,000 event
 * texts of 731 B: 321,647–351,550 hashes/s against noble 2.4.0's 66,791–71,083/s (its `sha256`,
 * `bytesToHex`), and 1,597 B min+gzip against 2,772 B.
 *
 * Browsers run this for every `checkEvent`, where it is most of the time (bench/checkEvent.chromium.mjs
 * has the figures and a `--profile` switch), so it is written for the optimizing compilers:
 * - nothing is allocated per hash: the native `encodeInto` writes the UTF-8 bytes straight into
 *   one reused buffer (a charCodeAt loop in JS took twice as long, even for ASCII) and the
 *   padding goes in place after them;
 * - a block's words come from a DataView (one big-endian load each, ~10% faster than four byte
 *   loads and shifts);
 * - the 16-word message window lives in 16 local variables, extended in place (W[t] needs only
 *   W[t-16..t-1]), and the 64 rounds are written out with the roles of a…h renamed from round to
 *   round instead of moved: no array traffic in the rounds, and no shuffling. Against the former
 *   loop over a 64-word Int32Array this roughly doubles the speed. Smaller forms measured slower
 *   on SHA-256 alone in Chromium: 16 written-out rounds run 4 times ~11% (~1–4% with the tricks
 *   below, ~3% of checkEvent), a 64-word schedule array ~25%, σ/Σ helper functions ~60% (they
 *   are not all inlined);
 * - …yet the 64 rounds cost few bytes in the UI kit's bundle, which counts min+gzip: gzip stores
 *   a repeated stretch of text once, so every round is written to repeat as much as it can. Each
 *   line first copies its operands to x, y, z (free once compiled), so the long Σ/σ/Ch/Maj text
 *   is the same on every line; K is read as `k[r++]`, not `K[17]`; and as the roles come back to
 *   the start every 8 rounds and the window's names every 16, rounds 16–31, 32–47 and 48–63 are
 *   the same text. `sha256Hex` alone is 1,598 B min+gzip (esbuild, gzip -9) against 2,277 B when
 *   each round spelled out its operands and K index, at the same checkEvent speed (A/B in
 *   Chromium, per CPU second: +0.8% and +1.5%, within noise); the minified text is 2 KB longer;
 * - Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b (`bc`):
 *   one operation a round fewer than (a & b) | (c & (a | b));
 * - every sum ends in `| 0`, so it stays a 32-bit integer addition;
 * - the hex digest is one String.fromCharCode call.
 */

/**
 * FIPS 180-4 §4.2.2, §5.3.3: the first 32 bits of the fractional parts of the cube (K) and square
 * (H) roots of the first primes, derived at load rather than spelled out (fewer bytes shipped).
 */
const K = new Int32Array(64);
const H = new Int32Array(8);
for (let n = 2, found = 0; found < 64; n++) {
  let d = 2;
  while (n % d) d++;
  if (d < n) continue;
  if (found < 8) H[found] = (Math.sqrt(n) % 1) * 2 ** 32;
  K[found++] = (Math.cbrt(n) % 1) * 2 ** 32;
}

/** Char codes of the hex digits 0-9a-f. */
const DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

let buffer = new Uint8Array(2048);
let view = new DataView(buffer.buffer);
let encoder: InstanceType<typeof TextEncoder> | undefined; // typed without the DOM library

/** Makes sure the reused buffer holds `need` bytes. */
function reserve(need: number): void {
  if (buffer.length < need) {
    buffer = new Uint8Array(need + (need >> 1));
    view = new DataView(buffer.buffer);
  }
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; the padding adds at most 72.
  reserve(text.length * 3 + 72);
  const { written } = (encoder ??= new TextEncoder()).encodeInto(text, buffer);
  return digestHex(written);
}

/** Lowercase hex SHA-256 of bytes that need not be text (an HMAC's padded key and message). */
export function sha256HexOfBytes(data: Uint8Array): string {
  reserve(data.length + 72);
  buffer.set(data);
  return digestHex(data.length);
}

/**
 * The digest as 64 lowercase hex digits, built by one String.fromCharCode call: one flat string,
 * where concatenating 32 two-digit pieces allocated 32 strings (and the caller's comparison then
 * flattened them); in Chromium that halved this step, ~3% of a checkEvent.
 */
// prettier-ignore
function hexDigest(h0: number, h1: number, h2: number, h3: number, h4: number, h5: number, h6: number, h7: number): string {
  const D = DIGITS;
  return String.fromCharCode(
    D[h0 >>> 28]!, D[(h0 >>> 24) & 15]!, D[(h0 >>> 20) & 15]!, D[(h0 >>> 16) & 15]!, D[(h0 >>> 12) & 15]!, D[(h0 >>> 8) & 15]!, D[(h0 >>> 4) & 15]!, D[h0 & 15]!,
    D[h1 >>> 28]!, D[(h1 >>> 24) & 15]!, D[(h1 >>> 20) & 15]!, D[(h1 >>> 16) & 15]!, D[(h1 >>> 12) & 15]!, D[(h1 >>> 8) & 15]!, D[(h1 >>> 4) & 15]!, D[h1 & 15]!,
    D[h2 >>> 28]!, D[(h2 >>> 24) & 15]!, D[(h2 >>> 20) & 15]!, D[(h2 >>> 16) & 15]!, D[(h2 >>> 12) & 15]!, D[(h2 >>> 8) & 15]!, D[(h2 >>> 4) & 15]!, D[h2 & 15]!,
    D[h3 >>> 28]!, D[(h3 >>> 24) & 15]!, D[(h3 >>> 20) & 15]!, D[(h3 >>> 16) & 15]!, D[(h3 >>> 12) & 15]!, D[(h3 >>> 8) & 15]!, D[(h3 >>> 4) & 15]!, D[h3 & 15]!,
    D[h4 >>> 28]!, D[(h4 >>> 24) & 15]!, D[(h4 >>> 20) & 15]!, D[(h4 >>> 16) & 15]!, D[(h4 >>> 12) & 15]!, D[(h4 >>> 8) & 15]!, D[(h4 >>> 4) & 15]!, D[h4 & 15]!,
    D[h5 >>> 28]!, D[(h5 >>> 24) & 15]!, D[(h5 >>> 20) & 15]!, D[(h5 >>> 16) & 15]!, D[(h5 >>> 12) & 15]!, D[(h5 >>> 8) & 15]!, D[(h5 >>> 4) & 15]!, D[h5 & 15]!,
    D[h6 >>> 28]!, D[(h6 >>> 24) & 15]!, D[(h6 >>> 20) & 15]!, D[(h6 >>> 16) & 15]!, D[(h6 >>> 12) & 15]!, D[(h6 >>> 8) & 15]!, D[(h6 >>> 4) & 15]!, D[h6 & 15]!,
    D[h7 >>> 28]!, D[(h7 >>> 24) & 15]!, D[(h7 >>> 20) & 15]!, D[(h7 >>> 16) & 15]!, D[(h7 >>> 12) & 15]!, D[(h7 >>> 8) & 15]!, D[(h7 >>> 4) & 15]!, D[h7 & 15]!,
  );
}

/** Pads the message in `buffer[0..n)` in place and hashes it. */
function digestHex(n: number): string {
  const bytes = buffer;
  const bits = n * 8;
  let end = n + 1;
  bytes[n] = 0x80;
  while (end % 64 !== 56) bytes[end++] = 0;
  view.setUint32(end, Math.floor(bits / 0x100000000));
  view.setUint32(end + 4, bits >>> 0);
  end += 8;

  const v = view,
    k = K;
  let h0 = H[0]!,
    h1 = H[1]!,
    h2 = H[2]!,
    h3 = H[3]!,
    h4 = H[4]!,
    h5 = H[5]!,
    h6 = H[6]!,
    h7 = H[7]!;
  let t = 0,
    x = 0,
    y = 0,
    z = 0,
    ab = 0,
    bc = 0,
    r = 0;
  // The 64 rounds are written out, three lines each (prettier would wrap each line into many).
  // Round i is:
  //   T1 = h + K[i] + W[i] + Σ1(e) + Ch(e, f, g);  d += T1;  h = T1 + Σ0(a) + Maj(a, b, c)
  // with Ch(e, f, g) = g ^ (e & (f ^ g)) and Maj as above, x, y, z standing for e, f, g (or a, b),
  // and r counting the rounds; then every letter moves one role down (a's value becomes b…),
  // which the next round's names express.
  // From round 16, W[i] = W[i-16] + W[i-7] + σ0(W[i-15]) + σ1(W[i-2]), written over W[i-16].
  // prettier-ignore
  for (let j = 0; j < end; j += 64) {
    let w0 = v.getInt32(j), w1 = v.getInt32(j + 4), w2 = v.getInt32(j + 8), w3 = v.getInt32(j + 12);
    let w4 = v.getInt32(j + 16), w5 = v.getInt32(j + 20), w6 = v.getInt32(j + 24), w7 = v.getInt32(j + 28);
    let w8 = v.getInt32(j + 32), w9 = v.getInt32(j + 36), w10 = v.getInt32(j + 40), w11 = v.getInt32(j + 44);
    let w12 = v.getInt32(j + 48), w13 = v.getInt32(j + 52), w14 = v.getInt32(j + 56), w15 = v.getInt32(j + 60);
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    bc = b ^ c; // what round 0 needs of the round before it
    r = 0;
    // Rounds 0–15 use the block's words as they are.
    x = e; y = f; z = g; t = (h + k[r++]! + w0 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = d; y = e; z = f; t = (g + k[r++]! + w1 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = c; y = d; z = e; t = (f + k[r++]! + w2 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = b; y = c; z = d; t = (e + k[r++]! + w3 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = a; y = b; z = c; t = (d + k[r++]! + w4 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = h; y = a; z = b; t = (c + k[r++]! + w5 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = g; y = h; z = a; t = (b + k[r++]! + w6 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = f; y = g; z = h; t = (a + k[r++]! + w7 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = e; y = f; z = g; t = (h + k[r++]! + w8 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = d; y = e; z = f; t = (g + k[r++]! + w9 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = c; y = d; z = e; t = (f + k[r++]! + w10 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = b; y = c; z = d; t = (e + k[r++]! + w11 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = a; y = b; z = c; t = (d + k[r++]! + w12 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = h; y = a; z = b; t = (c + k[r++]! + w13 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = g; y = h; z = a; t = (b + k[r++]! + w14 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = f; y = g; z = h; t = (a + k[r++]! + w15 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    // Rounds 16–31: first W[16..31] in place of W[0..15].
    x = w1; y = w14; w0 = (w0 + w9 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w0 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w2; y = w15; w1 = (w1 + w10 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w1 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w3; y = w0; w2 = (w2 + w11 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w2 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w4; y = w1; w3 = (w3 + w12 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w3 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w5; y = w2; w4 = (w4 + w13 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w4 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w6; y = w3; w5 = (w5 + w14 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w5 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w7; y = w4; w6 = (w6 + w15 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w6 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w8; y = w5; w7 = (w7 + w0 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w7 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w9; y = w6; w8 = (w8 + w1 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w8 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w10; y = w7; w9 = (w9 + w2 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w9 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w11; y = w8; w10 = (w10 + w3 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w10 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w12; y = w9; w11 = (w11 + w4 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w11 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w13; y = w10; w12 = (w12 + w5 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w12 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w14; y = w11; w13 = (w13 + w6 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w13 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w15; y = w12; w14 = (w14 + w7 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w14 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w0; y = w13; w15 = (w15 + w8 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w15 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    // Rounds 32–47: first W[32..47] in place of W[16..31].
    x = w1; y = w14; w0 = (w0 + w9 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w0 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w2; y = w15; w1 = (w1 + w10 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w1 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w3; y = w0; w2 = (w2 + w11 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w2 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w4; y = w1; w3 = (w3 + w12 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w3 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w5; y = w2; w4 = (w4 + w13 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w4 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w6; y = w3; w5 = (w5 + w14 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w5 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w7; y = w4; w6 = (w6 + w15 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w6 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w8; y = w5; w7 = (w7 + w0 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w7 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w9; y = w6; w8 = (w8 + w1 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w8 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w10; y = w7; w9 = (w9 + w2 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w9 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w11; y = w8; w10 = (w10 + w3 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w10 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w12; y = w9; w11 = (w11 + w4 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w11 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w13; y = w10; w12 = (w12 + w5 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w12 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w14; y = w11; w13 = (w13 + w6 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w13 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w15; y = w12; w14 = (w14 + w7 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w14 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w0; y = w13; w15 = (w15 + w8 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w15 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    // Rounds 48–63: first W[48..63] in place of W[32..47].
    x = w1; y = w14; w0 = (w0 + w9 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w0 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w2; y = w15; w1 = (w1 + w10 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w1 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w3; y = w0; w2 = (w2 + w11 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w2 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w4; y = w1; w3 = (w3 + w12 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w3 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w5; y = w2; w4 = (w4 + w13 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w4 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w6; y = w3; w5 = (w5 + w14 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w5 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w7; y = w4; w6 = (w6 + w15 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w6 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w8; y = w5; w7 = (w7 + w0 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w7 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w9; y = w6; w8 = (w8 + w1 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = e; y = f; z = g; t = (h + k[r++]! + w8 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    d = (d + t) | 0;
    x = a; y = b; ab = x ^ y; h = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w10; y = w7; w9 = (w9 + w2 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = d; y = e; z = f; t = (g + k[r++]! + w9 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    c = (c + t) | 0;
    x = h; y = a; ab = x ^ y; g = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w11; y = w8; w10 = (w10 + w3 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = c; y = d; z = e; t = (f + k[r++]! + w10 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    b = (b + t) | 0;
    x = g; y = h; ab = x ^ y; f = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w12; y = w9; w11 = (w11 + w4 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = b; y = c; z = d; t = (e + k[r++]! + w11 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    a = (a + t) | 0;
    x = f; y = g; ab = x ^ y; e = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w13; y = w10; w12 = (w12 + w5 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = a; y = b; z = c; t = (d + k[r++]! + w12 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    h = (h + t) | 0;
    x = e; y = f; ab = x ^ y; d = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w14; y = w11; w13 = (w13 + w6 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = h; y = a; z = b; t = (c + k[r++]! + w13 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    g = (g + t) | 0;
    x = d; y = e; ab = x ^ y; c = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w15; y = w12; w14 = (w14 + w7 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = g; y = h; z = a; t = (b + k[r++]! + w14 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    f = (f + t) | 0;
    x = c; y = d; ab = x ^ y; b = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    x = w0; y = w13; w15 = (w15 + w8 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    x = f; y = g; z = h; t = (a + k[r++]! + w15 + (((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7))) + (z ^ (x & (y ^ z)))) | 0;
    e = (e + t) | 0;
    x = b; y = c; ab = x ^ y; a = (t + (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) + (y ^ (ab & bc))) | 0; bc = ab;
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  return hexDigest(h0, h1, h2, h3, h4, h5, h6, h7);
}
