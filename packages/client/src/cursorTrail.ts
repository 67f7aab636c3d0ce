import { ImmutableError } from './ImmutableError.js';

/**
 * The cursors a walk over pages has followed: a cursor the server sends a second time would
 * walk the same pages again, for ever, so it is refused (`invalid_response`) instead of
 * followed. A walk holds one string per page.
 * @param what the walk, for the message ("GET /verify")
 */
export function cursorTrail(what: string): (cursor: string) => string {
  const followed = new Set<string>();
  return (cursor) => {
    if (followed.has(cursor)) {
      const message = `${what} repeated a cursor: following it would loop for ever.`;
      throw new ImmutableError(message, 200, 'invalid_response');
    }
    followed.add(cursor);
    return cursor;
  };
}
