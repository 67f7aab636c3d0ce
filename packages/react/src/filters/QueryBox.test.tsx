import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogFilters } from './AuditLogFilters.js';

const box = () => screen.getByRole('combobox', { name: 'Search' });
const options = () =>
  within(screen.getByRole('listbox', { name: 'Suggestions' }))
    .getAllByRole('option')
    .map((option) => option.firstChild?.textContent);
const activeOption = () => {
  const id = box().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

describe('the query box of AuditLogFilters', () => {
  it('applies a typed query as filters on Enter, free words as search', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(box(), 'actor:alice action:document.* "q4 report" target:folder:f_1{Enter}');
    expect(onFiltersChange).toHaveBeenCalledTimes(1);
    expect(onFiltersChange).toHaveBeenCalledWith({
      actor_id: 'alice',
      action: 'document.*',
      target_type: 'folder',
      target_id: 'f_1',
      search: 'q4 report',
    });
  });

  it('names a refused term inline, marks the box invalid and applies nothing', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(box(), 'acter:bob invoice{Enter}');
    const message = 'Unknown key "acter" in "acter:bob" — keys: actor, action,';
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(box()).toHaveAccessibleDescription(expect.stringContaining(message));
    await user.tab();
    expect(onFiltersChange).not.toHaveBeenCalled();
    // Typing again takes the error away until the next try.
    await user.type(box(), 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(box()).not.toHaveAttribute('aria-invalid');
  });

  it('refuses a repeated key and a bad date, each named', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(box(), 'actor:a actor:b after:2026-02-30{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '"actor:b" repeats "actor:a": the API takes one value per filter ' +
        '"after:2026-02-30" is not a date',
    );
    expect(onFiltersChange).not.toHaveBeenCalled();
  });

  it('shows the applied terms as chips that remove them, focus moving to the next', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(
      <AuditLogFilters
        defaultFilters={{ actor_id: 'alice', action: 'document.*', search: 'q4' }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(box()).toHaveValue('actor:alice action:document.* q4');
    const chips = screen.getByRole('list', { name: 'Query terms' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Remove actor: alice', 'Remove action: document.*', 'Remove q4']);
    await user.click(screen.getByRole('button', { name: 'Remove actor: alice' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({ action: 'document.*', search: 'q4' });
    expect(box()).toHaveValue('action:document.* q4');
    expect(screen.getByRole('textbox', { name: 'Actor' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Remove action: document.*' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Remove q4' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({});
    expect(screen.queryByRole('list', { name: 'Query terms' })).not.toBeInTheDocument();
    expect(box()).toHaveFocus();
  });

  it('shows a chip value from a link isolated, an override in it as its code point', () => {
    // Rendered raw, the override makes "nimda" read "admin".
    render(<AuditLogFilters defaultFilters={{ actor_id: 'user_\u202Enimda' }} />);
    const chip = within(screen.getByRole('list', { name: 'Query terms' })).getByRole('button');
    expect(chip).toHaveTextContent('actor: user_U+202Enimda');
    expect(chip.textContent).not.toContain('\u202E');
    expect(chip.querySelector('bdi')).toHaveTextContent('user_U+202Enimda');
  });

  it('is one filter state with the fields: each shows what the other applies', async () => {
    const user = userEvent.setup();
    render(<AuditLogFilters />);
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'alice{Enter}');
    expect(box()).toHaveValue('actor:alice');
    await user.clear(box());
    await user.type(box(), 'action:auth.* resource:"shared doc"{Enter}');
    expect(screen.getByRole('textbox', { name: 'Actor' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('auth.*');
    expect(screen.getByRole('textbox', { name: 'Resource' })).toHaveValue('shared doc');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), '7d');
    expect(box()).toHaveValue('action:auth.* resource:"shared doc" after:-7d');
    // Enter on it unchanged sends nothing: the window stays the preset's.
    await user.type(box(), '{Enter}');
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('7d');
  });

  it('offers keys by keyboard: arrows move, Tab and Enter accept, Escape closes', async () => {
    const user = userEvent.setup();
    render(<AuditLogFilters />);
    await user.type(box(), 'a');
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    expect(box()).toHaveAttribute('aria-controls', screen.getByRole('listbox').id);
    expect(options()).toEqual(['actor:', 'action:', 'after:']);
    // Manual selection: nothing is chosen until an arrow says so.
    expect(box()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('actor:');
    expect(activeOption()).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveTextContent('after:');
    await user.keyboard('{Tab}');
    expect(box()).toHaveValue('after:');
    expect(box()).toHaveFocus();
    expect(options()).toEqual(['today', 'yesterday', '-24h', '-7d', '-30d']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(box()).toHaveValue('after:yesterday ');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    await user.type(box(), 're');
    expect(options()).toEqual(['resource:', 'resource_id:']);
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(box()).toHaveValue('after:yesterday re');
    // ArrowDown opens the list again.
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('resource:');
  });

  it('offers only the keys of the fields it shows, and refuses the others', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters fields={['search', 'action']} onFiltersChange={onFiltersChange} />);
    await user.type(box(), 'a');
    expect(options()).toEqual(['action:']);
    await user.type(box(), 'ctor:x{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Unknown key "actor" in "actor:x" — keys: action',
    );
    expect(onFiltersChange).not.toHaveBeenCalled();
  });

  it('keeps filters the host set on fields it does not show', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(
      <AuditLogFilters
        fields={['search', 'action']}
        defaultFilters={{ tenant_id: 'org_a', action: 'a.*' }}
        onFiltersChange={onFiltersChange}
      />,
    );
    expect(box()).toHaveValue('action:a.*');
    await user.clear(box());
    await user.type(box(), 'invoice{Enter}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ tenant_id: 'org_a', search: 'invoice' });
  });

  it('applies when focus leaves the box, but not when it leaves for Clear', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(<AuditLogFilters onFiltersChange={onFiltersChange} />);
    await user.type(box(), 'actor:x');
    await user.tab();
    expect(onFiltersChange).toHaveBeenCalledWith({ actor_id: 'x' });
    await user.type(box(), ' typing');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onFiltersChange).toHaveBeenCalledTimes(2);
    expect(onFiltersChange).toHaveBeenLastCalledWith({});
    expect(box()).toHaveValue('');
  });

  it('has no axe violations with chips, an open list and an error', async () => {
    const user = userEvent.setup();
    const { container } = render(<AuditLogFilters defaultFilters={{ actor_id: 'alice' }} />);
    const axeOptions = { rules: { 'color-contrast': { enabled: false } } };
    await user.type(box(), ' a{ArrowDown}');
    expect(activeOption()).toBeInTheDocument();
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
    await user.type(box(), 'cter:b{Enter}');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
  });
});
