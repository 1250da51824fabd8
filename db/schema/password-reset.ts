import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** One live reset PIN per account: a new request replaces the old one. Only hashes are kept. */
export const resetPins = sqliteTable('reset_pins', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  channel: text('channel', { enum: ['email', 'phone'] }).notNull(),
  pinHash: text('pin_hash').notNull(),
  expiresAt: integer('expires_at').notNull(),
  attemptsLeft: integer('attempts_left').notNull(),
  resetTokenHash: text('reset_token_hash'),
  resetTokenExpiresAt: integer('reset_token_expires_at'),
  createdAt: integer('created_at').notNull(),
});

/**
 * Wrong reset PINs per account across re-issued PINs: a new request resets a PIN's own tries,
 * never this budget. Persisted so a restart does not hand a guesser a fresh allowance.
 */
export const resetGuards = sqliteTable('reset_guards', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  wrongPins: integer('wrong_pins').notNull().default(0),
  windowStartedAt: integer('window_started_at').notNull(),
  blockedUntil: integer('blocked_until'),
});
