import type { AlertMessages } from './alertMessages.js';
import type { CoreMessages } from './coreMessages.js';
import type { DrawerMessages } from './drawerMessages.js';
import type { ExportMessages } from './exportMessages.js';
import type { FilterMessages } from './filterMessages.js';
import type { LiveTailMessages } from './liveTailMessages.js';
import type { ShortcutMessages } from './shortcutMessages.js';
import type { VerifyMessages } from './verifyMessages.js';
import type { ViewMessages } from './viewMessages.js';

/**
 * Every string the kit shows. Replace any of them through the `messages` prop (a partial object):
 * translations, or wording that fits the host app. The defaults live in groups, one per part,
 * so that each part's strings load with it: only the table's come before the first paint.
 */
export type Messages = CoreMessages &
  FilterMessages &
  DrawerMessages &
  VerifyMessages &
  ExportMessages &
  AlertMessages &
  ViewMessages &
  ShortcutMessages &
  LiveTailMessages;

/** What a `messages` prop holds: any strings, or any keys of a group, to lay over the defaults. */
export type MessageOverrides = Partial<Messages>;

const isGroup = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null;

/** `value` laid over `current`: a string or function is replaced, a group one key at a time. */
const laid = (current: unknown, value: unknown): unknown =>
  isGroup(current) && isGroup(value) ? { ...current, ...value } : value;

/**
 * `base` (the defaults of one group) with `overrides` laid over it — for `base`'s keys only, so
 * a part's strings do not carry every other part's. A group of strings (`breakTypes`,
 * `ruleNames`, `severityNames`, `exportFormats`) is replaced one key at a time, so overriding one
 * break type keeps the others. Undefined overrides keep the base; no override returns it as is.
 */
export function mergeMessages<Group extends object>(
  base: Group,
  overrides: MessageOverrides | undefined,
): Group {
  let merged: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined || !Object.hasOwn(base, key)) continue;
    merged ??= { ...base } as Record<string, unknown>;
    merged[key] = laid(merged[key], value);
  }
  return (merged ?? base) as Group;
}

/** A nested `messages` prop over the one around it: the inner wins, groups key by key. */
export function layerOverrides(
  outer: MessageOverrides | undefined,
  inner: MessageOverrides | undefined,
): MessageOverrides | undefined {
  if (!outer || !inner) return inner ?? outer;
  const merged: Record<string, unknown> = { ...outer };
  for (const [key, value] of Object.entries(inner)) {
    if (value !== undefined) merged[key] = laid(merged[key], value);
  }
  return merged as MessageOverrides;
}
