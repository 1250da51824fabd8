import type { Db } from '../../../db/client';
import { products, workingTimes } from '../../../db/schema';
import type { RoleKey } from '../../../shared/roles';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Actor } from '../actor';
import { recordStockMovement } from '../catalog/stock-movements';
import { insertUser } from '../staff/insert-user';
import { findUserById, roleOfUser } from '../staff/user-queries';

/**
 * Writes for the demo shop only: accounts that can sign in at once (no forced change) and
 * shifts, without the permission checks that a real change goes through.
 */
export function createDemoService(db: Db, hasher: PasswordHasher) {
  return {
    async createAccount(input: {
      username: string;
      password: string;
      first_name: string;
      last_name: string;
      email: string;
      phone?: string;
      role: RoleKey;
      managerId: number | null;
    }): Promise<{ id: number }> {
      const passwordHash = await hasher.hash(input.password);
      return insertUser(db, { ...input, passwordHash }, Date.now());
    },

    /** With its opening stock as an `initial` movement that nobody made by hand. */
    addProduct(input: { sku: string; barcode: string; name: string; priceCents: number; stock: number }): number {
      const now = Date.now();
      return db.transaction((tx) => {
        const { id } = tx
          .insert(products)
          .values({ ...input, createdAt: now, updatedAt: now })
          .returning({ id: products.id })
          .get();
        if (input.stock !== 0) {
          recordStockMovement(tx, {
            productId: id,
            delta: input.stock,
            reason: 'initial',
            refType: 'product',
            refId: id,
            note: null,
            userId: null,
            createdAt: now,
          });
        }
        return id;
      });
    },

    /** Acting as a demo user without a sign-in: only for seeding their sales. */
    actorFor(userId: number): Actor | undefined {
      const user = findUserById(db, userId);
      return user ? { user, role: roleOfUser(user), sessionId: 'demo', tokenId: 'demo', tokenExpiresAt: 0 } : undefined;
    },

    setShift(input: { userId: number; date: string; start: string; end: string; createdBy: number }): void {
      const now = Date.now();
      db.insert(workingTimes)
        .values({
          userId: input.userId,
          date: input.date,
          startTime: input.start,
          endTime: input.end,
          createdAt: now,
          createdBy: input.createdBy,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .run();
    },
  };
}
