import { AuditLogFilters } from '@getimmutable/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';

const meta = {
  title: 'Components/AuditLogFilters',
  component: AuditLogFilters,
  args: { onFiltersChange: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The filter form: the query box (free words search, `key:value` terms filter), actor, action (a glob), resource, a date range with presets, and more fields behind a disclosure. It fetches nothing (autocomplete offers values of the events other parts have loaded); loading, error and token states belong to the parts that fetch.',
      },
    },
  },
} satisfies Meta<typeof AuditLogFilters>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type a glob in Action and press Enter: the normalized filters go to onFiltersChange. */
export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Action' }), 'document.*{Enter}');
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith({ action: 'document.*' });
    // The query box now reads `action:document.*`: the words go after it.
    const search = canvas.getByRole('combobox', { name: 'Search' });
    await expect(search).toHaveValue('action:document.*');
    await userEvent.type(search, ' q4 report{Enter}');
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith({
      action: 'document.*',
      search: 'q4 report',
    });
  },
};

/** Filters given up front; "More filters" starts open because one of its fields is set. */
export const Prefilled: Story = {
  args: { defaultFilters: { actor_id: 'user_2hG9kLm', action: 'auth.*', target_type: 'team' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Actor' })).toHaveValue('user_2hG9kLm');
    await expect(canvas.getByRole('textbox', { name: 'Target type' })).toHaveValue('team');
    const toggle = canvas.getByRole('button', { name: 'More filters (1)' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    await waitFor(() => expect(canvas.queryByRole('textbox', { name: 'Target type' })).toBeNull());
  },
};

/** A custom range whose start is after its end: the form says so and applies nothing. */
export const InvalidRange: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Date range' }), 'custom');
    const from = canvas.getByLabelText('From');
    const to = canvas.getByLabelText('To');
    await userEvent.type(from, '2026-03-10T10:00');
    await userEvent.type(to, '2026-03-01T10:00');
    await waitFor(() => expect(canvas.getByRole('alert')).toBeVisible());
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onFiltersChange).not.toHaveBeenCalledWith(
      expect.objectContaining({ from: expect.anything(), to: expect.anything() }),
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { defaultFilters: { action: 'document.*', search: 'q4' } },
};

/** Only some fields, in the host's order. */
export const FewFields: Story = {
  args: { fields: ['action', 'date'] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('combobox', { name: 'Search' })).toBeNull();
    await expect(canvas.getByRole('textbox', { name: 'Action' })).toBeVisible();
  },
};
