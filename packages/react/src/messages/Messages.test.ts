import { describe, expect, it } from 'vitest';
import { defaultMessages, messageGroups as groups } from './defaultMessages.js';
import { drawerMessages } from './drawerMessages.js';
import { coreMessages } from './coreMessages.js';
import { liveTailMessages } from './liveTailMessages.js';
import { layerOverrides, mergeMessages } from './Messages.js';

describe('message groups', () => {
  it('define each string once: no key is in two groups, and defaultMessages holds every one', () => {
    const owners = new Map<string, string[]>();
    for (const [name, group] of Object.entries(groups)) {
      for (const key of Object.keys(group)) owners.set(key, [...(owners.get(key) ?? []), name]);
    }
    const twice = [...owners].filter(([, names]) => names.length > 1);
    expect(twice).toEqual([]);
    expect(Object.keys(defaultMessages).sort()).toEqual([...owners.keys()].sort());
  });

  it("lays the host's messages over one group's keys only, and keeps the group itself when none apply", () => {
    const overrides = { retry: 'Erneut', eventDetails: 'Ereignis' };
    const drawer = mergeMessages(drawerMessages, overrides);
    expect(drawer.eventDetails).toBe('Ereignis');
    expect(drawer).not.toHaveProperty('retry');
    expect(Object.keys(drawer)).toEqual(Object.keys(drawerMessages));
    expect(mergeMessages(liveTailMessages, overrides)).toBe(liveTailMessages);
    expect(mergeMessages(coreMessages, { retry: undefined })).toBe(coreMessages);
  });

  it('layers a nested `messages` over the outer one: the inner wins, a group key by key', () => {
    const layered = layerOverrides(
      { retry: 'Erneut', breakTypes: { hash_mismatch: 'Inhalt' }, close: 'Zu' },
      { retry: 'Nochmal', breakTypes: { sequence_gap: 'Lücke' }, close: undefined },
    );
    expect(layered).toEqual({
      retry: 'Nochmal',
      breakTypes: { hash_mismatch: 'Inhalt', sequence_gap: 'Lücke' },
      close: 'Zu',
    });
    const only = { retry: 'Erneut' };
    expect(layerOverrides(only, undefined)).toBe(only);
    expect(layerOverrides(undefined, only)).toBe(only);
  });
});
