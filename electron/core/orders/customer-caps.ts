import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orderItems, orders } from '../../../db/schema';
import { DomainError } from '../errors';

/**
 * What one customer account may hold in open orders at once: anonymous sign-ups must not be
 * able to tie up the shop's stock. Staff (the till's parked sales) are not capped.
 */
export const CUSTOMER_ORDER_CAPS = { maxOpenOrders: 5, maxOpenUnits: 50 };
export type CustomerOrderCaps = typeof CUSTOMER_ORDER_CAPS;

export function prepareCustomerCaps(db: Db, caps: CustomerOrderCaps) {
  const heldByUser = db
    .select({ orders: sql<number>`count(distinct ${orders.id})`, units: sql<number>`coalesce(sum(${orderItems.amount}), 0)` })
    .from(orders)
    .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.userId, sql.placeholder('userId')), eq(orders.status, 'open')))
    .prepare();

  /** Inside the order's transaction, so orders of one batch count the ones before them. */
  return function assertWithinCustomerCaps(userId: number, amounts: Map<number, number>): void {
    const held = heldByUser.get({ userId }) ?? { orders: 0, units: 0 };
    if (held.orders >= caps.maxOpenOrders) {
      throw new DomainError(
        'invalid_state',
        `You already have ${held.orders} open orders, the most one customer account may hold. Wait until the shop completes one, or cancel one, before ordering again.`,
        { details: [{ limit: 'open_orders', max: caps.maxOpenOrders, held: held.orders }] },
      );
    }
    const requested = [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
    if (held.units + requested > caps.maxOpenUnits) {
      throw new DomainError(
        'invalid_state',
        `Open orders of one customer account may hold at most ${caps.maxOpenUnits} items; you hold ${held.units} and asked for ${requested} more.`,
        { details: [{ limit: 'open_units', max: caps.maxOpenUnits, held: held.units, requested }] },
      );
    }
  };
}
