/**
 * The integrity checks' code (JCS, SHA-256 and the chain links), by itself: useIdleIntegrity
 * loads it with import() when the rows it checks have painted, so it is not part of what loads
 * before them (about 3 kB min+gzip, the largest part of it the SHA-256).
 */
export { IntegrityIndex } from '@getimmutable/client';
