import type { AuditEvent } from '@getimmutable/client';
import { hasHidden } from '../revealHidden.js';

/**
 * Whether any text the event's writer chose — a field, a target, the context, or a key or string
 * anywhere in metadata — holds a character the drawer shows as its code point (revealHidden), so
 * the drawer can say why "U+202E" appears in a name. The integrity fields are the server's hex.
 */
export function holdsHiddenText(event: AuditEvent): boolean {
  const { integrity: _serverHashes, ...written } = event;
  const pending: unknown[] = [written];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (hasHidden(value)) return true;
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (hasHidden(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}
