import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { taxRates } from './tax';

/**
 * Products; money in integer cents. A deleted product is deactivated, never removed. `stock` is
 * the sum of the product's stock movements (db/schema/stock.ts), always.
 */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    name: text('name').notNull(),
    priceCents: integer('price_cents').notNull(),
    stock: integer('stock').notNull().default(0),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    /** Null: not taxed. A rate deactivated later stays on the product and still taxes its sales. */
    taxRateId: integer('tax_rate_id').references(() => taxRates.id),
    /** At or below this stock the product is due for reordering (0: never flagged). */
    reorderLevel: integer('reorder_level').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('products_sku_unique').on(t.sku),
    uniqueIndex('products_barcode_unique')
      .on(t.barcode)
      .where(sql`${t.barcode} is not null`),
    index('products_active_id_idx').on(t.isActive, t.id),
    index('products_name_idx').on(t.name),
  ],
);
