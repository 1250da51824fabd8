// Issue 15 (last item): the integrity check of a backup runs in a worker thread, with the answers
// the main-thread check gives, and a worker that cannot run or overruns gives a failed result.
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../electron/core/backups/backup-files';
import { checkIntegrityOffThread } from '../../electron/core/backups/integrity-check';

const PAGE = 4096;

describe('integrity check of a backup, off the main thread', () => {
  let dir: string;
  let sound: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shopdesk-integrity-'));
    sound = join(dir, 'sound.db');
    // About 30 MB with an index: its check takes a few hundred milliseconds on the main thread.
    const db = new Database(sound);
    try {
      db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, note TEXT NOT NULL); CREATE INDEX items_sku ON items (sku)');
      const insert = db.prepare('INSERT INTO items (sku, note) VALUES (?, ?)');
      const rows = 200_000;
      db.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run(`SKU-${(i * 7_919) % rows}`, 'x'.repeat(100));
      })();
    } finally {
      db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a sound copy is ok, and the event loop keeps running while it is checked', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      const result = await checkIntegrityOffThread(sound);
      expect(result).toEqual({ ok: true, detail: 'ok' });
    } finally {
      clearInterval(ticker);
    }
    // On the main thread the interval could not tick once until the check returned.
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  /** A copy of the sound file with `length` bytes of the page in its middle overwritten from `offset`. */
  function damagedCopy(name: string, offset: number, length: number): string {
    const damaged = join(dir, name);
    copyFileSync(sound, damaged);
    const middlePage = Math.floor(statSync(damaged).size / PAGE / 2) * PAGE;
    const fd = openSync(damaged, 'r+');
    try {
      writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, middlePage + offset);
    } finally {
      closeSync(fd);
    }
    return damaged;
  }

  it('a copy with cell pointers overwritten in the middle fails with the complaints SQLite lists, as on the main thread', async () => {
    // Past the page header: the cell pointers of a b-tree page point out of range.
    const damaged = damagedCopy('garbled-cells.db', 16, 16);
    const result = await checkIntegrityOffThread(damaged);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/in database main[\s\S]*page \d+/);
    expect(result).toEqual(checkIntegrity(damaged));
  });

  it('a copy with a whole page overwritten fails with the error SQLite raises, as on the main thread', async () => {
    const damaged = damagedCopy('garbled-page.db', 0, PAGE);
    const result = await checkIntegrityOffThread(damaged);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/malformed/);
    expect(result).toEqual(checkIntegrity(damaged));
  });

  it('a file that is no SQLite database fails as it does on the main thread', async () => {
    const photo = join(dir, 'photo.db');
    writeFileSync(photo, 'JFIF this is not a database at all '.repeat(200));
    const result = await checkIntegrityOffThread(photo);
    expect(result).toEqual({ ok: false, detail: 'it is not an SQLite database (wrong file header)' });
    expect(result).toEqual(checkIntegrity(photo));
  });

  it('a worker that cannot load SQLite gives a failed result saying so', async () => {
    const result = await checkIntegrityOffThread(sound, undefined, { driver: join(dir, 'no-such-module.js') });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^the integrity check could not run: .*no-such-module\.js/);
  });

  it('a native binding that cannot be loaded gives a failed result, not a crash', async () => {
    const result = await checkIntegrityOffThread(sound, join(dir, 'missing.node'));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/missing\.node/);
  });

  it('a check that overruns its time fails at once, saying so', async () => {
    const started = Date.now();
    const result = await checkIntegrityOffThread(sound, undefined, { timeoutMs: 1 });
    expect(result).toEqual({ ok: false, detail: 'the integrity check did not finish within 1 ms' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
