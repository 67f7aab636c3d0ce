/**
 * A query's state, discriminated on `status` as react-query reports it: `error` is an Error
 * exactly when `status` is `'error'`.
 */
export type QueryStatusPart =
  | { status: 'pending'; error: null }
  | { status: 'error'; error: Error }
  | { status: 'success'; error: null };

/** A hook's result: its own fields, discriminated on `status`. */
export type WithStatus<T> = T & QueryStatusPart;

/** The status part of a react-query result (whose `error` is set exactly when it failed). */
export function statusOf(query: {
  status: QueryStatusPart['status'];
  error: Error | null;
}): QueryStatusPart {
  return query.status === 'error' && query.error
    ? { status: 'error', error: query.error }
    : { status: query.status === 'error' ? 'pending' : query.status, error: null };
}
