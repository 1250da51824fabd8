import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orderItems, orders, orderTaxes, users } from '../../../db/schema';
import type { ExportSalesQuery } from '../../../shared/schemas/orders';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { requirePermission } from '../permissions';
import { salesCsv, type SoldLine } from './sales-csv';

/**
 * `GET /orders/export.csv`: every line of the sales completed in the shop dates `from`–`to`
 * (both included), in receipt order, with who completed each sale.
 */
export function createSalesExport(db: Db, deps: { timeZone(): string }) {
  return function exportSalesCsv(actor: Actor, query: ExportSalesQuery): string {
    requirePermission(actor, 'orders.export');
    const timeZone = deps.timeZone();
    const inRange = and(
      eq(orders.status, 'completed'),
      gte(orders.completedAt, startOfShopDate(query.from, timeZone)),
      lt(orders.completedAt, startOfShopDate(addDays(query.to, 1), timeZone)),
    );
    const cashierName = sql<string>`coalesce(nullif(trim(${users.firstName} || ' ' || ${users.lastName}), ''), ${users.username}, '')`;
    const lines: SoldLine[] = db
      .select({
        orderId: orders.id,
        receiptNo: orders.receiptNo,
        completedAt: sql<number>`${orders.completedAt}`.mapWith(Number),
        cashier: cashierName,
        productId: orderItems.productId,
        name: orderItems.name,
        amount: orderItems.amount,
        unitPriceCents: orderItems.unitPriceCents,
        lineTotalCents: orderItems.lineTotalCents,
        discountCents: orderItems.discountCents,
        netLineCents: orderItems.netLineCents,
        taxRateId: orderItems.taxRateId,
        taxName: orderItems.taxName,
        rateBp: orderItems.rateBp,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .leftJoin(users, eq(users.id, sql`coalesce(${orders.completedBy}, ${orders.userId})`))
      .where(inRange)
      .orderBy(asc(orders.completedAt), asc(orders.id), asc(orderItems.id))
      .all();
    const taxes = db
      .select({ orderId: orderTaxes.orderId, taxRateId: orderTaxes.taxRateId, taxCents: orderTaxes.taxCents })
      .from(orderTaxes)
      .innerJoin(orders, eq(orders.id, orderTaxes.orderId))
      .where(inRange)
      .all();
    return salesCsv(lines, taxes, timeZone);
  };
}
