import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { registers } from './till';
import { users } from './users';

/**
 * A drawer's day on one register: opened with a float, closed by counting. `expected` is frozen
 * at the close, so a closed session and its Z report never change. One open session per
 * register, enforced by the partial unique index (two tills racing cannot both open one).
 */
export const cashSessions = sqliteTable(
  'cash_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: integer('opened_at').notNull(),
    openingFloatCents: integer('opening_float_cents').notNull(),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: integer('closed_at'),
    countedCashCents: integer('counted_cash_cents'),
    expectedCashCents: integer('expected_cash_cents'),
    varianceCents: integer('variance_cents'),
    note: text('note'),
    /** The manager whose PIN approved a close beyond `variance_approval_cents`. */
    closeApprovedBy: integer('close_approved_by').references(() => users.id),
    /**
     * The Z report as it stood at the close (JSON), answered ever after: names and anything else
     * read from other tables may change later, the shop's printed Z report may not.
     */
    zReport: text('z_report'),
  },
  (t) => [
    uniqueIndex('cash_sessions_one_open_per_register')
      .on(t.registerId)
      .where(sql`${t.status} = 'open'`),
    index('cash_sessions_register_id_idx').on(t.registerId, t.id),
    index('cash_sessions_opened_by_idx').on(t.openedBy, t.id),
    index('cash_sessions_opened_at_idx').on(t.openedAt),
  ],
);

export type CashSessionRow = typeof cashSessions.$inferSelect;

/** Cash into or out of a drawer without a sale: a float top-up, a safe drop, a paid-out. */
export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cashSessionId: integer('cash_session_id')
      .notNull()
      .references(() => cashSessions.id),
    type: text('type', { enum: ['in', 'out'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('cash_movements_session_idx').on(t.cashSessionId, t.id)],
);
