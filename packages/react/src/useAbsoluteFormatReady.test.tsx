import { renderHook, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatAbsolute } from './formatTime.js';
import { useAbsoluteFormatReady } from './useAbsoluteFormatReady.js';

function Ready({ zone }: { zone: string }) {
  return <p>{String(useAbsoluteFormatReady(zone, undefined))}</p>;
}

describe('useAbsoluteFormatReady', () => {
  it('says no at first, makes the formatter after the paint, then says yes', async () => {
    // A zone no other test here formats, so its formatter does not exist yet.
    const { result } = renderHook(() => useAbsoluteFormatReady('Asia/Kathmandu', undefined));
    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
  });

  it('says yes at once when the formatter exists (a remount renders once)', () => {
    formatAbsolute('2026-03-04T09:12:33.412Z', 'America/Lima');
    const { result } = renderHook(() => useAbsoluteFormatReady('America/Lima', undefined));
    expect(result.current).toBe(true);
  });

  it('says yes at once on the server, so hydration matches the server markup', () => {
    expect(renderToString(<Ready zone="Pacific/Chatham" />)).toBe('<p>true</p>');
  });
});
