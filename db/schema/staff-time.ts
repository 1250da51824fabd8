import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Clock-in and clock-out. `shop_date` is the shop date of the clock-in (an overnight shift
 * belongs to the date it starts), which is what `planned` is looked up by. One open entry per
 * user, enforced by the partial unique index.
 */
export const timeEntries = sqliteTable(
  'time_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    shopDate: text('shop_date').notNull(),
    clockIn: integer('clock_in').notNull(),
    clockOut: integer('clock_out'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('time_entries_one_open_per_user')
      .on(t.userId)
      .where(sql`${t.clockOut} is null`),
    index('time_entries_user_id_idx').on(t.userId, t.clockIn),
    index('time_entries_clock_in_idx').on(t.clockIn),
  ],
);
