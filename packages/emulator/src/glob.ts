/** The contract's glob: only `*` is special (any run, possibly empty); whole value; case-sensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

/** The same glob as a SQLite GLOB pattern (there `?` and `[` are special too, so escape them). */
export function globToSqlite(glob: string): string {
  return glob.replace(/[?[]/g, (c) => `[${c}]`);
}
