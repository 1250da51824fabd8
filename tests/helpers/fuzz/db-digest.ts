import Database from 'better-sqlite3';

/*
 * "A refused request writes nothing", checked on the database file itself through a second,
 * read-only connection. Every table takes part, new ones included, except what a refusal may
 * legitimately change (and the bookkeeping of SQLite and drizzle):
 */

/** Tables left out entirely. */
const VOLATILE_TABLES: Record<string, string> = {
  refresh_families: 'sessions: a reused refresh token revokes its family (401 token_reused)',
  refresh_tokens: 'sessions',
  revoked_access_tokens: 'revoked tokens',
  reset_pins: 'a wrong PIN uses up one of its tries (404 pin_invalid)',
  reset_guards: 'the wrong-PIN guard of an account',
  sqlite_sequence: 'AUTOINCREMENT bookkeeping, not data',
  __drizzle_migrations: 'schema history',
};

/** Columns left out of a table. */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = {
  // A wrong password counts, and locks the account at the role's limit (401, then 423).
  users: ['failed_attempts', 'locked_at'],
  // The delivery worker updates messages on its own schedule, not the request's.
  outbox_messages: ['status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at'],
};

/** Rows left out of a table (an SQL condition): the audit of a lock by failed sign-ins. */
const VOLATILE_ROWS: Record<string, string> = {
  audit_log: "action NOT IN ('user.locked')",
};

const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export type Snapshot = ReadonlyMap<string, readonly string[]>;

export interface DatabaseDigest {
  /** Changes whenever another connection (the core) commits: a cheap "was anything written?". */
  version(): number;
  /** The business data now (cheap when nothing was committed since the last call). */
  snapshot(): Snapshot;
  /** What differs from `before`, one line per table; empty when nothing did. */
  changesSince(before: Snapshot): string[];
  close(): void;
}

export function openDatabaseDigest(file: string): DatabaseDigest {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  let cached: { version: number; snapshot: Snapshot } | undefined;

  const dataVersion = () => Number(db.pragma('data_version', { simple: true }));

  function queries(): [string, string][] {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all().map(String);
    return tables
      .filter((table) => lookup(VOLATILE_TABLES, table) === undefined)
      .map((table) => {
        const skip = lookup(VOLATILE_COLUMNS, table) ?? [];
        const columns = db
          .prepare(`SELECT name FROM pragma_table_info(?)`)
          .pluck()
          .all(table)
          .map(String)
          .filter((c) => !skip.includes(c));
        const where = lookup(VOLATILE_ROWS, table);
        return [
          table,
          `SELECT json_array(${columns.map(quote).join(', ')}) FROM ${quote(table)}${where ? ` WHERE ${where}` : ''} ORDER BY rowid`,
        ];
      });
  }

  const read = db.transaction((): Snapshot => new Map(queries().map(([table, sql]) => [table, db.prepare(sql).pluck().all().map(String)])));

  function snapshot(): Snapshot {
    const version = dataVersion();
    if (cached?.version !== version) cached = { version, snapshot: read() };
    return cached.snapshot;
  }

  return {
    version: dataVersion,
    snapshot,
    changesSince(before) {
      const after = snapshot();
      if (after === before) return [];
      const changes: string[] = [];
      for (const table of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(table) ?? [];
        const now = after.get(table) ?? [];
        if (was.length === now.length && was.every((row, i) => row === now[i])) continue;
        const gone = was.filter((row) => !now.includes(row));
        const added = now.filter((row) => !was.includes(row));
        changes.push(
          `${table}: ${gone.length} row(s) gone/changed ${gone.slice(0, 2).join(' ')}; ${added.length} new/changed ${added.slice(0, 2).join(' ')}`.slice(
            0,
            600,
          ),
        );
      }
      return changes;
    },
    close: () => db.close(),
  };
}
