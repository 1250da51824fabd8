import type { stockMovements } from '../../../db/schema';
import type { StockMovementDto } from '../../../shared/schemas/stock';

export type StockMovementRow = typeof stockMovements.$inferSelect;

export function toStockMovementDto(row: StockMovementRow): StockMovementDto {
  return {
    id: row.id,
    product_id: row.productId,
    delta: row.delta,
    reason: row.reason,
    ref_type: row.refType,
    ref_id: row.refId,
    note: row.note,
    user_id: row.userId,
    created_at: new Date(row.createdAt).toISOString(),
  };
}

/** A manager's adjustment as written: its own reference (API-SELLING.md, Small decisions). */
export function adjustmentMovementDto(movement: Pick<StockMovementRow, 'id' | 'productId' | 'delta' | 'note' | 'userId' | 'createdAt'>) {
  return toStockMovementDto({ ...movement, reason: 'adjustment', refType: 'adjustment', refId: movement.id });
}
