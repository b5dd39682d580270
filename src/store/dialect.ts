// Which engine a store target names: a postgres:// (or postgresql://) URL is PostgreSQL,
// anything else is the path of a SQLite file.
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(target: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(target) ? 'postgres' : 'sqlite';
}

/** The target as it may be shown to a user: a URL loses its password. */
export function displayTarget(target: string): string {
  if (dialectOf(target) === 'sqlite') return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
