/** The form of every hash in an event's integrity and in a checkpoint: 64 lowercase hex digits. */
export const HASH_FORM = /^[0-9a-f]{64}$/;
