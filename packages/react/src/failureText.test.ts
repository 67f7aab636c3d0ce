import { ImmutableError } from '@getimmutable/client';
import { describe, expect, it } from 'vitest';
import { failureSentence, isPassingFailure, requestedWaitMs } from './failureText.js';
import { defaultMessages as m } from './messages/defaultMessages.js';

const failure = (status: number, code: string) =>
  new ImmutableError(`GET /events failed (${code})`, status, code);

describe('a failed load in words', () => {
  it.each([
    [failure(0, 'network_error'), m.failureUnreachable, true],
    [failure(0, 'timeout'), m.failureSlow, true],
    [failure(429, 'rate_limited'), m.failureBusy, true],
    [failure(503, 'service_unavailable'), m.failureUnavailable, true],
    [failure(500, 'server_error'), m.failureUnavailable, true],
  ])('names the service trouble of %s, which may pass by itself', (error, sentence, passing) => {
    expect(failureSentence(error, m)).toBe(sentence);
    expect(isPassingFailure(error)).toBe(passing);
  });

  it('keeps the server’s own message for a failure that will not pass (a 4xx), and for other errors', () => {
    for (const error of [
      failure(422, 'validation_error'),
      failure(403, 'forbidden'),
      new Error('boom'),
    ]) {
      expect(failureSentence(error, m)).toBeNull();
      expect(isPassingFailure(error)).toBe(false);
    }
  });
});

describe('the wait a failure asks for', () => {
  const refused = (retryAfterMs: number | null) =>
    new ImmutableError('Slow down', 429, 'rate_limited', null, { retryAfterMs });

  it.each([
    ['a Retry-After of 90 s', refused(90_000), 90_000],
    ['none named', refused(null), 0],
    ['an error that is not the API’s', new Error('boom'), 0],
    ['no error', null, 0],
  ])('%s', (_, error, wait) => {
    expect(requestedWaitMs(error)).toBe(wait);
  });
});
