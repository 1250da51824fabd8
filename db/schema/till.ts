import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { printers } from './printing';

/**
 * The shop's tills. Exactly one is the default (the partial unique index keeps it at most one;
 * the service moves it, never drops it). A terminal proves it is this register with a device
 * token, of which only a hash is kept.
 */
export const registers = sqliteTable(
  'registers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    printerId: integer('printer_id').references(() => printers.id),
    deviceTokenHash: text('device_token_hash'),
    deviceTokenSetAt: integer('device_token_set_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('registers_one_default')
      .on(t.isDefault)
      .where(sql`${t.isDefault} = 1`),
    uniqueIndex('registers_device_token_hash_unique')
      .on(t.deviceTokenHash)
      .where(sql`${t.deviceTokenHash} is not null`),
  ],
);

export type RegisterRow = typeof registers.$inferSelect;

/** The name of a register created by setup and by the migration of an existing shop. */
export const DEFAULT_REGISTER_NAME = 'Main till';

/** The one series shared by every sale and refund of the shop today. */
export const SHOP_RECEIPT_SERIES = 'shop';

/**
 * Gap-free receipt numbers: one row per series, its `last_no` taken (`+ 1 … returning`) inside
 * the transaction that completes the sale or refund, so a rollback gives the number back. Today
 * there is one series, `shop`; numbers qualified by register (a chain of shops) are more rows,
 * not a new design.
 */
export const receiptSequences = sqliteTable('receipt_sequences', {
  series: text('series').primaryKey(),
  lastNo: integer('last_no').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});
