import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { roles } from './roles';

/**
 * Staff and customers. A username is unique forever, ignoring case: a deleted user is
 * deactivated and hidden (`deleted_at`), never removed. Times are epoch milliseconds.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    managerId: integer('manager_id').references((): AnySQLiteColumn => users.id),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    deletedAt: integer('deleted_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: integer('locked_at'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    passwordChangedAt: integer('password_changed_at').notNull(),
    /** The staff PIN for the quick switch and approvals, hashed like passwords; null: none set. */
    pinHash: text('pin_hash'),
    pinSetAt: integer('pin_set_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_username_lower_unique').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_unique')
      .on(t.email)
      .where(sql`${t.email} is not null`),
    uniqueIndex('users_phone_unique')
      .on(t.phone)
      .where(sql`${t.phone} is not null`),
    index('users_role_id_idx').on(t.roleId, t.id),
    index('users_manager_id_idx').on(t.managerId, t.id),
  ],
);

export type UserRow = typeof users.$inferSelect;
