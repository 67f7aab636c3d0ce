import { renderHook } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { viewerFor } from '../test/emulatorFixture.js';
import { ImmutableViewerProvider } from './ImmutableViewerProvider.js';
import { alertMessages } from './messages/alertMessages.js';
import { coreMessages } from './messages/coreMessages.js';
import { defaultMessages } from './messages/defaultMessages.js';
import { exportMessages } from './messages/exportMessages.js';
import type { Messages } from './messages/Messages.js';
import { useMessages } from './messages/useMessages.js';
import { verifyMessages } from './messages/verifyMessages.js';

/** The strings as the parts read them: each its own group, with the provider's `messages` over them. */
function messagesWith(overrides: Partial<Messages>) {
  const client = viewerFor('org_acme');
  const queryClient = new QueryClient();
  const { result } = renderHook(
    () => ({
      ...useMessages(coreMessages, verifyMessages),
      ...useMessages(alertMessages, exportMessages),
    }),
    {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ImmutableViewerProvider client={client} queryClient={queryClient} messages={overrides}>
          {children}
        </ImmutableViewerProvider>
      ),
    },
  );
  return result.current;
}

describe('ImmutableViewerProvider messages', () => {
  it('keeps the other break types when one break type is overridden', () => {
    const messages = messagesWith({ breakTypes: { hash_mismatch: 'Inhalt verändert' } });
    expect(messages.breakTypes).toEqual({
      ...defaultMessages.breakTypes,
      hash_mismatch: 'Inhalt verändert',
    });
    expect(messages.breakTypes.sequence_gap).toBe('sequence gap');
  });

  it('merges every grouped message the same way, and replaces plain strings and functions', () => {
    const verified = (n: string) => `${n} geprüft`;
    const messages = messagesWith({
      ruleNames: { new_country: 'Neues Land' },
      severityNames: { high: 'Hoch' },
      exportFormats: { csv: 'CSV-Datei' },
      retry: 'Erneut',
      verified,
    });
    expect(messages.ruleNames).toEqual({ ...defaultMessages.ruleNames, new_country: 'Neues Land' });
    expect(messages.severityNames.low).toBe('Low');
    expect(messages.severityNames.high).toBe('Hoch');
    expect(messages.exportFormats.json).toBe('JSON');
    expect(messages.retry).toBe('Erneut');
    expect(messages.verified).toBe(verified);
    expect(messages.empty).toBe(defaultMessages.empty);
  });
});
