import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/client';
import { createGroupCommit } from '../../electron/core/orders/group-commit';

/**
 * The orders' group commit (electron/core/orders/group-commit.ts) on a real database file: the
 * jobs of one turn share one transaction, a job that throws after writing rolls back alone, and
 * nobody is answered before the commit — read back through a second connection.
 */
describe('group commit', () => {
  let dir: string;
  let opened: OpenedDatabase | undefined;
  afterEach(() => {
    opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the good jobs of a batch together and rolls each failed job back alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shopdesk-group-commit-'));
    const file = join(dir, 'g.db');
    opened = openDatabase(file);
    opened.sqlite.exec('CREATE TABLE rows (n INTEGER NOT NULL)');
    const insert = opened.sqlite.prepare('INSERT INTO rows (n) VALUES (?)');
    const seenBy = new Set<number>();
    const submit = createGroupCommit(opened.db, (n: number) => {
      insert.run(n);
      insert.run(n + 1000);
      if (n % 3 === 0) throw new Error(`job ${n} refused after writing`);
      seenBy.add(opened?.sqlite.inTransaction ? n : -n);
      return n * 2;
    });

    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => submit(i + 1)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String((o.reason as Error).message)))).toEqual(
      Array.from({ length: 12 }, (_, i) => ((i + 1) % 3 === 0 ? `job ${i + 1} refused after writing` : (i + 1) * 2)),
    );
    // Every job ran inside the one transaction of its turn.
    expect([...seenBy].every((n) => n > 0)).toBe(true);

    const reader = new Database(file, { readonly: true });
    try {
      const written = (reader.prepare('SELECT n FROM rows ORDER BY n').pluck().all() as number[]).filter((n) => n < 1000);
      expect(written).toEqual([1, 2, 4, 5, 7, 8, 10, 11]);
      expect(reader.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(16);
    } finally {
      reader.close();
    }
  });

  it('answers every job of a batch whose commit fails with that failure, and keeps none of it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shopdesk-group-commit-'));
    opened = openDatabase(join(dir, 'g.db'));
    const { sqlite } = opened;
    sqlite.exec('CREATE TABLE rows (n INTEGER NOT NULL); CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    sqlite.exec('CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    const submit = createGroupCommit(opened.db, (n: number) => {
      sqlite.prepare('INSERT INTO rows (n) VALUES (?)').run(n);
      // A deferred foreign key is checked at COMMIT: the whole batch's commit fails.
      if (n === 2) sqlite.prepare('INSERT INTO child (parent_id) VALUES (42)').run();
      return n;
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => submit(n)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(sqlite.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(0);
    expect(sqlite.inTransaction).toBe(false);
  });
});
