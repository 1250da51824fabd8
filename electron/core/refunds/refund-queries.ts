import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { payments, refundItems, refunds, refundTaxes } from '../../../db/schema';
import type { RefundDto } from '../../../shared/schemas/refunds';
import { toPaymentDto } from '../orders/order-queries';

export type RefundRow = typeof refunds.$inferSelect;

/** Refunds as answered, each with its lines, taxes and payments (three reads for any number of refunds). */
export function withRefundParts(db: DbOrTx, rows: RefundRow[]): RefundDto[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const items = db.select().from(refundItems).where(inArray(refundItems.refundId, ids)).orderBy(asc(refundItems.id)).all();
  const taxes = db.select().from(refundTaxes).where(inArray(refundTaxes.refundId, ids)).orderBy(asc(refundTaxes.taxRateId)).all();
  const paid = db.select().from(payments).where(inArray(payments.refundId, ids)).orderBy(asc(payments.id)).all();
  return rows.map((refund) => ({
    id: refund.id,
    order_id: refund.orderId,
    receipt_no: refund.receiptNo,
    items: items
      .filter((i) => i.refundId === refund.id)
      .map((i) => ({
        order_item_id: i.orderItemId,
        product_id: i.productId,
        name: i.name,
        amount: i.amount,
        restock: i.restock,
        net_line_cents: i.netLineCents,
        tax_cents: i.taxCents,
      })),
    total_cents: refund.totalCents,
    tax_cents: refund.taxCents,
    taxes: taxes
      .filter((t) => t.refundId === refund.id)
      .map((t) => ({ tax_rate_id: t.taxRateId, name: t.name, rate_bp: t.rateBp, taxable_cents: t.taxableCents, tax_cents: t.taxCents })),
    rounding_cents: refund.roundingCents,
    payments: paid.filter((p) => p.refundId === refund.id).map(toPaymentDto),
    reason: refund.reason,
    created_by: refund.createdBy,
    created_at: new Date(refund.createdAt).toISOString(),
    register_id: refund.registerId,
    cash_session_id: refund.cashSessionId,
    approved_by: refund.approvedBy,
  }));
}

export function refundsOfOrder(db: DbOrTx, orderId: number): RefundRow[] {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)).all();
}

export function findRefundById(db: DbOrTx, id: number): RefundRow | undefined {
  return db.select().from(refunds).where(eq(refunds.id, id)).get();
}

/** Σ `net_line_cents` already refunded per sold line of the order (the floor rule's remainder). */
export function refundedNetByItem(db: DbOrTx, orderId: number): Map<number, number> {
  const rows = db
    .select({ orderItemId: refundItems.orderItemId, cents: sql<number>`sum(${refundItems.netLineCents})`.mapWith(Number) })
    .from(refundItems)
    .innerJoin(refunds, eq(refunds.id, refundItems.refundId))
    .where(eq(refunds.orderId, orderId))
    .groupBy(refundItems.orderItemId)
    .all();
  return new Map(rows.map((r) => [r.orderItemId, r.cents]));
}

/** Σ tax already refunded per rate of the order. */
export function refundedTaxByRate(db: DbOrTx, orderId: number): Map<number, number> {
  const rows = db
    .select({ taxRateId: refundTaxes.taxRateId, cents: sql<number>`sum(${refundTaxes.taxCents})`.mapWith(Number) })
    .from(refundTaxes)
    .innerJoin(refunds, eq(refunds.id, refundTaxes.refundId))
    .where(eq(refunds.orderId, orderId))
    .groupBy(refundTaxes.taxRateId)
    .all();
  return new Map(rows.map((r) => [r.taxRateId, r.cents]));
}
