import { isRecord } from '@getimmutable/contract';

/**
 * A JWT's claims, read without checking the signature (the server checks it): the client only
 * uses them to plan (when to refresh, whose chain a checkpoint is of), never to grant anything.
 * Null when the token is not a JWT with a JSON object payload.
 */
export function readJwtClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isRecord(claims) ? claims : null;
  } catch {
    return null;
  }
}
