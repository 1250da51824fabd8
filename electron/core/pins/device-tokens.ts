import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registers } from '../../../db/schema';
import type { DeviceTokenResult } from '../../../shared/schemas/pins';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { notFound } from '../errors';
import { requirePermission } from '../permissions';

/**
 * A random 256-bit token needs no slow hash: SHA-256 of it cannot be reversed, and it lets the
 * register be found by an index lookup on each request.
 */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The terminals' proof that they are a register of this shop (API-SELLING.md, "Staff PINs"). */
export function createDeviceTokens(db: Db) {
  return {
    /** A new token for the register, shown once; the old one stops working at once. */
    issue(actor: Actor, registerId: number, now = Date.now()): DeviceTokenResult {
      requirePermission(actor, 'registers.manage');
      const token = randomBytes(32).toString('base64url');
      db.transaction((tx) => {
        const register = tx.select().from(registers).where(eq(registers.id, registerId)).get();
        if (!register) throw notFound('Register');
        tx.update(registers)
          .set({ deviceTokenHash: hashDeviceToken(token), deviceTokenSetAt: now, updatedAt: now })
          .where(eq(registers.id, registerId))
          .run();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'register.device_token_issued',
          targetType: 'register',
          targetId: registerId,
          after: { name: register.name, replaced: register.deviceTokenHash !== null },
          now,
        });
      });
      return { device_token: token };
    },

    /** The register a token belongs to; null for an unknown or replaced one. */
    registerOf(token: string): number | null {
      if (token === '') return null;
      const row = db
        .select({ id: registers.id })
        .from(registers)
        .where(eq(registers.deviceTokenHash, hashDeviceToken(token)))
        .get();
      return row?.id ?? null;
    },
  };
}

export type DeviceTokens = ReturnType<typeof createDeviceTokens>;
