import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

/** drizzle over the one connection; `$client` is that better-sqlite3 connection, for its own transaction functions. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/**
 * The shop's data (staff, password hashes, sales) is for the account that runs ShopDesk only:
 * 0600 at every open, whatever mode a copy or a restore left behind. SQLite gives the -wal and
 * -shm files the database file's mode when it creates them.
 */
function restrictToOwner(file: string): void {
  if (process.platform !== 'win32' && existsSync(file)) chmodSync(file, 0o600);
}

/**
 * Opens the one writer connection. `synchronous=FULL` because a sale that was answered must
 * survive a power cut; WAL keeps readers off the writer's way.
 */
export function openDatabase(file: string, nativeBinding?: string): OpenedDatabase {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  restrictToOwner(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL mode has made the -wal and -shm files by now; they hold recent rows too.
  for (const companion of [`${file}-wal`, `${file}-shm`]) restrictToOwner(companion);
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** A transaction handle; better-sqlite3 transactions are synchronous, so never `await` in one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
