import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
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

/** Orders with their lines, payments, taxes and who placed them, in five queries whatever the page size. */
export function withItems(db: DbOrTx, rows: OrderRow[]): OrderDto[] {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const items = groupBy(
    db.select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(asc(orderItems.id)).all(),
    (i) => i.orderId,
  );
  const paid = groupBy(db.select().from(payments).where(inArray(payments.orderId, ids)).orderBy(asc(payments.id)).all(), (p) => p.orderId);
  const taxed = groupBy(
    db.select().from(orderTaxes).where(inArray(orderTaxes.orderId, ids)).orderBy(asc(orderTaxes.taxRateId)).all(),
    (t) => t.orderId,
  );
  const people = new Map(
    db
      .select()
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((o) => o.userId))]))
      .all()
      .map((u) => [u.id, u]),
  );
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
