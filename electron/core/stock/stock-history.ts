import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products, stockMovements } from '../../../db/schema';
import type { ListStockMovementsQuery, StockMovementDto } from '../../../shared/schemas/stock';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { toStockMovementDto } from './stock-movement-dto';

/** Above every id: the first page starts here. */
const FROM_THE_TOP = Number.MAX_SAFE_INTEGER;

/**
 * A product's stock ledger, newest first, in keyset pages on the (product_id, id) index: a page
 * costs the same at the millionth movement as at the first.
 */
export function createStockHistory(db: Db) {
  const productExists = db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  const pageOfMovements = db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.productId, sql.placeholder('productId')), lt(stockMovements.id, sql.placeholder('before'))))
    .orderBy(desc(stockMovements.id))
    .limit(sql.placeholder('limit'))
    .prepare();

  return {
    movements(actor: Actor, productId: number, query: ListStockMovementsQuery): { items: StockMovementDto[]; nextCursor: string | null } {
      requirePermission(actor, 'stock.read');
      if (!productExists.get({ id: productId })) throw notFound('Product');
      const before = decodeCursor(query.cursor) ?? FROM_THE_TOP;
      const rows = pageOfMovements.all({ productId, before, limit: query.limit + 1 });
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
      return { items: page.map(toStockMovementDto), nextCursor };
    },
  };
}

export type StockHistory = ReturnType<typeof createStockHistory>;
