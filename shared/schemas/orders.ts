import { z } from 'zod';
import { isoTimestamp, pageQueryShape } from './common';
import { approvalInput } from './pins';
import { shopDateSchema } from './shifts';

export const ORDER_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const PAYMENT_METHODS = ['cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** More than any one sale takes: a typo, not a tender. */
export const MAX_PAYMENT_CENTS = 100_000_000;

export const DISCOUNT_TYPES = ['percent', 'amount'] as const;

/** A discount as asked for (API-SELLING.md, "Discounts"); what it came to is in `discount_cents`. */
export const discountSchema = z
  .object({ type: z.enum(DISCOUNT_TYPES), value: z.number().int() })
  .meta({ description: 'percent: 0–100; amount: cents.' });

export const orderItemSchema = z.object({
  order_item_id: z.number().int(),
  product_id: z.number().int(),
  name: z.string(),
  amount: z.number().int(),
  unit_price_cents: z.number().int(),
  line_total_cents: z.number().int().meta({ description: 'Gross: unit price × amount, before discounts.' }),
  tax_rate_id: z.number().int().nullable(),
  discount_cents: z.number().int().meta({ description: 'The line’s own discount plus its share of the order’s.' }),
  discount: discountSchema.nullable().meta({ description: 'The line’s own discount as asked for (an addition to the contract).' }),
  net_line_cents: z.number().int(),
  refunded_amount: z.number().int(),
});

export const orderTaxSchema = z.object({
  tax_rate_id: z.number().int(),
  name: z.string(),
  rate_bp: z.number().int(),
  taxable_cents: z.number().int(),
  tax_cents: z.number().int(),
});

export const paymentSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS),
    amount_cents: z.number().int(),
    tendered_cents: z.number().int(),
    change_cents: z.number().int().meta({ description: 'tendered − amount; 0 unless cash.' }),
    reference: z.string().nullable(),
  })
  .meta({ id: 'Payment' });
export type PaymentDto = z.infer<typeof paymentSchema>;

export const orderSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    user: z
      .object({ id: z.number().int(), username: z.string(), first_name: z.string(), last_name: z.string() })
      .nullable()
      .meta({ description: 'Who placed the order (an addition to docs/contract/API.md, for display).' }),
    status: z.enum(ORDER_STATUSES),
    items: z.array(orderItemSchema),
    total_cents: z.number().int(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    created_at: isoTimestamp,
    completed_at: isoTimestamp.nullable(),
    completed_by: z.number().int().nullable().meta({ description: 'Who completed the sale (an addition to the contract).' }),
    receipt_no: z.number().int().nullable().meta({ description: 'Gap-free, shared with refunds; null until the sale completes.' }),
    register_id: z.number().int().nullable(),
    cash_session_id: z.number().int().nullable(),
    subtotal_cents: z.number().int(),
    discount_cents: z.number().int(),
    tax_cents: z.number().int(),
    rounding_cents: z.number().int(),
    due_cents: z.number().int(),
    taxes: z.array(orderTaxSchema),
    payments: z.array(paymentSchema),
    refunded_cents: z.number().int(),
    discount: discountSchema.nullable().meta({ description: 'The order’s own discount as asked for (an addition to the contract).' }),
    discount_approved_by: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The manager whose PIN approved a discount beyond the creator’s limit (an addition to the contract).' }),
  })
  .meta({ id: 'Order' });
export type OrderDto = z.infer<typeof orderSchema>;

export const paymentInput = z
  .strictObject({
    method: z.enum(PAYMENT_METHODS),
    amount_cents: z.number().int('Money is in whole cents.').positive('A payment must be more than zero.').max(MAX_PAYMENT_CENTS),
    tendered_cents: z.number().int('Money is in whole cents.').positive().max(MAX_PAYMENT_CENTS).optional(),
    reference: z
      .string()
      .trim()
      .max(100)
      .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.')
      .nullable()
      .optional(),
  })
  .superRefine((payment, ctx) => {
    if (payment.tendered_cents === undefined) return;
    if (payment.method === 'cash' && payment.tendered_cents < payment.amount_cents)
      ctx.addIssue({ code: 'custom', path: ['tendered_cents'], message: 'Cash tendered may not be less than its amount.' });
    if (payment.method !== 'cash' && payment.tendered_cents !== payment.amount_cents)
      ctx.addIssue({ code: 'custom', path: ['tendered_cents'], message: 'Only cash may be tendered above its amount.' });
  });
export type PaymentInput = z.infer<typeof paymentInput>;

/** How the sale is paid and on which till; read only when it completes. */
const tenderShape = {
  payments: z.array(paymentInput).min(1, 'A sale needs at least one payment.').max(20).optional(),
  register_id: z.number().int().positive().optional(),
};

/**
 * percent: an integer 0–100; amount: cents, at least 0. That an amount is at most the line's
 * gross needs the price, so the core checks it when it prices the sale.
 */
export const discountInput = z
  .strictObject({
    type: z.enum(DISCOUNT_TYPES),
    value: z.number().int('A discount is a whole percent or whole cents.').min(0, 'A discount cannot be negative.').max(MAX_PAYMENT_CENTS),
  })
  .superRefine((discount, ctx) => {
    if (discount.type === 'percent' && discount.value > 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percent discount is at most 100.' });
  });
export type DiscountInput = z.infer<typeof discountInput>;

export const orderLineInput = z.strictObject({
  product_id: z.number().int().positive(),
  amount: z.number().int().min(1).max(10_000),
  discount: discountInput.nullish(),
});
export type OrderLineInput = z.infer<typeof orderLineInput>;

export const createOrderInput = z
  .strictObject({
    items: z.array(orderLineInput).min(1, 'An order needs at least one item.').max(200),
    address: z.string().trim().max(300).nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    complete: z.boolean().optional(),
    /** The whole sale's discount, spread over the lines after their own. */
    discount: discountInput.nullish(),
    /** A manager's consent to a discount share above the creator's `max_discount_percent`. */
    approval: approvalInput.optional(),
    ...tenderShape,
  })
  .superRefine((order, ctx) => {
    if (order.payments && order.complete !== true)
      ctx.addIssue({ code: 'custom', path: ['payments'], message: 'Payments are taken when the sale completes; send complete: true.' });
  });
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const completeOrderInput = z.strictObject(tenderShape);
export type CompleteOrderInput = z.infer<typeof completeOrderInput>;

/** `GET /orders/export.csv`: completed sales by shop date (both ends included). */
export const exportSalesQuery = z
  .strictObject({
    from: shopDateSchema,
    to: shopDateSchema,
  })
  .refine((range) => range.from <= range.to, { path: ['to'], message: 'The range ends before it starts.' });
export type ExportSalesQuery = z.infer<typeof exportSalesQuery>;

/**
 * The export's range from what the user chose (`''` for an end not chosen): this month so far on
 * the shop's clock, what an accountant asks for first; a `to` before the month starts from itself.
 */
export function salesExportRange(chosen: { from: string; to: string }, today: string): ExportSalesQuery {
  const monthStart = `${today.slice(0, 8)}01`;
  return {
    from: chosen.from || (chosen.to && chosen.to < monthStart ? chosen.to : monthStart),
    to: chosen.to || today,
  };
}

export const listOrdersQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  user_id: z.coerce.number().int().positive().optional(),
  /** The sale printed with this receipt number (unique): how a returned receipt is found. */
  receipt_no: z.coerce.number().int().positive().optional(),
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
  ...pageQueryShape,
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const idempotencyKeySchema = z.string().min(1).max(200);
