/**
 * The event detail drawer's strings (fields, hashes, the JSON tree, what changed): loaded with it.
 * Replace any of them through the `messages` prop (see `Messages`).
 */
export const drawerMessages = {
  eventDetails: 'Event details',
  fieldId: 'Event ID',
  fieldTenant: 'Tenant',
  fieldActor: 'Actor',
  fieldAction: 'Action',
  fieldCategory: 'Category',
  fieldResource: 'Resource',
  fieldSession: 'Session',
  fieldVersion: 'Version',
  fieldIdempotencyKey: 'Idempotency key',
  fieldCreatedAt: 'Time',
  targets: 'Targets',
  noTargets: 'No targets',
  context: 'Context',
  ipAddress: 'IP address',
  userAgent: 'User agent',
  country: 'Country',
  metadata: 'Metadata',
  noMetadata: 'No metadata',
  expand: 'Expand',
  collapse: 'Collapse',
  showMore: (n: number) => `Show ${n} more`,
  eventHash: 'Event hash',
  previousHash: 'Previous event hash',
  sequence: 'Sequence',
  copy: (what: string) => `Copy ${what}`,
  copied: 'Copied',
  recomputedMatches: 'Recomputed here: matches ✓',
  recomputedDiffers: 'Recomputed here: does not match ✗',
  /** Said when the event's text holds characters shown as their code points (revealHidden). */
  hiddenCharacters:
    'This event holds invisible or direction-changing characters, each shown as its code point (like U+202E).',
  loadingEvent: 'Loading event…',
  eventError: 'Could not load this event.',
  copyFailed: 'Could not copy: select the text and copy it yourself',
  recomputedHash: 'Recomputed hash',
  chainLink: 'Link',
  targetMetadata: 'Target metadata',
  jsonKeys: (n: number) => (n === 1 ? '1 key' : `${n} keys`),
  jsonItems: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  jsonLabel: (root: string) => `${root} as a tree`,
  showMoreIn: (n: number, path: string) => `Show ${n} more in ${path}`,
  /** The targets' Show more button's accessible name: what it adds and what is still hidden. */
  showMoreTargets: (n: number, hidden: number) => `Show ${n} more targets (${hidden} not shown)`,
  changesTitle: 'Changes',
  diffField: 'Field',
  diffBefore: 'Before',
  diffAfter: 'After',
  diffAbsent: 'not set',
  diffKinds: { changed: 'changed', added: 'added', removed: 'removed' } as Record<string, string>,
};

export type DrawerMessages = typeof drawerMessages;
