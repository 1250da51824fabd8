import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { orderItems, orders, users } from '../../../db/schema';
import type { OrderDto } from '../../../shared/schemas/orders';

export type OrderRow = typeof orders.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type UserRow = typeof users.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toOrderDto(order: OrderRow, items: ItemRow[], user: UserRow | undefined): OrderDto {
  return {
    id: order.id,
    user_id: order.userId,
    user: user ? { id: user.id, username: user.username, first_name: user.firstName, last_name: user.lastName } : null,
    status: order.status,
    items: items.map((i) => ({
      product_id: i.productId,
      name: i.name,
      amount: i.amount,
      unit_price_cents: i.unitPriceCents,
      line_total_cents: i.lineTotalCents,
    })),
    total_cents: order.totalCents,
    address: order.address,
    phone: order.phone,
    created_at: new Date(order.createdAt).toISOString(),
    completed_at: iso(order.completedAt),
  };
}

/** Orders with their lines and who placed them, in three queries whatever the page size. */
export function withItems(db: DbOrTx, rows: OrderRow[]): OrderDto[] {
  if (rows.length === 0) return [];
  const items = db
    .select()
    .from(orderItems)
    .where(
      inArray(
        orderItems.orderId,
        rows.map((o) => o.id),
      ),
    )
    .orderBy(asc(orderItems.id))
    .all();
  const people = db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((o) => o.userId))]))
    .all();
  return rows.map((o) =>
    toOrderDto(
      o,
      items.filter((i) => i.orderId === o.id),
      people.find((u) => u.id === o.userId),
    ),
  );
}

export function findOrderById(db: DbOrTx, id: number): OrderRow | undefined {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}
