import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cashSessions } from './cash';
import { products } from './catalog';
import { taxRates } from './tax';
import { registers } from './till';
import { users } from './users';

export const DISCOUNT_TYPES = ['percent', 'amount'] as const;

/**
 * Sales. A completed sale is never edited or deleted (corrections are refunds). `receipt_no`,
 * `register_id` and `cash_session_id` are set when it completes; orders of the shop before the
 * till (migration 0002) have none of them. Money in integer cents.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['open', 'completed', 'cancelled'] }).notNull(),
    totalCents: integer('total_cents').notNull(),
    address: text('address'),
    phone: text('phone'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
    cancelledAt: integer('cancelled_at'),
    receiptNo: integer('receipt_no'),
    registerId: integer('register_id').references(() => registers.id),
    cashSessionId: integer('cash_session_id').references(() => cashSessions.id),
    /** Σ gross of the lines, before any discount. */
    subtotalCents: integer('subtotal_cents').notNull().default(0),
    /** Σ of the items' discounts (their own and their share of the order's). */
    discountCents: integer('discount_cents').notNull().default(0),
    taxCents: integer('tax_cents').notNull().default(0),
    roundingCents: integer('rounding_cents').notNull().default(0),
    /** What the payments add up to: the total after cash rounding. */
    dueCents: integer('due_cents').notNull().default(0),
    /** The order's own discount as asked for; null when none. */
    discountType: text('discount_type', { enum: DISCOUNT_TYPES }),
    discountValue: integer('discount_value'),
    refundedCents: integer('refunded_cents').notNull().default(0),
    completedBy: integer('completed_by').references(() => users.id),
    /** The manager whose PIN approved a discount beyond the creator's limit. */
    discountApprovedBy: integer('discount_approved_by').references(() => users.id),
  },
  (t) => [
    index('orders_user_id_idx').on(t.userId, t.id),
    index('orders_status_id_idx').on(t.status, t.id),
    index('orders_created_at_idx').on(t.createdAt),
    uniqueIndex('orders_receipt_no_unique')
      .on(t.receiptNo)
      .where(sql`${t.receiptNo} is not null`),
    index('orders_cash_session_id_idx').on(t.cashSessionId, t.id),
  ],
);

/** Lines keep the name, price, tax rate and discount at the time of sale. */
export const orderItems = sqliteTable(
  'order_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    amount: integer('amount').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** Gross: unit price × amount, before discounts (part 1's meaning, kept). */
    lineTotalCents: integer('line_total_cents').notNull(),
    /** The rate the line was taxed at (null: not taxed), with its name and bp copied. */
    taxRateId: integer('tax_rate_id').references(() => taxRates.id),
    rateBp: integer('rate_bp'),
    taxName: text('tax_name'),
    /** The line's own discount plus its share of the order's. */
    discountCents: integer('discount_cents').notNull().default(0),
    /** The line's own discount as asked for; null when none. */
    discountType: text('discount_type', { enum: DISCOUNT_TYPES }),
    discountValue: integer('discount_value'),
    netLineCents: integer('net_line_cents').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
  },
  (t) => [index('order_items_order_id_idx').on(t.orderId), index('order_items_product_id_idx').on(t.productId)],
);

/** A sale's tax per rate (lines not taxed appear in none). */
export const orderTaxes = sqliteTable(
  'order_taxes',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    taxRateId: integer('tax_rate_id')
      .notNull()
      .references(() => taxRates.id),
    name: text('name').notNull(),
    rateBp: integer('rate_bp').notNull(),
    taxableCents: integer('taxable_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.taxRateId] })],
);

/** The first answer to a request with an `Idempotency-Key`, replayed on a retry. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_at_idx').on(t.createdAt)],
);
