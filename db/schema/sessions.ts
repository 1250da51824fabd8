import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * A refresh-token family is one sign-in: every rotation stays in the family, and reusing a
 * rotated token revokes the whole family. Access tokens carry the family id (`sid`), so a
 * revoked family also stops its access tokens at once.
 */
export const refreshFamilies = sqliteTable(
  'refresh_families',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('refresh_families_user_id_idx').on(t.userId)],
);

export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    jti: text('jti').primaryKey(),
    familyId: text('family_id')
      .notNull()
      .references(() => refreshFamilies.id),
    issuedAt: integer('issued_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    rotatedAt: integer('rotated_at'),
  },
  (t) => [index('refresh_tokens_family_id_idx').on(t.familyId)],
);

/** Access-token ids revoked before their expiry (logout, used change tokens). */
export const revokedAccessTokens = sqliteTable(
  'revoked_access_tokens',
  {
    jti: text('jti').primaryKey(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('revoked_access_tokens_expires_at_idx').on(t.expiresAt)],
);
