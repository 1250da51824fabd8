import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Tax rates in basis points (2000 = 20.00 %). `rate_bp` never changes once a row exists: a new
 * rate is a new row, so every sale and refund keeps pointing at the rate it was taxed with.
 */
export const taxRates = sqliteTable(
  'tax_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    rateBp: integer('rate_bp').notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('tax_rates_active_id_idx').on(t.isActive, t.id)],
);

export type TaxRateRow = typeof taxRates.$inferSelect;
