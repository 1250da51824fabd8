import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { users } from './users';

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
  },
  (t) => [
    index('orders_user_id_idx').on(t.userId, t.id),
    index('orders_status_id_idx').on(t.status, t.id),
    index('orders_created_at_idx').on(t.createdAt),
  ],
);

/** Lines keep the name and price at the time of sale. */
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
    lineTotalCents: integer('line_total_cents').notNull(),
  },
  (t) => [index('order_items_order_id_idx').on(t.orderId), index('order_items_product_id_idx').on(t.productId)],
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
