// The engines a migration is written for. A copy of ../dialect.ts's type, kept here so that the
// migrations import nothing from the application (see index.ts).
export type Dialect = 'sqlite' | 'postgres';
