import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_FOLDER } from '../../db/migrate';
import { hash } from '../../electron/core/auth/password-hash.worker.mjs';
import { createCore, type Core } from '../../electron/server/create-core';
import { DEFAULT_MAX_DISCOUNT_PERCENT } from '../../shared/role-discounts';
import { createApiClient } from '../helpers/api-client';
import { setupOwner, signIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Migration 0002 (the till) carries a shop that ran migrations 0000 and 0001 forward: "Main
 * till" exists, each product's stock becomes one `initial` movement (stock = Σ movements), the
 * roles get their discount limits, and the orders keep every value they had, with no receipt
 * number or session. The old shop is built from the migrations folder without 0002, as that
 * version of ShopDesk would have left it, then the real core starts on it.
 */

const NOW = Date.UTC(2030, 0, 15, 9, 0, 0);

/** The committed migrations up to 0001, in a folder of their own. */
function migrationsBeforeTheTill(root: string): string {
  const folder = join(root, 'migrations-0001');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag === '0000_init' || entry.tag === '0001_hardening');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

interface OldShop {
  ownerId: number;
  cashierId: number;
  /** product id → stock */
  stock: Map<number, number>;
  orderIds: { completedByOwner: number; createdComplete: number; open: number; cancelled: number };
}

/** A shop of the previous version: roles, an owner and a cashier, three products, four orders. */
function buildOldShop(file: string, migrations: string): OldShop {
  const sqlite = new Database(file);
  try {
    applyMigrations(drizzle(sqlite), migrations);
    const roles = sqlite.prepare(
      `INSERT INTO roles (id, key, name, minimum_characters, contain_upper_case, contain_lower_case, contain_special_case,
        contain_number, password_expiration, max_failed_attempts, updated_at) VALUES (?, ?, ?, 8, 0, 0, 0, 0, 0, 5, ?)`,
    );
    for (const [id, key, name] of [
      [1, 'super_admin', 'Super Admin'],
      [2, 'manager', 'Manager'],
      [3, 'attendant', 'Attendant'],
      [4, 'cashier', 'Cashier'],
      [5, 'customer', 'Customer'],
    ] as const)
      roles.run(id, key, name, NOW);
    const user = sqlite.prepare(
      `INSERT INTO users (username, first_name, last_name, password_hash, role_id, password_changed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ownerId = Number(
      user.run('owner', 'Olga', 'Owner', hash({ password: PASSWORDS.super_admin, cost: 4 }), 1, NOW, NOW, NOW).lastInsertRowid,
    );
    const cashierId = Number(
      user.run('carl', 'Carl', 'Cash', hash({ password: PASSWORDS.cashier, cost: 4 }), 4, NOW, NOW, NOW).lastInsertRowid,
    );

    const product = sqlite.prepare(
      'INSERT INTO products (sku, name, price_cents, stock, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const stock = new Map<number, number>();
    for (const [sku, name, price, count] of [
      ['TEA-1', 'Green tea', 350, 7],
      ['CUP-1', 'Cup', 1200, 0],
      ['JAM-1', 'Jam', 499, 12],
    ] as const)
      stock.set(Number(product.run(sku, name, price, count, NOW, NOW).lastInsertRowid), count);
    const [tea = 0, , jam = 0] = [...stock.keys()];

    const order = sqlite.prepare(
      'INSERT INTO orders (user_id, status, total_cents, address, phone, created_at, completed_at, cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const item = sqlite.prepare(
      'INSERT INTO order_items (order_id, product_id, name, amount, unit_price_cents, line_total_cents) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const place = (userId: number, status: string, lines: [number, string, number, number][], times: [number | null, number | null]) => {
      const total = lines.reduce((sum, [, , amount, price]) => sum + amount * price, 0);
      const id = Number(order.run(userId, status, total, null, null, NOW, times[0], times[1]).lastInsertRowid);
      for (const [productId, name, amount, price] of lines) item.run(id, productId, name, amount, price, amount * price);
      return id;
    };
    // Placed open by the cashier, completed later by the owner (the audit row says who).
    const completedByOwner = place(cashierId, 'completed', [[tea, 'Green tea', 2, 350]], [NOW + 60_000, null]);
    sqlite
      .prepare(
        `INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after, created_at)
         VALUES (?, 'order.completed', 'order', ?, '{"status":"open"}', '{"status":"completed"}', ?)`,
      )
      .run(ownerId, completedByOwner, NOW + 60_000);
    const createdComplete = place(
      cashierId,
      'completed',
      [
        [jam, 'Jam', 1, 499],
        [tea, 'Green tea', 1, 350],
      ],
      [NOW, null],
    );
    const open = place(cashierId, 'open', [[jam, 'Jam', 3, 499]], [null, null]);
    const cancelled = place(ownerId, 'cancelled', [[tea, 'Green tea', 1, 350]], [null, NOW + 120_000]);
    return { ownerId, cashierId, stock, orderIds: { completedByOwner, createdComplete, open, cancelled } };
  } finally {
    sqlite.close();
  }
}

const PART_1_ORDER_COLUMNS = 'id, user_id, status, total_cents, address, phone, created_at, completed_at, cancelled_at';
const PART_1_ITEM_COLUMNS = 'id, order_id, product_id, name, amount, unit_price_cents, line_total_cents';

describe('migration 0002 on a shop of the previous version', () => {
  let root: string | undefined;
  let core: Core | undefined;

  afterEach(async () => {
    await core?.close();
    core = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('creates Main till, opens the stock ledger at the stock, and leaves the old orders as they were', async () => {
    root = mkdtempSync(join(tmpdir(), 'shopdesk-till-migration-'));
    const dataDir = join(root, 'data');
    const file = join(dataDir, 'shopdesk.db');
    mkdirSync(dataDir, { recursive: true });
    const old = buildOldShop(file, migrationsBeforeTheTill(root));

    const before = new Database(file, { readonly: true });
    const ordersBefore = before.prepare(`SELECT ${PART_1_ORDER_COLUMNS} FROM orders ORDER BY id`).all();
    const itemsBefore = before.prepare(`SELECT ${PART_1_ITEM_COLUMNS} FROM order_items ORDER BY id`).all();
    const tablesBefore = before.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'registers'").all();
    before.close();
    expect(tablesBefore).toEqual([]);

    core = await createCore({ dataDir, port: 0, log: () => {} });
    const db = new Database(file, { readonly: true });
    try {
      // The default register, once.
      expect(db.prepare('SELECT name, is_default, printer_id, device_token_hash FROM registers').all()).toEqual([
        { name: 'Main till', is_default: 1, printer_id: null, device_token_hash: null },
      ]);
      expect(db.prepare('SELECT series, last_no FROM receipt_sequences').all()).toEqual([{ series: 'shop', last_no: 0 }]);

      // Stock = Σ movements for every product; one `initial` movement per product with stock.
      const ledger = db
        .prepare(
          `SELECT p.id, p.stock, COALESCE(SUM(m.delta), 0) AS moved, COUNT(m.id) AS movements
           FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id GROUP BY p.id ORDER BY p.id`,
        )
        .all() as { id: number; stock: number; moved: number; movements: number }[];
      expect(ledger.map((row) => [row.id, row.stock])).toEqual([...old.stock]);
      for (const row of ledger) {
        expect(row.moved, `product ${row.id}`).toBe(row.stock);
        expect(row.movements, `product ${row.id}`).toBe(row.stock === 0 ? 0 : 1);
      }
      expect(db.prepare('SELECT product_id, delta, reason, ref_type, ref_id, user_id FROM stock_movements ORDER BY id').all()).toEqual(
        [...old.stock]
          .filter(([, count]) => count !== 0)
          .map(([id, count]) => ({ product_id: id, delta: count, reason: 'initial', ref_type: 'product', ref_id: id, user_id: null })),
      );

      // The orders keep every value they had; they have no receipt number, register or session.
      expect(db.prepare(`SELECT ${PART_1_ORDER_COLUMNS} FROM orders ORDER BY id`).all()).toEqual(ordersBefore);
      expect(db.prepare(`SELECT ${PART_1_ITEM_COLUMNS} FROM order_items ORDER BY id`).all()).toEqual(itemsBefore);
      const till = db
        .prepare(
          `SELECT id, receipt_no, register_id, cash_session_id, subtotal_cents, discount_cents, tax_cents, rounding_cents,
                  due_cents, total_cents, refunded_cents, completed_by FROM orders ORDER BY id`,
        )
        .all() as { id: number; total_cents: number; completed_by: number | null }[];
      for (const row of till) {
        expect(row).toMatchObject({ receipt_no: null, register_id: null, cash_session_id: null, discount_cents: 0, tax_cents: 0 });
        expect(row).toMatchObject({ rounding_cents: 0, refunded_cents: 0, subtotal_cents: row.total_cents, due_cents: row.total_cents });
      }
      const completedBy = Object.fromEntries(till.map((row) => [row.id, row.completed_by]));
      expect(completedBy).toEqual({
        [old.orderIds.completedByOwner]: old.ownerId,
        [old.orderIds.createdComplete]: old.cashierId,
        [old.orderIds.open]: null,
        [old.orderIds.cancelled]: null,
      });
      const lines = db.prepare('SELECT net_line_cents, line_total_cents, discount_cents, refunded_amount FROM order_items').all() as {
        net_line_cents: number;
        line_total_cents: number;
      }[];
      for (const line of lines)
        expect(line).toMatchObject({ net_line_cents: line.line_total_cents, discount_cents: 0, refunded_amount: 0 });
      // A part-1 completion is paid by one `other` payment of its total, outside any session.
      expect(
        db.prepare('SELECT order_id, method, amount_cents, tendered_cents, change_cents, cash_session_id FROM payments ORDER BY id').all(),
      ).toEqual(
        [old.orderIds.completedByOwner, old.orderIds.createdComplete].map((id) => {
          const total = till.find((row) => row.id === id)?.total_cents;
          return { order_id: id, method: 'other', amount_cents: total, tendered_cents: total, change_cents: 0, cash_session_id: null };
        }),
      );

      // Discount limits per role.
      const limits = Object.fromEntries(
        (db.prepare('SELECT key, max_discount_percent FROM roles').all() as { key: string; max_discount_percent: number }[]).map((r) => [
          r.key,
          r.max_discount_percent,
        ]),
      );
      expect(limits).toEqual(DEFAULT_MAX_DISCOUNT_PERCENT);
    } finally {
      db.close();
    }

    // The shop still works on it: the owner signs in and reads the old orders and the settings.
    const api = createApiClient(core.url);
    const owner = await signIn(api, 'owner', PASSWORDS.super_admin);
    const sold = await api.get(`/orders/${old.orderIds.createdComplete}`, { token: owner.access });
    expect(sold.status, JSON.stringify(sold.body)).toBe(200);
    expect(sold.body).toMatchObject({ status: 'completed', total_cents: 849, items: [{ name: 'Jam' }, { name: 'Green tea' }] });
    expect((await api.get('/shop', { token: owner.access })).body).toMatchObject({ name: 'My shop', currency: 'EUR' });
    // Setup is done already: it cannot run again, and a restart migrates nothing twice.
    expect((await api.post('/setup', { username: 'x', password: PASSWORDS.super_admin, first_name: 'X', last_name: 'Y' })).status).toBe(
      409,
    );
    await core.close();
    core = await createCore({ dataDir, port: 0, log: () => {} });
    const again = new Database(file, { readonly: true });
    try {
      expect(again.prepare('SELECT COUNT(*) AS n FROM registers').get()).toEqual({ n: 1 });
      expect(again.prepare('SELECT COUNT(*) AS n FROM stock_movements').get()).toEqual({ n: 2 });
      expect(again.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 2 });
    } finally {
      again.close();
    }
  });
});

describe('first-run setup and the default register', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  const registers = (t: TestCore) => {
    const db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true });
    try {
      return db.prepare('SELECT name, is_default FROM registers').all();
    } finally {
      db.close();
    }
  };

  it('a fresh database has Main till from the migration, and setup does not add another', async () => {
    t = await startTestCore();
    expect(registers(t)).toEqual([{ name: 'Main till', is_default: 1 }]);
    await setupOwner(t.api);
    expect(registers(t)).toEqual([{ name: 'Main till', is_default: 1 }]);
  });

  it('setup creates Main till when the database has no register', async () => {
    t = await startTestCore();
    const db = new Database(join(t.dataDir, 'shopdesk.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('DELETE FROM registers').run();
      db.prepare('DELETE FROM receipt_sequences').run();
    } finally {
      db.close();
    }
    await setupOwner(t.api);
    expect(registers(t)).toEqual([{ name: 'Main till', is_default: 1 }]);
    const check = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true });
    try {
      expect(check.prepare('SELECT series, last_no FROM receipt_sequences').all()).toEqual([{ series: 'shop', last_no: 0 }]);
    } finally {
      check.close();
    }
  });
});
