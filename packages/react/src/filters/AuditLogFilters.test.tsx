import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditFilters } from '../auditFilters.js';
import { AuditLogFilters } from './AuditLogFilters.js';

const NOW = new Date('2026-03-08T12:00:00.000Z');

function setup() {
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

async function expandMore(user: ReturnType<typeof setup>) {
  await user.click(screen.getByRole('button', { name: /^More filters/ }));
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  // Testing Library flushes its async wrapper with a 0 ms timer, advanced through a `jest` global
  // when it sees fake timers; Vitest has none, so without this every user-event call would hang.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AuditLogFilters', () => {
  it('renders every field with an accessible name inside a labelled search region', async () => {
    const user = setup();
    render(<AuditLogFilters />);
    expect(screen.getByRole('search', { name: 'Filter events' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Search' })).toBeInTheDocument();
    for (const name of ['Actor', 'Action', 'Resource']) {
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('all');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
    await expandMore(user);
    for (const name of ['Resource ID', 'Target type', 'Target ID', 'Session']) {
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    }
    // Viewer tokens are tenant-scoped: no tenant field unless asked for.
    expect(screen.queryByRole('textbox', { name: 'Tenant' })).not.toBeInTheDocument();
  });

  it('describes the action field with the wildcard hint', () => {
    render(<AuditLogFilters />);
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveAccessibleDescription(
      'Use * as a wildcard, e.g. document.*',
    );
  });

  it('applies typed search once, trimmed, on Enter — not per keystroke nor when typing pauses', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    const search = screen.getByRole('combobox', { name: 'Search' });
    await user.type(search, '  invoice paid ');
    act(() => vi.advanceTimersByTime(1000));
    expect(onFiltersChange).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(onFiltersChange).toHaveBeenCalledWith({ search: 'invoice paid' });
  });

  it('keeps the query as typed, trailing space included, once applied', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    const search = screen.getByRole('combobox', { name: 'Search' });
    await user.type(search, 'invoice {Enter}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ search: 'invoice' });
    expect(search).toHaveValue('invoice ');
    await user.type(search, 'paid{Enter}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ search: 'invoice paid' });
    expect(onFiltersChange).toHaveBeenCalledTimes(2);
  });

  it('applies at once on Enter, and once only', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'document.*{Enter}');
    expect(onFiltersChange).toHaveBeenCalledWith({ action: 'document.*' });
    act(() => vi.advanceTimersByTime(1000));
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
  });

  it('applies a field when focus leaves it, without waiting', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'user_alice');
    await user.tab();
    expect(onFiltersChange).toHaveBeenCalledWith({ actor_id: 'user_alice' });
  });

  it.each([
    ['24h', '2026-03-07T12:00:00.000Z'],
    ['7d', '2026-03-01T12:00:00.000Z'],
    ['30d', '2026-02-06T12:00:00.000Z'],
  ])('sets from for the %s preset relative to now', async (preset, from) => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), preset);
    expect(onFiltersChange).toHaveBeenLastCalledWith({ from });
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue(preset);
  });

  it('going back to all time drops the range', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(
      <AuditLogFilters
        defaultFilters={{ action: 'auth.*', from: '2026-03-01T00:00:00.000Z' }}
        onFiltersChange={onFiltersChange}
      />,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'all');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ action: 'auth.*' });
  });

  it('applies a custom range typed in the viewer time zone, with an inclusive end minute', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />, {});
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'custom');
    expect(onFiltersChange).not.toHaveBeenCalled();
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    fireEvent.change(from, { target: { value: '2026-03-01T09:00' } });
    fireEvent.change(to, { target: { value: '2026-03-02T17:30' } });
    act(() => vi.advanceTimersByTime(300));
    const applied = onFiltersChange.mock.lastCall?.[0] as AuditFilters;
    // The provider defaults to the local zone; compare with what that wall time means here.
    expect(applied).toEqual({
      from: new Date(2026, 2, 1, 9, 0).toISOString(),
      to: new Date(new Date(2026, 2, 2, 17, 31).getTime() - 1).toISOString(),
    });
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('custom');
  });

  it('refuses a custom range whose From is after its To, and says which field is wrong', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'custom');
    const from = screen.getByLabelText('From');
    fireEvent.change(from, { target: { value: '2026-03-05T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-04T10:00' } });
    expect(screen.getByRole('alert')).toHaveTextContent('From must not be after To.');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(expect.stringContaining('From must not be after To.'));
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'user_bob{Enter}');
    act(() => vi.advanceTimersByTime(1000));
    // The valid field still applies; the bad range does not.
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(onFiltersChange).toHaveBeenCalledWith({ actor_id: 'user_bob' });
    fireEvent.change(from, { target: { value: '2026-03-03T10:00' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(300));
    expect(onFiltersChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        actor_id: 'user_bob',
        from: expect.any(String),
        to: expect.any(String),
      }),
    );
  });

  it('clears every field, the date range and any text still being typed', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(
      <AuditLogFilters
        defaultFilters={{
          search: 'invoice',
          actor_id: 'user_alice',
          action: 'billing.*',
          resource: 'invoice',
          session_id: 'sess_1',
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-03-02T00:00:00.000Z',
        }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('custom');
    await user.type(screen.getByRole('textbox', { name: 'Resource' }), 's');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(onFiltersChange).toHaveBeenCalledWith({});
    act(() => vi.advanceTimersByTime(1000));
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('combobox', { name: 'Search' })).toHaveValue('');
    for (const name of ['Actor', 'Action', 'Resource', 'Session']) {
      expect(screen.getByRole('textbox', { name, hidden: true })).toHaveValue('');
    }
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('all');
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
  });

  it('reflects filters changed from outside in controlled mode, without losing text being typed', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    const { rerender } = render(
      <AuditLogFilters filters={{ action: 'auth.*' }} onFiltersChange={onFiltersChange} />,
    );
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('auth.*');
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'user_al');
    rerender(
      <AuditLogFilters
        filters={{ action: 'user.*', from: '2026-03-07T12:00:00.000Z' }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('user.*');
    expect(screen.getByRole('textbox', { name: 'Actor' })).toHaveValue('user_al');
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('custom');
    act(() => vi.advanceTimersByTime(300));
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(onFiltersChange).toHaveBeenCalledWith({
      actor_id: 'user_al',
      action: 'user.*',
      from: '2026-03-07T12:00:00.000Z',
    });
    rerender(<AuditLogFilters filters={{}} onFiltersChange={onFiltersChange} />);
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('all');
  });

  it('stays on what the parent holds when the parent ignores a change', async () => {
    const user = setup();
    function Parent() {
      const [filters, setFilters] = useState<AuditFilters>({ resource: 'document' });
      return (
        <>
          <AuditLogFilters filters={filters} onFiltersChange={setFilters} />
          <output aria-label="applied">{JSON.stringify(filters)}</output>
          <button type="button" onClick={() => setFilters({})}>
            Reset from outside
          </button>
        </>
      );
    }
    render(<Parent />);
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'document.*{Enter}');
    expect(screen.getByRole('status', { name: 'applied' })).toHaveTextContent(
      '{"action":"document.*","resource":"document"}',
    );
    await user.click(screen.getByRole('button', { name: 'Reset from outside' }));
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Resource' })).toHaveValue('');
  });

  it('starts from defaultFilters when uncontrolled and builds on them', async () => {
    const user = setup();
    const onFiltersChange = vi.fn();
    render(
      <AuditLogFilters
        defaultFilters={{ action: 'document.*', target_id: 'team_1' }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('document.*');
    // A filter hidden behind "More filters" opens it, so nothing applied is out of sight.
    expect(screen.getByRole('button', { name: 'More filters (1)' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(screen.getByRole('textbox', { name: 'Target ID' })).toHaveValue('team_1');
    await user.type(screen.getByRole('textbox', { name: 'Resource' }), 'document{Enter}');
    expect(onFiltersChange).toHaveBeenCalledWith({
      action: 'document.*',
      resource: 'document',
      target_id: 'team_1',
    });
  });

  it('toggles the less-used fields behind a disclosure button', async () => {
    const user = setup();
    render(<AuditLogFilters />);
    const toggle = screen.getByRole('button', { name: 'More filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: 'Session' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('textbox', { name: 'Session' })).toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows only the chosen fields, tenant included when asked for', async () => {
    const user = setup();
    render(<AuditLogFilters fields={['search', 'tenant_id']} />);
    expect(screen.getByRole('combobox', { name: 'Search' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Actor' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Date range' })).not.toBeInTheDocument();
    await expandMore(user);
    expect(screen.getByRole('textbox', { name: 'Tenant' })).toBeInTheDocument();
  });

  it('forwards its ref, merges className and spreads the rest onto the form', () => {
    const ref = { current: null as HTMLFormElement | null };
    render(
      <AuditLogFilters ref={ref} className="mine" data-testid="f" aria-label="Filter the log" />,
    );
    const form = screen.getByRole('search', { name: 'Filter the log' });
    expect(ref.current).toBe(form);
    expect(form).toHaveClass('imv-filters', 'mine');
    expect(form).toHaveAttribute('data-slot', 'filters');
    expect(form).toHaveAttribute('data-state', 'inactive');
  });

  it('has no axe violations, collapsed or fully open with a range error', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    const { container } = render(<AuditLogFilters defaultFilters={{ action: 'document.*' }} />);
    const options = { rules: { 'color-contrast': { enabled: false } } };
    expect((await axe.run(container, options)).violations).toEqual([]);
    await expandMore(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'custom');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-05T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-04T10:00' } });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect((await axe.run(container, options)).violations).toEqual([]);
  });
});
