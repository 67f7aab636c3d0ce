import { errors as joseErrors, jwtVerify } from 'jose';
import {
  fromBase64Url,
  randomUuid,
  timingSafeEqual,
  toBase64Url,
  utf8,
} from './crypto/encoding.js';
import { hmacSha256 } from './crypto/sha256.js';
import { HttpError } from './HttpError.js';
import type { Scope } from './types.js';

/** The contract's signing secret: HMAC-SHA256(key = API key, "immutable-viewer-token-v1"). */
export function viewerSecret(apiKey: string): Uint8Array {
  return hmacSha256(utf8(apiKey), utf8('immutable-viewer-token-v1'));
}

const HEADER = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

export interface ViewerClaims {
  tenant_id: string;
  actor_id: string | null;
}

/**
 * A viewer token (HS256 JWT: `typ`, `tenant_id`, `actor_id` when set, `iat`, `exp`, `jti`),
 * signed synchronously (HMAC in JavaScript, as the browser emulator needs); `authenticate`
 * checks it with jose. `exp` is `iat + ttlSeconds`, or `expiresAt` (epoch seconds) when given.
 */
export function signViewerToken(
  secret: Uint8Array,
  claims: ViewerClaims,
  ttlSeconds: number,
  nowMs: number,
  options: { jti?: string; expiresAt?: number } = {},
): { token: string; expires_at: number } {
  const iat = Math.floor(nowMs / 1000);
  const exp = options.expiresAt ?? iat + ttlSeconds;
  const payload: Record<string, string | number> = { typ: 'viewer', tenant_id: claims.tenant_id };
  if (claims.actor_id !== null) payload.actor_id = claims.actor_id;
  Object.assign(payload, { iat, exp, jti: options.jti ?? randomUuid() });
  const input = `${HEADER}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
  const signature = toBase64Url(hmacSha256(secret, utf8(input)));
  return { token: `${input}.${signature}`, expires_at: exp };
}

const unauthorized = (why: string) => new HttpError(401, 'unauthorized', why);

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Whether each of the three segments is canonical base64url: the url alphabet, no `=` padding,
 * and spare low bits of the last character zero (re-encoding the bytes gives it back). jose
 * decodes leniently, so without this one signature would have several accepted spellings.
 */
function isCanonicalCompactJwt(token: string): boolean {
  if (!COMPACT_JWT.test(token)) return false;
  return token.split('.').every((segment) => {
    const bytes = fromBase64Url(segment);
    return bytes !== null && toBase64Url(bytes) === segment;
  });
}

/**
 * Checks a bearer credential: the API key, or a viewer token whose signature and `alg`
 * (HS256 only) are checked before `exp`, so a forged token is `unauthorized`, never `token_expired`.
 */
export async function authenticate(
  header: string | undefined,
  apiKey: string,
  secret: Uint8Array,
  nowMs: number,
): Promise<Scope> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) {
    throw unauthorized(
      'Missing credentials: send Authorization: Bearer <API key or viewer token>.',
    );
  }
  const credential = match[1]!;
  if (credential.startsWith('imk_')) {
    if (timingSafeEqual(credential, apiKey)) return { kind: 'api_key' };
    throw unauthorized('Invalid API key.');
  }
  if (!isCanonicalCompactJwt(credential)) throw unauthorized('Invalid viewer token.');
  let payload;
  try {
    ({ payload } = await jwtVerify(credential, secret, {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
      clockTolerance: 0,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new HttpError(401, 'token_expired', 'The viewer token has expired; get a new one.');
    }
    throw unauthorized('Invalid viewer token.');
  }
  if (payload.typ !== 'viewer' || typeof payload.tenant_id !== 'string') {
    throw unauthorized('Invalid viewer token: not a viewer token.');
  }
  if (typeof payload.exp !== 'number') throw unauthorized('Invalid viewer token: no expiry.');
  if (payload.actor_id !== undefined && typeof payload.actor_id !== 'string') {
    throw unauthorized('Invalid viewer token: actor_id must be a string.');
  }
  return { kind: 'viewer', tenant_id: payload.tenant_id, actor_id: payload.actor_id ?? null };
}
