import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products } from '../../../db/schema';
import type { LowStockItemDto, LowStockQuery } from '../../../shared/schemas/stock';
import type { Actor } from '../actor';
import { toProductDto } from '../catalog/product-queries';
import { requirePermission } from '../permissions';

/**
 * What to reorder: active products at or below their reorder level (a level of 0 never
 * flags), the shortest first.
 */
export function createLowStock(db: Db) {
  const shortfall = sql<number>`${products.reorderLevel} - ${products.stock}`;
  const due = db
    .select()
    .from(products)
    .where(and(eq(products.isActive, true), gt(products.reorderLevel, 0), lte(products.stock, products.reorderLevel)))
    .orderBy(desc(shortfall), asc(products.id))
    .limit(sql.placeholder('limit'))
    .prepare();

  return {
    list(actor: Actor, query: LowStockQuery): LowStockItemDto[] {
      requirePermission(actor, 'stock.read');
      return due.all({ limit: query.limit }).map((row) => ({ ...toProductDto(row), shortfall: row.reorderLevel - row.stock }));
    },
  };
}

export type LowStock = ReturnType<typeof createLowStock>;
