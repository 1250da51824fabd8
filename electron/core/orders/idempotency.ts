import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { idempotencyKeys } from '../../../db/schema';
import { invalidField } from '../errors';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/**
 * The first answer given to (user, key), if any. The same key with a different request is a
 * client bug, refused rather than silently answered with another order.
 */
export function findReplay(db: DbOrTx, userId: number, key: string, fingerprint: string): StoredResponse | undefined {
  const stored = db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .get();
  if (!stored) return undefined;
  if (stored.requestHash !== fingerprint) {
    throw invalidField('Idempotency-Key', 'This Idempotency-Key was already used for a different request.');
  }
  return { status: stored.statusCode, body: JSON.parse(stored.responseBody) as unknown };
}

export function rememberResponse(
  db: DbOrTx,
  userId: number,
  key: string,
  fingerprint: string,
  response: StoredResponse,
  now: number,
): void {
  db.insert(idempotencyKeys)
    .values({
      userId,
      key,
      requestHash: fingerprint,
      statusCode: response.status,
      responseBody: JSON.stringify(response.body),
      createdAt: now,
    })
    .run();
}

/** How long a key is remembered: a retry comes within seconds or minutes, never a day later. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000;

/** Deletes the keys older than their lifetime; returns how many. */
export function purgeIdempotencyKeys(db: DbOrTx, now: number): number {
  return db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_KEY_LIFETIME_MS))
    .run().changes;
}
