import type { orderItems, orders, orderTaxes, payments, users } from '../../../db/schema';
import type { OrderDto } from '../../../shared/schemas/orders';

export type OrderRow = typeof orders.$inferSelect;

type ItemFields = Pick<
  typeof orderItems.$inferSelect,
  | 'id'
  | 'productId'
  | 'name'
  | 'amount'
  | 'unitPriceCents'
  | 'lineTotalCents'
  | 'taxRateId'
  | 'discountCents'
  | 'discountType'
  | 'discountValue'
  | 'netLineCents'
  | 'refundedAmount'
>;
type UserFields = Pick<typeof users.$inferSelect, 'id' | 'username' | 'firstName' | 'lastName'>;
type PaymentFields = Pick<typeof payments.$inferSelect, 'method' | 'amountCents' | 'tenderedCents' | 'changeCents' | 'reference'>;
type TaxFields = Pick<typeof orderTaxes.$inferSelect, 'taxRateId' | 'name' | 'rateBp' | 'taxableCents' | 'taxCents'>;

/**
 * What an order is answered with besides its own row. Only the stored fields are asked for, so a
 * sale just written (place-order.ts) and an order read back (order-queries.ts) give the same answer.
 */
export interface OrderParts {
  items: readonly ItemFields[];
  user: UserFields | undefined;
  payments: readonly PaymentFields[];
  taxes: readonly TaxFields[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A discount as asked for, from its stored type and value (null when none). */
export const discountOf = (type: 'percent' | 'amount' | null, value: number | null) =>
  type === null || value === null ? null : { type, value };

/** A payment as answered, from its row or from the tender just written (the same fields). */
export const toPaymentDto = (p: PaymentFields) => ({
  method: p.method,
  amount_cents: p.amountCents,
  tendered_cents: p.tenderedCents,
  change_cents: p.changeCents,
  reference: p.reference,
});

export function toOrderDto(order: OrderRow, parts: OrderParts): OrderDto {
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
