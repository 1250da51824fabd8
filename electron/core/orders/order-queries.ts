import { asc, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '../../../db/client';
import { orderItems, orders, orderTaxes, payments, users } from '../../../db/schema';
import type { OrderDto } from '../../../shared/schemas/orders';
import { toOrderDto, type OrderRow } from './order-dto';

// Still imported from here by the refunds and the orders service.
export { toPaymentDto, type OrderRow } from './order-dto';

function groupBy<T>(rows: T[], key: (row: T) => number | null): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = key(row);
    if (id === null) continue;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/** `column IN (the ids)` with the ids bound as one JSON array, so one prepared statement serves every page size. */
const inIds = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

/** The four reads of an order's parts, prepared once per connection (the orders list runs them on every page). */
function prepareOrderParts(db: Db) {
  return {
    items: db.select().from(orderItems).where(inIds(orderItems.orderId)).orderBy(asc(orderItems.id)).prepare(),
    payments: db.select().from(payments).where(inIds(payments.orderId)).orderBy(asc(payments.id)).prepare(),
    taxes: db
      .select()
      .from(orderTaxes)
      .where(inIds(orderTaxes.orderId))
      .orderBy(asc(orderTaxes.orderId), asc(orderTaxes.taxRateId))
      .prepare(),
    people: db.select().from(users).where(inIds(users.id)).prepare(),
  };
}

const preparedParts = new WeakMap<Db, ReturnType<typeof prepareOrderParts>>();

/**
 * Orders with their lines, payments, taxes and who placed them, in four queries whatever the
 * page size. Inside a transaction pass the connection (`db`), not the transaction handle:
 * better-sqlite3 runs the prepared reads on the one connection, so they see the transaction's
 * writes.
 */
export function withItems(db: Db, rows: OrderRow[]): OrderDto[] {
  if (rows.length === 0) return [];
  let parts = preparedParts.get(db);
  if (!parts) {
    parts = prepareOrderParts(db);
    preparedParts.set(db, parts);
  }
  const ids = { ids: JSON.stringify(rows.map((o) => o.id)) };
  const items = groupBy(parts.items.all(ids), (i) => i.orderId);
  const paid = groupBy(parts.payments.all(ids), (p) => p.orderId);
  const taxed = groupBy(parts.taxes.all(ids), (t) => t.orderId);
  const people = new Map(parts.people.all({ ids: JSON.stringify([...new Set(rows.map((o) => o.userId))]) }).map((u) => [u.id, u]));
  return rows.map((o) =>
    toOrderDto(o, {
      items: items.get(o.id) ?? [],
      user: people.get(o.userId),
      payments: paid.get(o.id) ?? [],
      taxes: taxed.get(o.id) ?? [],
    }),
  );
}

export function findOrderById(db: DbOrTx, id: number): OrderRow | undefined {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}
