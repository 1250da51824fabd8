import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The five fixed roles with their password policy (docs/contract/API.md, Roles and password policy). */
export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  minimumCharacters: integer('minimum_characters').notNull(),
  containUpperCase: integer('contain_upper_case', { mode: 'boolean' }).notNull(),
  containLowerCase: integer('contain_lower_case', { mode: 'boolean' }).notNull(),
  containSpecialCase: integer('contain_special_case', { mode: 'boolean' }).notNull(),
  containNumber: integer('contain_number', { mode: 'boolean' }).notNull(),
  passwordExpiration: integer('password_expiration').notNull().default(0),
  maxFailedAttempts: integer('max_failed_attempts').notNull().default(5),
  /** The largest discount share of a sale the role may give without a manager's approval. */
  maxDiscountPercent: integer('max_discount_percent').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

export type RoleRow = typeof roles.$inferSelect;
