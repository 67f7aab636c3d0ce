/**
 * A small synchronous SHA-256 over a string's UTF-8 bytes (lone surrogates become U+FFFD, as
 * TextEncoder and Node encode them). Synchronous because WebCrypto's one promise per digest
 * costs more than hashing a short event.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Int32Array(64);
const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));
let buffer = new Uint8Array(2048);

let encoder: TextEncoder | undefined;

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  const need = text.length * 3 + 72;
  if (buffer.length < need) buffer = new Uint8Array(need + (need >> 1));
  // encodeInto writes straight into the reused buffer (no allocation per hash).
  const { written } = (encoder ??= new TextEncoder()).encodeInto(text, buffer);
  return digestHex(buffer, written);
}

/** Lowercase hex SHA-256 of `bytes`. */
export function sha256HexBytes(bytes: Uint8Array): string {
  const need = bytes.length + 72;
  if (buffer.length < need) buffer = new Uint8Array(need + (need >> 1));
  buffer.set(bytes);
  return digestHex(buffer, bytes.length);
}

/** Pads `b[0..n)` in place (b has room for 72 more bytes) and hashes it. */
function digestHex(b: Uint8Array, n: number): string {
  const bits = n * 8;
  let end = n + 1;
  b[n] = 0x80;
  while (end % 64 !== 56) b[end++] = 0;
  const high = Math.floor(bits / 0x100000000);
  b[end++] = high >>> 24;
  b[end++] = high >>> 16;
  b[end++] = high >>> 8;
  b[end++] = high;
  b[end++] = bits >>> 24;
  b[end++] = bits >>> 16;
  b[end++] = bits >>> 8;
  b[end++] = bits;

  let h0 = 0x6a09e667,
    h1 = 0xbb67ae85 | 0,
    h2 = 0x3c6ef372,
    h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f,
    h5 = 0x9b05688c | 0,
    h6 = 0x1f83d9ab,
    h7 = 0x5be0cd19;
  const w = W;
  let t = 0;
  for (let off = 0; off < end; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) {
      w[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      // Add in int32 pairs: a wider sum would leave V8's integer fast path.
      w[i] = (((s1 + w[i - 7]!) | 0) + ((s0 + w[i - 16]!) | 0)) | 0;
    }
    let a = h0,
      bb = h1,
      c = h2,
      d = h3,
      e = h4,
      f = h5,
      g = h6,
      h = h7;
    // Eight rounds per pass with the roles of the variables rotating, instead of shifting
    // eight values every round.
    for (let i = 0; i < 64; i += 8) {
      t =
        ((((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          ((e & f) ^ (~e & g))) |
          0) +
          ((h + ((K[i]! + w[i]!) | 0)) | 0)) |
        0;
      d = (d + t) | 0;
      h =
        (t +
          ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
            ((a & bb) ^ (a & c) ^ (bb & c)))) |
        0;
      t =
        ((((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
          ((d & e) ^ (~d & f))) |
          0) +
          ((g + ((K[i + 1]! + w[i + 1]!) | 0)) | 0)) |
        0;
      c = (c + t) | 0;
      g =
        (t +
          ((((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
            ((h & a) ^ (h & bb) ^ (a & bb)))) |
        0;
      t =
        ((((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
          ((c & d) ^ (~c & e))) |
          0) +
          ((f + ((K[i + 2]! + w[i + 2]!) | 0)) | 0)) |
        0;
      bb = (bb + t) | 0;
      f =
        (t +
          ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
            ((g & h) ^ (g & a) ^ (h & a)))) |
        0;
      t =
        ((((((bb >>> 6) | (bb << 26)) ^ ((bb >>> 11) | (bb << 21)) ^ ((bb >>> 25) | (bb << 7))) +
          ((bb & c) ^ (~bb & d))) |
          0) +
          ((e + ((K[i + 3]! + w[i + 3]!) | 0)) | 0)) |
        0;
      a = (a + t) | 0;
      e =
        (t +
          ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
            ((f & g) ^ (f & h) ^ (g & h)))) |
        0;
      t =
        ((((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
          ((a & bb) ^ (~a & c))) |
          0) +
          ((d + ((K[i + 4]! + w[i + 4]!) | 0)) | 0)) |
        0;
      h = (h + t) | 0;
      d =
        (t +
          ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
            ((e & f) ^ (e & g) ^ (f & g)))) |
        0;
      t =
        ((((((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
          ((h & a) ^ (~h & bb))) |
          0) +
          ((c + ((K[i + 5]! + w[i + 5]!) | 0)) | 0)) |
        0;
      g = (g + t) | 0;
      c =
        (t +
          ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
            ((d & e) ^ (d & f) ^ (e & f)))) |
        0;
      t =
        ((((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
          ((g & h) ^ (~g & a))) |
          0) +
          ((bb + ((K[i + 6]! + w[i + 6]!) | 0)) | 0)) |
        0;
      f = (f + t) | 0;
      bb =
        (t +
          ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
            ((c & d) ^ (c & e) ^ (d & e)))) |
        0;
      t =
        ((((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
          ((f & g) ^ (~f & h))) |
          0) +
          ((a + ((K[i + 7]! + w[i + 7]!) | 0)) | 0)) |
        0;
      e = (e + t) | 0;
      a =
        (t +
          ((((bb >>> 2) | (bb << 30)) ^ ((bb >>> 13) | (bb << 19)) ^ ((bb >>> 22) | (bb << 10))) +
            ((bb & c) ^ (bb & d) ^ (c & d)))) |
        0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  let out = '';
  for (const v of [h0, h1, h2, h3, h4, h5, h6, h7]) {
    out += HEX[v >>> 24]! + HEX[(v >>> 16) & 255]! + HEX[(v >>> 8) & 255]! + HEX[v & 255]!;
  }
  return out;
}
