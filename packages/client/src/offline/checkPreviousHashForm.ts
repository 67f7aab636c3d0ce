import { HASH_FORM } from '../hashForm.js';
import { UnusableInput } from './UnusableInput.js';

export const PREVIOUS_HASH_PROBLEM =
  'event.integrity.previous_event_hash must be 64 lowercase hex digits or null';

/**
 * Throws UnusableInput for a `previous_event_hash` of another form. The fast path leaves this
 * check to the chain (a hex test of 64 characters cost a tenth of the verify, measured in Node
 * 20): a link that matches the event below has already shown the form, so only links that do
 * not, and the lowest event of a chain, are tested.
 */
export function checkPreviousHashForm(previousHash: string | null, position: number): void {
  if (previousHash !== null && !HASH_FORM.test(previousHash)) {
    throw new UnusableInput(PREVIOUS_HASH_PROBLEM, position);
  }
}
