import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { expect } from 'vitest';

/** The data rows (the second rowgroup; the first holds the header row). */
export function dataRows() {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body).queryAllByRole('row');
}

/** Waits until the table is no longer busy, then returns its data rows. */
export async function loaded() {
  await waitFor(() => expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy'));
  return dataRows();
}

/**
 * Waits until every rendered row's integrity is checked: the marks are computed after the rows
 * paint, and read "Verifying…" until then.
 */
export async function integrityChecked() {
  await waitFor(() => expect(screen.queryAllByRole('img', { name: 'Verifying…' })).toEqual([]));
  return dataRows();
}

/** Expects axe to find no violations in the container (colour contrast is not checked). */
export async function noViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}
