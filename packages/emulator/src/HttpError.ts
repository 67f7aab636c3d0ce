/** Field name (dotted path for nested input) → human sentences about what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

/**
 * The one exception the emulator throws for a client-visible failure; `app.onError` turns it
 * into the contract's error body `{message, code, errors?}`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function validationError(errors: FieldErrors): HttpError {
  const [field, messages] = Object.entries(errors)[0] ?? ['body', ['is invalid']];
  const more = Object.keys(errors).length - 1;
  const summary =
    `${field} ${messages[0]}` + (more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '');
  return new HttpError(422, 'validation_error', `The given data was invalid: ${summary}.`, errors);
}

export const notFound = (what = 'The requested resource'): HttpError =>
  new HttpError(404, 'not_found', `${what} was not found.`);
