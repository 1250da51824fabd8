import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The user's text as a LIKE pattern that matches it literally (`%` and `_` escaped), for `escape '\\'`. */
export function literalLikePattern(before: string, text: string, after: string): string {
  return `${before}${text.replace(/[\\%_]/g, (c) => `\\${c}`)}${after}`;
}

/** `column LIKE pattern` where the user's text is matched literally (`%` and `_` escaped). */
export function likeLiteral(column: SQL | AnySQLiteColumn, before: string, text: string, after: string): SQL {
  return sql`${column} like ${literalLikePattern(before, text, after)} escape '\\'`;
}

/** `column LIKE` a pattern bound later (made by literalLikePattern), for prepared statements. */
export function likePlaceholder(column: SQL | AnySQLiteColumn, name: string): SQL {
  return sql`${column} like ${sql.placeholder(name)} escape '\\'`;
}
