import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cashSessions } from './cash';
import { products } from './catalog';
import { orderItems, orders } from './orders';
import { taxRates } from './tax';
import { registers } from './till';
import { users } from './users';

/**
 * A refund against a completed sale's lines: numbered from the same receipt sequence as sales,
 * never edited. `total_cents` is before cash rounding; its payments add up to total + rounding.
 * The cash session is the drawer the cash left (null when no cash was paid back).
 */
export const refunds = sqliteTable(
  'refunds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    receiptNo: integer('receipt_no').notNull(),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    cashSessionId: integer('cash_session_id').references(() => cashSessions.id),
    totalCents: integer('total_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    roundingCents: integer('rounding_cents').notNull().default(0),
    reason: text('reason').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** The manager whose PIN approved a cashier's or attendant's refund. */
    approvedBy: integer('approved_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('refunds_receipt_no_unique').on(t.receiptNo),
    index('refunds_order_id_idx').on(t.orderId, t.id),
    index('refunds_cash_session_id_idx').on(t.cashSessionId, t.id),
  ],
);

/** Refunded units of one sold line, with the line's rate copied; `restock: false` = damaged. */
export const refundItems = sqliteTable(
  'refund_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    orderItemId: integer('order_item_id')
      .notNull()
      .references(() => orderItems.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    amount: integer('amount').notNull(),
    restock: integer('restock', { mode: 'boolean' }).notNull(),
    netLineCents: integer('net_line_cents').notNull(),
    taxCents: integer('tax_cents').notNull().default(0),
    taxRateId: integer('tax_rate_id').references(() => taxRates.id),
    rateBp: integer('rate_bp'),
  },
  (t) => [index('refund_items_refund_id_idx').on(t.refundId), index('refund_items_order_item_id_idx').on(t.orderItemId)],
);

/** A refund's tax per rate, computed on its own lines with the sale's rates. */
export const refundTaxes = sqliteTable(
  'refund_taxes',
  {
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    taxRateId: integer('tax_rate_id')
      .notNull()
      .references(() => taxRates.id),
    name: text('name').notNull(),
    rateBp: integer('rate_bp').notNull(),
    taxableCents: integer('taxable_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.taxRateId] })],
);
