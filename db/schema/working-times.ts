import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** A worker's shift on one shop date; `end_time` before `start_time` is an overnight shift. */
export const workingTimes = sqliteTable(
  'working_times',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('working_times_user_date_unique').on(t.userId, t.date), index('working_times_date_idx').on(t.date)],
);
