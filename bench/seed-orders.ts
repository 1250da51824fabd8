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

/**
 * Adds an open cash session on `registerId` holding `count` completed cash sales (one line,
 * one cash payment each, receipt numbers continuing the shop's sequence), straight through
 * SQLite, for the Z-report target. Answers the session's id.
 */
export function seedSessionSales(file: string, registerId: number, userId: number, count: number): number {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const sessionId = db.transaction(() => {
    const session = db
      .prepare(
        "insert into cash_sessions (register_id, status, opened_by, opened_at, opening_float_cents) values (?, 'open', ?, ?, 10000) returning id",
      )
      .get(registerId, userId, now - count * 1000) as { id: number };
    const productId = (db.prepare('select id from products order by id limit 1').get() as { id: number }).id;
    const sequence = db.prepare("select last_no from receipt_sequences where series = 'shop'").get() as { last_no: number };
    const insertOrder = db.prepare(
      `insert into orders (user_id, status, total_cents, subtotal_cents, due_cents, created_at, completed_at, completed_by, receipt_no, register_id, cash_session_id)
       values (?, 'completed', 500, 500, 500, ?, ?, ?, ?, ?, ?)`,
    );
    const insertItem = db.prepare(
      "insert into order_items (order_id, product_id, name, amount, unit_price_cents, line_total_cents, net_line_cents) values (?, ?, 'Bench item', 1, 500, 500, 500)",
    );
    const insertPayment = db.prepare(
      "insert into payments (order_id, method, amount_cents, tendered_cents, change_cents, cash_session_id, created_at) values (?, 'cash', 500, 1000, 500, ?, ?)",
    );
    for (let i = 1; i <= count; i++) {
      const at = now - (count - i) * 1000;
      const orderId = Number(insertOrder.run(userId, at, at, userId, sequence.last_no + i, registerId, session.id).lastInsertRowid);
      insertItem.run(orderId, productId);
      insertPayment.run(orderId, session.id, at);
    }
    db.prepare("update receipt_sequences set last_no = ? where series = 'shop'").run(sequence.last_no + count);
    return session.id;
  })();
  db.close();
  return sessionId;
}

/**
 * Gives one product `count` ledger movements (interleaved with a second product's, as a busy
 * shop's ledger is), keeping its stock equal to their sum, for the stock-history page target.
 */
export function seedStockMovements(file: string, productId: number, otherId: number, count: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    "insert into stock_movements (product_id, delta, reason, ref_type, ref_id, note, user_id, created_at) values (?, 1, 'adjustment', 'adjustment', null, 'bench', null, ?)",
  );
  const batch = db.transaction((from: number, to: number) => {
    const now = Date.now();
    for (let i = from; i < to; i++) {
      insert.run(productId, now);
      if (i % 2 === 0) insert.run(otherId, now);
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.prepare('update products set stock = stock + ? where id = ?').run(count, productId);
  db.prepare('update products set stock = stock + ? where id = ?').run(Math.ceil(count / 2), otherId);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
