import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Receipt printers. A deleted printer is hidden (`deleted_at`), never removed: its jobs keep pointing at it. */
export const printers = sqliteTable('printers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['network', 'system', 'browser'] }).notNull(),
  /** `host:port` of a network printer (port 9100 when left out), the system printer's name. */
  address: text('address'),
  width: integer('width').notNull().default(48),
  autoPrint: integer('auto_print', { mode: 'boolean' }).notNull().default(false),
  openDrawerOnCash: integer('open_drawer_on_cash', { mode: 'boolean' }).notNull().default(false),
  cut: integer('cut', { mode: 'boolean' }).notNull().default(true),
  deletedAt: integer('deleted_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * The print queue: a sale never waits for paper. The document is rendered when the job is
 * queued (`payload`), so a retry prints the same receipt whatever changed since.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    printerId: integer('printer_id')
      .notNull()
      .references(() => printers.id),
    /** What is printed: a sale (`order`), a refund, an X or Z report (`cash_session`), or a test page (no ref). */
    refType: text('ref_type', { enum: ['order', 'refund', 'cash_session', 'test'] }).notNull(),
    refId: integer('ref_id'),
    /** The bytes sent to the printer, base64. */
    payload: text('payload').notNull(),
    status: text('status', { enum: ['queued', 'printed', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    printedAt: integer('printed_at'),
  },
  (t) => [index('print_jobs_status_idx').on(t.status, t.nextAttemptAt), index('print_jobs_printer_id_idx').on(t.printerId, t.id)],
);
