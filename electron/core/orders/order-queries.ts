import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { orderItems, orders, orderTaxes, payments, users } from '../../../db/schema';
import type { OrderDto } from '../../../shared/schemas/orders';

export type OrderRow = typeof orders.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type UserRow = typeof users.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;
type TaxRow = typeof orderTaxes.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A discount as asked for, from its stored type and value (null when none). */
export const discountOf = (type: 'percent' | 'amount' | null, value: number | null) =>
  type === null || value === null ? null : { type, value };

/** A payment as answered, from its row or from the tender just written (the same fields). */
export const toPaymentDto = (p: Pick<PaymentRow, 'method' | 'amountCents' | 'tenderedCents' | 'changeCents' | 'reference'>) => ({
  method: p.method,
  amount_cents: p.amountCents,
  tendered_cents: p.tenderedCents,
  change_cents: p.changeCents,
  reference: p.reference,
});

interface OrderParts {
  items: ItemRow[];
  user: UserRow | undefined;
  payments: PaymentRow[];
  taxes: TaxRow[];
}

function toOrderDto(order: OrderRow, parts: OrderParts): OrderDto {
  const { user } = parts;
  return {
    id: order.id,
    user_id: order.userId,
    user: user ? { id: user.id, username: user.username, first_name: user.firstName, last_name: user.lastName } : null,
    status: order.status,
    items: parts.items.map((i) => ({
      order_item_id: i.id,
      product_id: i.productId,
      name: i.name,
      amount: i.amount,
      unit_price_cents: i.unitPriceCents,
      line_total_cents: i.lineTotalCents,
      tax_rate_id: i.taxRateId,
      discount_cents: i.discountCents,
      discount: discountOf(i.discountType, i.discountValue),
      net_line_cents: i.netLineCents,
      refunded_amount: i.refundedAmount,
    })),
    total_cents: order.totalCents,
    address: order.address,
    phone: order.phone,
    created_at: new Date(order.createdAt).toISOString(),
    completed_at: iso(order.completedAt),
    completed_by: order.completedBy,
    receipt_no: order.receiptNo,
    register_id: order.registerId,
    cash_session_id: order.cashSessionId,
    subtotal_cents: order.subtotalCents,
    discount_cents: order.discountCents,
    tax_cents: order.taxCents,
    rounding_cents: order.roundingCents,
    due_cents: order.dueCents,
    taxes: parts.taxes.map((t) => ({
      tax_rate_id: t.taxRateId,
      name: t.name,
      rate_bp: t.rateBp,
      taxable_cents: t.taxableCents,
      tax_cents: t.taxCents,
    })),
    payments: parts.payments.map(toPaymentDto),
    refunded_cents: order.refundedCents,
    discount: discountOf(order.discountType, order.discountValue),
    discount_approved_by: order.discountApprovedBy,
  };
}

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
