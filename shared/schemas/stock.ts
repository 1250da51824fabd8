import { z } from 'zod';
import { isoTimestamp, optionalText, pageQueryShape } from './common';
import { productSchema } from './catalog';

/** As db/schema/stock.ts (the renderer cannot import the database schema). */
const STOCK_REASONS = ['initial', 'sale', 'cancel', 'refund', 'adjustment', 'import', 'receiving'] as const;
const STOCK_REF_TYPES = ['product', 'order', 'refund', 'adjustment', 'import', 'stock_receipt'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

/** One row of the stock ledger (API-SELLING.md, Stock ledger). */
export const stockMovementSchema = z
  .object({
    id: z.number().int(),
    product_id: z.number().int(),
    delta: z.number().int(),
    reason: z.enum(STOCK_REASONS),
    ref_type: z.enum(STOCK_REF_TYPES),
    ref_id: z.number().int().nullable().meta({ description: 'The order, refund, receipt…; an adjustment is its own reference.' }),
    note: z.string().nullable(),
    user_id: z.number().int().nullable(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'StockMovement' });
export type StockMovementDto = z.infer<typeof stockMovementSchema>;

export const listStockMovementsQuery = z.strictObject({ ...pageQueryShape });
export type ListStockMovementsQuery = z.infer<typeof listStockMovementsQuery>;

const receiptItemInput = z.strictObject({
  product_id: z.number().int().positive(),
  amount: z.number().int('Amounts are whole units.').min(1, 'At least one unit.').max(10_000_000),
  unit_cost_cents: z.number().int('Money is in whole cents.').min(0).max(100_000_000).nullable().optional(),
});

export const createStockReceiptInput = z.strictObject({
  supplier: optionalText(200),
  note: optionalText(500),
  items: z.array(receiptItemInput).min(1, 'Add at least one item.').max(500),
});
export type CreateStockReceiptInput = z.infer<typeof createStockReceiptInput>;

export const stockReceiptItemSchema = z
  .object({
    product_id: z.number().int(),
    amount: z.number().int(),
    unit_cost_cents: z.number().int().nullable(),
  })
  .meta({ id: 'StockReceiptItem' });

export const stockReceiptSchema = z
  .object({
    id: z.number().int(),
    supplier: z.string().nullable(),
    note: z.string().nullable(),
    items: z.array(stockReceiptItemSchema),
    created_by: z.number().int(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'StockReceipt' });
export type StockReceiptDto = z.infer<typeof stockReceiptSchema>;

export const listStockReceiptsQuery = z.strictObject({ ...pageQueryShape });
export type ListStockReceiptsQuery = z.infer<typeof listStockReceiptsQuery>;

/** The reorder list: most short first; not paged (a shop reorders a screenful at a time). */
export const lowStockQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type LowStockQuery = z.infer<typeof lowStockQuery>;

export const lowStockItemSchema = productSchema
  .extend({ shortfall: z.number().int().meta({ description: '`reorder_level − stock`, ≥ 0.' }) })
  .meta({ id: 'LowStockProduct' });
export type LowStockItemDto = z.infer<typeof lowStockItemSchema>;
