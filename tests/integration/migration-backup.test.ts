// Issue 15 (item 4): today's core starts on the previous release's database (a committed fixture,
// scripts/make-previous-release-db.ts): a backup of it as it was is taken before migrating, and
// the shop's data comes through.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/server/create-core';
import { createApiClient } from '../helpers/api-client';
import { signIn } from '../helpers/scenarios';
import { PASSWORDS } from '../helpers/test-core';

const FIXTURE = fileURLToPath(new URL('../fixtures/previous-release.db', import.meta.url));
const JOURNAL = fileURLToPath(new URL('../../db/migrations/meta/_journal.json', import.meta.url));
const PREVIOUS_RELEASE_MIGRATIONS = 4;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();

describe('starting on the previous release’s database', () => {
  it(
    'backs the old database up first (reason migration, the old schema), then migrates; the data survives',
    { timeout: 60_000 },
    async () => {
      const journal = (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: unknown[] }).entries.length;
      expect(journal, 'this release has migrations the previous one lacks').toBeGreaterThan(PREVIOUS_RELEASE_MIGRATIONS);
      const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-upgrade-'));
      dirs.push(dataDir);
      copyFileSync(FIXTURE, join(dataDir, 'shopdesk.db'));

      let core = await createCore({ dataDir, port: 0, log: () => {}, backupSchedule: false });
      try {
        const api = createApiClient(core.url);
        const owner = await signIn(api, 'owner', PASSWORDS.super_admin);
        const list = await api.get('/backups', { token: owner.access });
        expect(list.status).toBe(200);
        expect(list.body).toHaveLength(1);
        expect(list.body[0]).toMatchObject({ reason: 'migration', integrity: 'ok' });

        // The copy is the database as the previous release left it.
        const copy = new Database(join(dataDir, 'backups', list.body[0].file), { readonly: true });
        const live = new Database(join(dataDir, 'shopdesk.db'), { readonly: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(copy.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(PREVIOUS_RELEASE_MIGRATIONS);
          expect(live.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal);
          expect(columnsOf(copy, 'outbox_messages')).not.toContain('html');
          expect(columnsOf(live, 'outbox_messages')).toContain('html');
          expect(copy.prepare("SELECT name FROM products WHERE sku = 'OLD-1'").pluck().get()).toBe('Old release tea');
        } finally {
          copy.close();
          live.close();
        }

        const sale = await api.get('/orders/1', { token: owner.access });
        expect(sale.status, JSON.stringify(sale.body)).toBe(200);
        expect(sale.body).toMatchObject({ status: 'completed', receipt_no: 1, total_cents: 250 });
        expect(sale.body.items).toMatchObject([{ name: 'Old release tea', amount: 1 }]);
        const products = await api.get('/products', { token: owner.access });
        expect(products.body).toMatchObject([{ sku: 'OLD-1', stock: 9 }]);
      } finally {
        await core.close();
      }

      // Nothing is pending at the next start: no second migration backup.
      core = await createCore({ dataDir, port: 0, log: () => {}, backupSchedule: false });
      try {
        const api = createApiClient(core.url);
        const owner = await signIn(api, 'owner', PASSWORDS.super_admin);
        const list = await api.get('/backups', { token: owner.access });
        expect(list.body).toHaveLength(1);
      } finally {
        await core.close();
      }
    },
  );

  it('a new, empty data folder is not backed up: there is nothing to keep', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-new-'));
    dirs.push(dataDir);
    const core = await createCore({ dataDir, port: 0, log: () => {}, backupSchedule: false });
    await core.close();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});
