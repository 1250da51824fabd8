import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Shop settings as JSON values by key; an environment variable wins over a stored value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Messages waiting for delivery, or kept for the Super Admin when no channel is set. */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: ['email', 'phone'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The HTML alternative of an e-mail (a receipt); null for plain-text messages. */
    html: text('html'),
    status: text('status', { enum: ['outbox', 'pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('outbox_messages_status_idx').on(t.status, t.nextAttemptAt)],
);
