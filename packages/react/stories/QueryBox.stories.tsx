import { AuditLog, AuditLogFilters } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { eventRows } from './support/story-helpers.js';

const meta = {
  title: 'Components/AuditLogFilters/Query box',
  component: AuditLogFilters,
  args: { onFiltersChange: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The search box of `AuditLogFilters` reads a query: `actor:alice action:document.* target:folder:f_1 after:-7d before:"2026-03-05 18:00" "quoted words" free words`. Enter applies; a refused term is named inline and nothing is sent; the applied terms show as chips that remove them; suggestions (keys, and values of the loaded events) work by keyboard.',
      },
    },
  },
} satisfies Meta<typeof AuditLogFilters>;

export default meta;
type Story = StoryObj<typeof meta>;

const box = (canvas: ReturnType<typeof within>) => canvas.getByRole('combobox', { name: 'Search' });

/** Applied filters read as a query, each term a chip; removing one applies the rest. */
export const QueryWithChips: Story = {
  args: {
    defaultFilters: {
      actor_id: 'user_2hG9kLm',
      action: 'document.*',
      target_type: 'folder',
      target_id: 'fld_1',
      from: '2026-03-01T00:00:00.000Z',
      search: 'q4 report',
    },
  },
  play: async ({ canvas, args }) => {
    await expect(box(canvas)).toHaveValue(
      'actor:user_2hG9kLm action:document.* target:folder:fld_1 after:2026-03-01 q4 report',
    );
    const chips = canvas.getByRole('list', { name: 'Query terms' });
    await expect(within(chips).getAllByRole('button')).toHaveLength(6);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove target: folder:fld_1' }));
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith({
      actor_id: 'user_2hG9kLm',
      action: 'document.*',
      search: 'q4 report',
      from: '2026-03-01T00:00:00.000Z',
    });
    await expect(canvas.getByRole('button', { name: 'Remove after: 2026-03-01' })).toHaveFocus();
  },
};

/** An unknown key and a bad date: each named inline, the box marked invalid, nothing applied. */
export const Error: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.type(box(canvas), 'acter:bob after:2026-02-30 invoice{Enter}');
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Unknown key "acter" in "acter:bob" — keys: actor, action',
    );
    await expect(canvas.getByRole('alert')).toHaveTextContent('"after:2026-02-30" is not a date');
    await expect(box(canvas)).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onFiltersChange).not.toHaveBeenCalled();
  },
};

/** Keys offered as a word is typed; ArrowDown chose the first. */
export const KeySuggestions: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(box(canvas), 'a');
    await userEvent.keyboard('{ArrowDown}');
    const listbox = canvas.getByRole('listbox', { name: 'Suggestions' });
    await expect(box(canvas)).toHaveAttribute('aria-expanded', 'true');
    await expect(within(listbox).getAllByRole('option')).toHaveLength(3);
    await expect(within(listbox).getAllByRole('option')[0]).toHaveAttribute(
      'aria-selected',
      'true',
    );
  },
};

/**
 * In the whole log: actors offered by name from the loaded page (the id is what goes in), and
 * actions with their category wildcards.
 */
export const ValueSuggestionsFromLoadedEvents: Story = {
  render: () => <AuditLog showVerify={false} showExport={false} />,
  parameters: { docs: { story: { inline: false, height: '560px' } } },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(eventRows(canvasElement)).toHaveLength(25));
    await userEvent.type(await canvas.findByRole('combobox', { name: 'Search' }), 'actor:');
    const listbox = await canvas.findByRole('listbox', { name: 'Suggestions' });
    await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(1));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect((box(canvas) as HTMLInputElement).value).toMatch(/^actor:\S+ $/);
    await userEvent.type(box(canvas), 'action:doc');
    await waitFor(() =>
      expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('document.*'),
    );
    await userEvent.keyboard('{ArrowDown}');
  },
};
