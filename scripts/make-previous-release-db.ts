/**
 * Builds tests/fixtures/previous-release.db: a shop database as the previous release (migrations
 * 0000–0003, the journal of commit fd27b59) left it, with an owner, a product and a completed
 * sale. tests/integration/migration-backup.test.ts starts today's core on a copy of it.
 *
 *   npx tsx scripts/make-previous-release-db.ts
 *
 * Rows are written in that release's own columns (plain SQL, not today's drizzle schema), so the
 * fixture stays what it is as the schema moves on.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { z } from 'zod';
import { DEFAULT_POLICIES } from '../shared/password-policy';
import { DEFAULT_MAX_DISCOUNT_PERCENT } from '../shared/role-discounts';
import { ROLE_IDS, ROLE_KEYS, ROLE_NAMES } from '../shared/roles';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MIGRATIONS = join(ROOT, 'db', 'migrations');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'previous-release.db');
/** The previous release's last migration. */
const LAST_TAG = '0003_z_report';
/** The owner's password in the fixture: the test suite's Super Admin password. */
export const PREVIOUS_RELEASE_OWNER = { username: 'owner', password: 'Owner-Quartz-7731' } as const;

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() }).passthrough()) }).passthrough();

function previousMigrations(into: string): void {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')));
  const last = journal.entries.findIndex((entry) => entry.tag === LAST_TAG);
  if (last < 0) throw new Error(`${LAST_TAG} is not in the journal`);
  const entries = journal.entries.slice(0, last + 1);
  mkdirSync(join(into, 'meta'), { recursive: true });
  for (const entry of entries) copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(into, `${entry.tag}.sql`));
  writeFileSync(join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
}

/** As electron/core/auth/password-hash.worker.mjs hashes: bcrypt (cost 10) of the password's SHA-256 in base64. */
const passwordHash = (password: string) => bcrypt.hashSync(createHash('sha256').update(password, 'utf8').digest('base64'), 10);

function fillShop(sqlite: Database.Database, now: number): void {
  const role = sqlite.prepare(
    `INSERT INTO roles (id, key, name, minimum_characters, contain_upper_case, contain_lower_case, contain_special_case,
       contain_number, password_expiration, max_failed_attempts, max_discount_percent, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const key of ROLE_KEYS) {
    const p = DEFAULT_POLICIES[key];
    role.run(
      ROLE_IDS[key],
      key,
      ROLE_NAMES[key],
      p.minimum_characters,
      Number(p.contain_upper_case),
      Number(p.contain_lower_case),
      Number(p.contain_special_case),
      Number(p.contain_number),
      p.password_expiration,
      p.max_failed_attempts,
      DEFAULT_MAX_DISCOUNT_PERCENT[key],
      now,
    );
  }
  const owner = sqlite
    .prepare(
      `INSERT INTO users (username, first_name, last_name, password_hash, role_id, password_changed_at, created_at, updated_at)
       VALUES (?, 'Olga', 'Owner', ?, ?, ?, ?, ?)`,
    )
    .run(PREVIOUS_RELEASE_OWNER.username, passwordHash(PREVIOUS_RELEASE_OWNER.password), ROLE_IDS.super_admin, now, now, now);
  const ownerId = Number(owner.lastInsertRowid);
  const product = sqlite
    .prepare(
      "INSERT INTO products (sku, name, price_cents, stock, created_at, updated_at) VALUES ('OLD-1', 'Old release tea', 250, 9, ?, ?)",
    )
    .run(now, now);
  const productId = Number(product.lastInsertRowid);
  // Migration 0002 made the default register ("Main till").
  const registerId = z.number().int().parse(sqlite.prepare('SELECT id FROM registers WHERE is_default = 1').pluck().get());
  const session = sqlite
    .prepare("INSERT INTO cash_sessions (register_id, status, opened_by, opened_at, opening_float_cents) VALUES (?, 'open', ?, ?, 0)")
    .run(registerId, ownerId, now);
  const order = sqlite
    .prepare(
      `INSERT INTO orders (user_id, status, total_cents, created_at, completed_at, receipt_no, register_id, cash_session_id,
         subtotal_cents, due_cents, completed_by)
       VALUES (?, 'completed', 250, ?, ?, 1, ?, ?, 250, 250, ?)`,
    )
    .run(ownerId, now, now, registerId, session.lastInsertRowid, ownerId);
  sqlite
    .prepare(
      `INSERT INTO order_items (order_id, product_id, name, amount, unit_price_cents, line_total_cents, net_line_cents)
       VALUES (?, ?, 'Old release tea', 1, 250, 250, 250)`,
    )
    .run(order.lastInsertRowid, productId);
  sqlite
    .prepare(
      "INSERT INTO payments (order_id, method, amount_cents, tendered_cents, cash_session_id, created_at) VALUES (?, 'cash', 250, 250, ?, ?)",
    )
    .run(order.lastInsertRowid, session.lastInsertRowid, now);
  // Migration 0002 seeded the series; this sale took its number 1.
  sqlite.prepare("UPDATE receipt_sequences SET last_no = 1, updated_at = ? WHERE series = 'shop'").run(now);
}

const work = mkdtempSync(join(tmpdir(), 'shopdesk-previous-release-'));
try {
  const migrations = join(work, 'migrations');
  previousMigrations(migrations);
  const sqlite = new Database(join(work, 'shopdesk.db'));
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: migrations });
  // A fixed instant for the rows: the fixture reads as a shop of that day.
  sqlite.transaction(() => fillShop(sqlite, Date.parse('2026-11-20T10:00:00Z')))();
  rmSync(FIXTURE, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(FIXTURE);
  sqlite.close();
  console.log(`wrote ${FIXTURE}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
