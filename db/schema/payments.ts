import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cashSessions } from './cash';
import { orders } from './orders';
import { refunds } from './refunds';
import { PAYMENT_METHODS } from '../../shared/schemas/orders';

/**
 * Tenders: money taken for a sale (`order_id`) or paid back for a refund (`refund_id`), exactly
 * one of the two. `change_cents = tendered − amount` (0 unless cash). The cash session is the
 * drawer it went through; null only for sales from before the till (migration 0002).
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').references(() => orders.id),
    refundId: integer('refund_id').references(() => refunds.id),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    tenderedCents: integer('tendered_cents').notNull(),
    changeCents: integer('change_cents').notNull().default(0),
    reference: text('reference'),
    cashSessionId: integer('cash_session_id').references(() => cashSessions.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('payments_order_or_refund', sql`(${t.orderId} is null) <> (${t.refundId} is null)`),
    index('payments_order_id_idx').on(t.orderId),
    index('payments_refund_id_idx').on(t.refundId),
    index('payments_cash_session_idx').on(t.cashSessionId, t.method),
  ],
);
