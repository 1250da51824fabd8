import { desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products, stockReceiptItems, stockReceipts } from '../../../db/schema';
import type { CreateStockReceiptInput, ListStockReceiptsQuery, StockReceiptDto } from '../../../shared/schemas/stock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { recordStockMovement } from '../catalog/stock-movements';
import { DomainError, invalidField } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';

type ReceiptRow = typeof stockReceipts.$inferSelect;
type ItemRow = typeof stockReceiptItems.$inferSelect;

const receiptNotFound = () => new DomainError('not_found', 'No StockReceipt matches the given query.');

function toReceiptDto(receipt: ReceiptRow, items: ItemRow[]): StockReceiptDto {
  return {
    id: receipt.id,
    supplier: receipt.supplier,
    note: receipt.note,
    items: items.map((i) => ({ product_id: i.productId, amount: i.amount, unit_cost_cents: i.unitCostCents })),
    created_by: receipt.createdBy,
    created_at: new Date(receipt.createdAt).toISOString(),
  };
}

/** One product per line: a second line of the same product is refused, not guessed at. */
function assertOneLinePerProduct(input: CreateStockReceiptInput): void {
  const seen = new Set<number>();
  for (const item of input.items) {
    if (seen.has(item.product_id))
      throw invalidField('items', `Product ${item.product_id} is on the receipt twice; put its whole amount on one line.`);
    seen.add(item.product_id);
  }
}

/**
 * Goods received (API-SELLING.md, Stock ledger): one receipt moves the stock of every line and
 * writes one `receiving` movement each, all in one synchronous transaction, or nothing at all.
 */
export function createStockReceiptsService(db: Db) {
  const sellable = db
    .select({ id: products.id, isActive: products.isActive })
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  const addStock = db
    .update(products)
    .set({ stock: sql`${products.stock} + ${sql.placeholder('amount')}`, updatedAt: sql`${sql.placeholder('now')}` })
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();

  function itemsOf(receiptIds: number[]): Map<number, ItemRow[]> {
    const byReceipt = new Map<number, ItemRow[]>();
    if (receiptIds.length === 0) return byReceipt;
    const rows = db
      .select()
      .from(stockReceiptItems)
      .where(inArray(stockReceiptItems.stockReceiptId, receiptIds))
      .orderBy(stockReceiptItems.id)
      .all();
    for (const row of rows) byReceipt.set(row.stockReceiptId, [...(byReceipt.get(row.stockReceiptId) ?? []), row]);
    return byReceipt;
  }

  return {
    create(actor: Actor, input: CreateStockReceiptInput, now = Date.now()): StockReceiptDto {
      requirePermission(actor, 'stock.receive');
      assertOneLinePerProduct(input);
      return db.transaction((tx) => {
        // The same shape as an order's unknown products (docs/api.md, Stock ledger).
        const missing = input.items
          .filter((item) => !sellable.get({ id: item.product_id })?.isActive)
          .map((item) => ({ product_id: item.product_id, error: 'product_not_found' as const, requested: item.amount }));
        if (missing.length > 0)
          throw new DomainError('product_not_found', 'Some products do not exist or are no longer sold.', { details: missing });
        const receipt = tx
          .insert(stockReceipts)
          .values({ supplier: input.supplier ?? null, note: input.note ?? null, createdBy: actor.user.id, createdAt: now })
          .returning()
          .get();
        const items = tx
          .insert(stockReceiptItems)
          .values(
            input.items.map((item) => ({
              stockReceiptId: receipt.id,
              productId: item.product_id,
              amount: item.amount,
              unitCostCents: item.unit_cost_cents ?? null,
            })),
          )
          .returning()
          .all();
        for (const item of input.items) {
          addStock.run({ id: item.product_id, amount: item.amount, now });
          recordStockMovement(tx, {
            productId: item.product_id,
            delta: item.amount,
            reason: 'receiving',
            refType: 'stock_receipt',
            refId: receipt.id,
            note: receipt.supplier,
            userId: actor.user.id,
            createdAt: now,
          });
        }
        const dto = toReceiptDto(receipt, items);
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'stock_receipt.created',
          targetType: 'stock_receipt',
          targetId: receipt.id,
          after: { supplier: dto.supplier, lines: items.length, units: items.reduce((sum, i) => sum + i.amount, 0) },
          now,
        });
        return dto;
      });
    },

    list(actor: Actor, query: ListStockReceiptsQuery): { items: StockReceiptDto[]; nextCursor: string | null } {
      requirePermission(actor, 'stock.read');
      const before = decodeCursor(query.cursor);
      const rows = db
        .select()
        .from(stockReceipts)
        .where(before === null ? undefined : lt(stockReceipts.id, before))
        .orderBy(desc(stockReceipts.id))
        .limit(query.limit + 1)
        .all();
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
      const items = itemsOf(page.map((r) => r.id));
      return { items: page.map((r) => toReceiptDto(r, items.get(r.id) ?? [])), nextCursor };
    },

    get(actor: Actor, id: number): StockReceiptDto {
      requirePermission(actor, 'stock.read');
      const receipt = db.select().from(stockReceipts).where(eq(stockReceipts.id, id)).get();
      if (!receipt) throw receiptNotFound();
      return toReceiptDto(receipt, itemsOf([id]).get(id) ?? []);
    },
  };
}

export type StockReceiptsService = ReturnType<typeof createStockReceiptsService>;
