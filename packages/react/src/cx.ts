/** Joins class names, skipping empty ones: `cx('imv-table', className)`. */
export const cx = (...names: Array<string | false | null | undefined>): string =>
  names.filter(Boolean).join(' ');
