import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { receiptSequences, SHOP_RECEIPT_SERIES } from '../../../db/schema';

/**
 * The shop's gap-free receipt numbers (sales and refunds alike). `next` must run inside the
 * transaction (or savepoint) that completes the sale: the counter row's `+ 1` rolls back with
 * it, so a refused sale gives its number back, and SQLite's single writer means two tills
 * never read the same value.
 */
export function prepareReceiptNumbers(db: Db) {
  const take = db
    .insert(receiptSequences)
    .values({ series: SHOP_RECEIPT_SERIES, lastNo: 1, updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({
      target: receiptSequences.series,
      set: { lastNo: sql`${receiptSequences.lastNo} + 1`, updatedAt: sql`${sql.placeholder('now')}` },
    })
    .returning({ receiptNo: receiptSequences.lastNo })
    .prepare();
  return {
    next(now: number): number {
      const row = take.get({ now });
      if (!row) throw new Error('the receipt counter answered no row');
      return row.receiptNo;
    },
  };
}
