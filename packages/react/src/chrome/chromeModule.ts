import { onDemand } from '../onDemand/onDemand.js';

/**
 * The code of `<AuditLog />`'s filters and toolbar (see onDemand.ts). It is fetched while the
 * first rows load, and they paint before it is needed.
 */
export const chromePart = onDemand(() => import('./AuditLogChrome.js'));

/** Loads the chrome's code (once; after a failure, the next call tries again). */
export const loadChrome = chromePart.load;

// A server loads it as it starts, so that its renders have it: `renderToString`, which cannot
// wait for it, then renders the filters into the page's markup like the streaming renderers.
if (typeof window === 'undefined') void loadChrome().catch(() => {});
