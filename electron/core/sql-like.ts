import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** `column LIKE pattern` where the user's text is matched literally (`%` and `_` escaped). */
export function likeLiteral(column: SQL | AnySQLiteColumn, before: string, text: string, after: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} like ${`${before}${escaped}${after}`} escape '\\'`;
}
