import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLogFilters } from './AuditLogFilters.js';
import { filtersFromSearch, searchWithFilters, useFiltersInUrl } from './useFiltersInUrl.js';

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('useFiltersInUrl', () => {
  it('reads the filters in the query string on mount, ignoring the host’s own parameters', () => {
    window.history.replaceState(
      null,
      '',
      '/audit?tab=log&imv.action=document.*&imv.from=2026-03-01T00%3A00%3A00.000Z&action=nope',
    );
    const { result } = renderHook(() => useFiltersInUrl());
    expect(result.current[0]).toEqual({ action: 'document.*', from: '2026-03-01T00:00:00.000Z' });
  });

  it('writes filters to the URL with replaceState, keeping the path, other parameters and hash', () => {
    window.history.replaceState(null, '', '/audit?tab=log&imv.action=auth.*#top');
    const before = window.history.length;
    const { result } = renderHook(() => useFiltersInUrl());
    act(() => result.current[1]({ actor_id: 'user_alice', search: 'invoice paid' }));
    expect(window.location.pathname).toBe('/audit');
    expect(window.location.hash).toBe('#top');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('tab')).toBe('log');
    expect(params.get('imv.actor_id')).toBe('user_alice');
    expect(params.get('imv.search')).toBe('invoice paid');
    expect(params.has('imv.action')).toBe(false);
    expect(window.history.length).toBe(before);
    expect(result.current[0]).toEqual({ actor_id: 'user_alice', search: 'invoice paid' });
  });

  it('round-trips every filter through location.search', () => {
    const filters = {
      actor_id: 'user_alice',
      action: 'document.*',
      resource: 'document',
      resource_id: 'doc_1',
      target_type: 'team',
      target_id: 'team 7 & co',
      session_id: 'sess_1',
      search: 'q3 report',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T23:59:59.999Z',
    };
    const { result } = renderHook(() => useFiltersInUrl());
    act(() => result.current[1](filters));
    expect(filtersFromSearch(window.location.search)).toEqual(filters);
    const { result: reader } = renderHook(() => useFiltersInUrl());
    expect(reader.current[0]).toEqual(filters);
  });

  it('takes an updater and removes its parameters when the filters are cleared', () => {
    window.history.replaceState(null, '', '/?imv.action=auth.*&page=2');
    const { result } = renderHook(() => useFiltersInUrl());
    act(() => result.current[1]((previous) => ({ ...previous, actor_id: 'u1' })));
    expect(result.current[0]).toEqual({ actor_id: 'u1', action: 'auth.*' });
    act(() => result.current[1]({}));
    expect(window.location.search).toBe('?page=2');
    expect(result.current[0]).toEqual({});
  });

  it('follows Back and Forward (popstate)', () => {
    const { result } = renderHook(() => useFiltersInUrl({ history: 'push' }));
    const before = window.history.length;
    act(() => result.current[1]({ action: 'auth.*' }));
    expect(window.history.length).toBe(before + 1);
    act(() => {
      window.history.pushState(null, '', '/?imv.action=billing.*');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0]).toEqual({ action: 'billing.*' });
  });

  it('uses a custom prefix, and keeps the same object while the URL is unchanged', () => {
    window.history.replaceState(null, '', '/?log_action=user.*&imv.action=auth.*');
    const { result, rerender } = renderHook(() => useFiltersInUrl({ prefix: 'log_' }));
    const first = result.current[0];
    expect(first).toEqual({ action: 'user.*' });
    rerender();
    expect(result.current[0]).toBe(first);
    act(() => result.current[1]({ action: 'user.*' }));
    expect(result.current[0]).toBe(first);
    expect(searchWithFilters('?a=1', { action: 'x.*', search: ' ' }, 'log_')).toBe(
      '?a=1&log_action=x.*',
    );
  });

  it('keeps every hook on the page in step', () => {
    const a = renderHook(() => useFiltersInUrl());
    const b = renderHook(() => useFiltersInUrl());
    act(() => a.result.current[1]({ session_id: 'sess_9' }));
    expect(b.result.current[0]).toEqual({ session_id: 'sess_9' });
  });

  it('drives AuditLogFilters, so what is typed becomes a shareable link', async () => {
    window.history.replaceState(null, '', '/?imv.resource=document');
    function Page() {
      const [filters, setFilters] = useFiltersInUrl();
      return <AuditLogFilters filters={filters} onFiltersChange={setFilters} />;
    }
    const user = userEvent.setup();
    render(<Page />);
    expect(screen.getByRole('textbox', { name: 'Resource' })).toHaveValue('document');
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'document.*{Enter}');
    expect(new URLSearchParams(window.location.search).get('imv.action')).toBe('document.*');
    act(() => {
      window.history.pushState(null, '', '/?imv.action=auth.*');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('auth.*');
    expect(screen.getByRole('textbox', { name: 'Resource' })).toHaveValue('');
  });

  it('keeps a query shareable: the URL holds its filters, and a link reads back as the query', async () => {
    window.history.replaceState(null, '', '/?imv.actor_id=user_alice&imv.search=q4%20report');
    function Page() {
      const [filters, setFilters] = useFiltersInUrl();
      return <AuditLogFilters filters={filters} onFiltersChange={setFilters} />;
    }
    const user = userEvent.setup();
    render(<Page />);
    const box = screen.getByRole('combobox', { name: 'Search' });
    expect(box).toHaveValue('actor:user_alice q4 report');
    await user.clear(box);
    await user.type(box, 'action:document.* "Q4 Report"{Enter}');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('imv.action')).toBe('document.*');
    expect(params.get('imv.search')).toBe('Q4 Report');
    expect(params.has('imv.actor_id')).toBe(false);
    act(() => {
      window.history.pushState(null, '', '/?imv.resource=invoice');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(box).toHaveValue('resource:invoice');
  });
});
