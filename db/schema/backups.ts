import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export const BACKUP_REASONS = ['scheduled', 'manual', 'migration', 'restore', 'z_report'] as const;

/** Copies of the database in the data folder's backups; `file` is a bare file name, never a path. */
export const backups = sqliteTable(
  'backups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    file: text('file').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    reason: text('reason', { enum: BACKUP_REASONS }).notNull(),
    integrity: text('integrity', { enum: ['ok', 'failed'] }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('backups_file_unique').on(t.file), index('backups_created_at_idx').on(t.createdAt)],
);
