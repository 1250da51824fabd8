import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { users } from '../../../db/schema';
import type { FieldErrors } from '../../../shared/errors';
import { DomainError } from '../errors';

interface Candidate {
  username?: string;
  email?: string | null;
  phone?: string | null;
}

/**
 * Usernames are unique forever (deleted accounts keep theirs). Email and phone are unique too,
 * because a password reset names the account by one of them.
 */
export function assertUnique(db: DbOrTx, candidate: Candidate, exceptUserId?: number): void {
  const fields: FieldErrors = {};
  const others = exceptUserId === undefined ? undefined : ne(users.id, exceptUserId);
  if (candidate.username !== undefined) {
    const taken = db
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.username}) = lower(${candidate.username})`, others))
      .get();
    if (taken) fields.username = ['A user with that username already exists.'];
  }
  if (candidate.email) {
    const taken = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, candidate.email), others))
      .get();
    if (taken) fields.email = ['A user with that email already exists.'];
  }
  if (candidate.phone) {
    const taken = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.phone, candidate.phone), others))
      .get();
    if (taken) fields.phone = ['A user with that phone number already exists.'];
  }
  if (Object.keys(fields).length > 0) {
    throw new DomainError('validation_failed', Object.values(fields)[0]?.[0] ?? 'Already exists.', { fields });
  }
}
