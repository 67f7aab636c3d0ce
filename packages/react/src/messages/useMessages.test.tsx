import { renderHook } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { viewerFor } from '../../test/emulatorFixture.js';
import { ImmutableViewerProvider } from '../ImmutableViewerProvider.js';
import { coreMessages } from './coreMessages.js';
import { filterMessages } from './filterMessages.js';
import type { Messages } from './Messages.js';
import { useMessages } from './useMessages.js';

const inProvider = (messages: Partial<Messages>) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <ImmutableViewerProvider
        client={viewerFor('org_acme')}
        queryClient={new QueryClient()}
        messages={messages}
      >
        {children}
      </ImmutableViewerProvider>
    );
  };

describe('useMessages', () => {
  it('gives every mount the same defaults object, one group or two, when nothing is overridden', () => {
    const one = renderHook(() => useMessages(coreMessages));
    expect(one.result.current).toBe(coreMessages);
    const first = renderHook(() => useMessages(filterMessages, coreMessages));
    const second = renderHook(() => useMessages(filterMessages, coreMessages));
    expect(second.result.current).toBe(first.result.current);
    expect(first.result.current.clearFilters).toBe('Clear filters');
    expect(first.result.current.retry).toBe('Retry');
  });

  it("lays the provider's messages over both groups, and carries no other group's keys", () => {
    const { result } = renderHook(() => useMessages(filterMessages, coreMessages), {
      wrapper: inProvider({ clearFilters: 'Alles löschen', retry: 'Erneut', eventDetails: 'X' }),
    });
    expect(result.current.clearFilters).toBe('Alles löschen');
    expect(result.current.retry).toBe('Erneut');
    expect(result.current).not.toHaveProperty('eventDetails');
    expect(filterMessages.clearFilters).toBe('Clear filters');
  });
});
