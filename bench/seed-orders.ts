import Database from 'better-sqlite3';

/**
 * Fills a migrated database with `count` completed orders of 3 lines each, straight through
 * SQLite (the API would take hours), for the start-up and list-page targets.
 */
export function seedOrders(file: string, count: number, userId: number, productIds: number[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertOrder = db.prepare(
    "insert into orders (user_id, status, total_cents, created_at, completed_at) values (?, 'completed', ?, ?, ?)",
  );
  const insertItem = db.prepare(
    'insert into order_items (order_id, product_id, name, amount, unit_price_cents, line_total_cents) values (?, ?, ?, 1, 100, 100)',
  );
  const start = Date.now() - count * 1000;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = start + i * 1000;
      const orderId = Number(insertOrder.run(userId, 300, at, at).lastInsertRowid);
      for (let line = 0; line < 3; line++) insertItem.run(orderId, productIds[(i + line) % productIds.length] ?? 1, 'Bench item');
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Adds `count` products straight through SQLite, for the "instant with 50,000 products" target. */
export function seedProducts(file: string, count: number): void {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    'insert into products (sku, barcode, name, price_cents, stock, is_active, created_at, updated_at) values (?, ?, ?, ?, 100, 1, ?, ?)',
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(
        `SEED-${i}`,
        `5${String(i).padStart(12, '0')}`,
        `Seeded product ${i} ${['apple', 'bread', 'cheese', 'dates', 'eggs'][i % 5]}`,
        99 + (i % 500),
        now,
        now,
      );
  })();
  db.close();
}
