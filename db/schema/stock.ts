import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { users } from './users';

export const STOCK_REASONS = ['initial', 'sale', 'cancel', 'refund', 'adjustment', 'import', 'receiving'] as const;
export const STOCK_REF_TYPES = ['product', 'order', 'refund', 'adjustment', 'import', 'stock_receipt'] as const;

/**
 * The stock ledger: every change of `products.stock` is one row, written in the same
 * transaction, so a product's stock is the sum of its movements, always. `user_id` is null for
 * changes nobody made by hand (the migration's opening balances, an expired customer order).
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: STOCK_REASONS }).notNull(),
    refType: text('ref_type', { enum: STOCK_REF_TYPES }).notNull(),
    refId: integer('ref_id'),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // Newest-first keyset pages of one product's movements.
    index('stock_movements_product_id_idx').on(t.productId, t.id),
    index('stock_movements_ref_idx').on(t.refType, t.refId),
  ],
);

/** Goods received from a supplier: one receipt, many lines, applied all or nothing. */
export const stockReceipts = sqliteTable(
  'stock_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplier: text('supplier'),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('stock_receipts_created_at_idx').on(t.createdAt)],
);

export const stockReceiptItems = sqliteTable(
  'stock_receipt_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stockReceiptId: integer('stock_receipt_id')
      .notNull()
      .references(() => stockReceipts.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    amount: integer('amount').notNull(),
    unitCostCents: integer('unit_cost_cents'),
  },
  (t) => [index('stock_receipt_items_receipt_idx').on(t.stockReceiptId), index('stock_receipt_items_product_idx').on(t.productId)],
);
