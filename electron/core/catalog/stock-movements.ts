import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { stockMovements } from '../../../db/schema';

/** One row of the ledger, as written (the id is the database's). */
export type NewStockMovement = Omit<typeof stockMovements.$inferInsert, 'id'>;

/**
 * Writes one movement of the stock ledger. The caller moves `products.stock` by the same delta
 * in the same transaction: a product's stock is the sum of its movements, always.
 */
export function recordStockMovement(tx: DbOrTx, movement: NewStockMovement): number {
  return tx.insert(stockMovements).values(movement).returning({ id: stockMovements.id }).get().id;
}

/** An adjustment is its own reference (API-SELLING.md): its `ref_id` is the movement's id. */
export function recordAdjustmentMovement(tx: DbOrTx, movement: Omit<NewStockMovement, 'reason' | 'refType' | 'refId'>): number {
  const id = recordStockMovement(tx, { ...movement, reason: 'adjustment', refType: 'adjustment', refId: null });
  tx.update(stockMovements).set({ refId: id }).where(eq(stockMovements.id, id)).run();
  return id;
}

/**
 * A sale's or a cancel's movement of one order line, prepared once: the till writes one for
 * every line of every sale. Run it on the connection's open transaction.
 */
export function prepareOrderLineMovement(db: Db) {
  return db
    .insert(stockMovements)
    .values({
      productId: sql.placeholder('productId'),
      delta: sql.placeholder('delta'),
      reason: sql.placeholder('reason'),
      refType: 'order',
      refId: sql.placeholder('orderId'),
      note: null,
      userId: sql.placeholder('userId'),
      createdAt: sql.placeholder('now'),
    })
    .prepare();
}
