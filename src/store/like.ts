// LIKE patterns that match what a user typed literally: % and _ are not wildcards (a search for
// 50% must not match every unit). The escape character is \; SQLite has none by default, so
// every LIKE says ESCAPE '\' (Kysely's `like` operator does not, hence likeText).
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%text%' ESCAPE '\'`, matching `text` literally. */
export function likeText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} LIKE ${likeContaining(text)} ESCAPE '\\'`;
}
