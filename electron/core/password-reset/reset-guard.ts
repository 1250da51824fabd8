import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { resetGuards } from '../../../db/schema';

export interface ResetGuardOptions {
  /** Wrong PINs one account may take, across every PIN issued to it, within the window. */
  wrongPins: number;
  windowSeconds: number;
  /** How long resets of the account are refused once the budget is spent. */
  blockSeconds: number;
}

/** 15 wrong PINs in 24 hours, then no resets of that account for 24 hours. */
export const DEFAULT_RESET_GUARD: ResetGuardOptions = { wrongPins: 15, windowSeconds: 86_400, blockSeconds: 86_400 };

export function resetBlockedUntil(db: DbOrTx, userId: number, now: number): number | null {
  const row = db.select({ blockedUntil: resetGuards.blockedUntil }).from(resetGuards).where(eq(resetGuards.userId, userId)).get();
  const until = row?.blockedUntil ?? null;
  return until !== null && until > now ? until : null;
}

/**
 * Counts one wrong PIN against the account's budget (in the caller's transaction). Returns the
 * count and, when this very PIN spent the budget, the end of the block (else null). A block
 * starts a fresh window, so the next allowance begins only after it.
 */
export function recordWrongPin(
  tx: DbOrTx,
  userId: number,
  options: ResetGuardOptions,
  now: number,
): { wrongPins: number; blockedUntil: number | null } {
  const row = tx.select().from(resetGuards).where(eq(resetGuards.userId, userId)).get();
  const inWindow = row !== undefined && now - row.windowStartedAt < options.windowSeconds * 1000;
  const wrongPins = inWindow ? row.wrongPins + 1 : 1;
  const blocks = wrongPins >= options.wrongPins;
  const values = blocks
    ? { wrongPins: 0, windowStartedAt: now, blockedUntil: now + options.blockSeconds * 1000 }
    : { wrongPins, windowStartedAt: inWindow ? row.windowStartedAt : now, blockedUntil: row?.blockedUntil ?? null };
  tx.insert(resetGuards)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: resetGuards.userId, set: values })
    .run();
  return { wrongPins, blockedUntil: blocks ? values.blockedUntil : null };
}
