import { useContext, useMemo } from 'react';
import { ViewerContext } from '../viewerContext.js';
import { mergeMessages } from './Messages.js';

/** Two groups as one object, made once per pair for the page rather than once per mount. */
const pairs = new WeakMap<object, WeakMap<object, object>>();
function pair(group: object, other: object): object {
  let byOther = pairs.get(group);
  if (!byOther) pairs.set(group, (byOther = new WeakMap()));
  let both = byOther.get(other);
  if (!both) byOther.set(other, (both = { ...group, ...other }));
  return both;
}

/**
 * The strings of one group (or two: a part's own and the core ones it shares), with the host's
 * `messages` laid over them. Outside a provider, the defaults. Without overrides it returns the
 * defaults themselves, so an unchanged object never re-renders anything.
 */
export function useMessages<Group extends object>(group: Group): Group;
export function useMessages<Group extends object, Other extends object>(
  group: Group,
  other: Other,
): Group & Other;
export function useMessages(group: object, other?: object): object {
  const overrides = useContext(ViewerContext)?.messageOverrides;
  return useMemo(
    () => mergeMessages(other ? pair(group, other) : group, overrides),
    [group, other, overrides],
  );
}
