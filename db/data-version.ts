import type Database from 'better-sqlite3';

/**
 * A value that changes whenever the database's content may have: a row written on this
 * connection (`total_changes()`, which only grows, a rolled-back change included) or a commit
 * by any other connection (`PRAGMA data_version`). Two equal readings: nothing was written in
 * between, so an answer computed at the first still holds at the second.
 */
export function prepareDataVersion(sqlite: Database.Database): () => string {
  const read = sqlite.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw();
  return () => {
    const [own, others] = read.get() as [number, number];
    return `${own}:${others}`;
  };
}
