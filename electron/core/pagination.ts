import { invalidField } from './errors';

/** Cursors are opaque to clients: the last id seen, base64url-encoded. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`id:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return null;
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
  return Number(match[1]);
}

/**
 * Splits `limit + 1` fetched rows into the page and the cursor of the next one (null when the
 * extra row did not come: this is the last page).
 */
export function takePage<T>(rows: T[], limit: number, idOf: (row: T) => number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(idOf(last)) : null };
}
