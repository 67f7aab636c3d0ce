import { useContext, useMemo } from 'react';
import { ViewerContext } from '../viewerContext.js';
import { mergeMessages } from './Messages.js';

/**
 * The strings of one group (or two: a part's own and the core ones it shares), with the host's
 * `messages` laid over them. Outside a provider, the defaults.
 */
export function useMessages<Group extends object>(group: Group): Group;
export function useMessages<Group extends object, Other extends object>(
  group: Group,
  other: Other,
): Group & Other;
export function useMessages(group: object, other?: object): object {
  const overrides = useContext(ViewerContext)?.messageOverrides;
  return useMemo(
    () =>
      other
        ? { ...mergeMessages(group, overrides), ...mergeMessages(other, overrides) }
        : mergeMessages(group, overrides),
    [group, other, overrides],
  );
}
