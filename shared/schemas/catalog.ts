import { z } from 'zod';
import { pageQueryShape } from './common';

export const productSchema = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    barcode: z.string().nullable(),
    name: z.string(),
    price_cents: z.number().int(),
    stock: z.number().int(),
    is_active: z.boolean(),
    tax_rate_id: z.number().int().nullable().meta({ description: 'The product’s tax rate; null: not taxed.' }),
    reorder_level: z.number().int().meta({ description: 'At or below this stock the product is due for reordering; 0: never.' }),
  })
  .meta({ id: 'Product' });
export type ProductDto = z.infer<typeof productSchema>;

const skuSchema = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(64)
  .regex(/^[\w.\-/]+$/u, 'Letters, digits and . - _ / only.');
const barcodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z\-.]+$/, 'Letters, digits, - and . only.');
const priceSchema = z.number().int('Money is in whole cents.').min(0).max(100_000_000);
const stockSchema = z.number().int('Stock is a whole number.').min(0).max(10_000_000);
const reorderLevelSchema = z.number().int('A whole number of units.').min(0).max(10_000_000);
/** An active rate (400 `fields.tax_rate_id` otherwise), or null: not taxed. */
const taxRateIdSchema = z.number().int().positive().nullable();

export const createProductInput = z.strictObject({
  sku: skuSchema,
  barcode: barcodeSchema.nullable().optional(),
  name: z.string().trim().min(1, 'This field may not be blank.').max(200),
  price_cents: priceSchema,
  stock: stockSchema.default(0),
  is_active: z.boolean().default(true),
  tax_rate_id: taxRateIdSchema.default(null),
  reorder_level: reorderLevelSchema.default(0),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

/** A CSV row: what it does not give keeps its stored value (or the default for a new product). */
export const importProductRow = z.strictObject({
  sku: skuSchema,
  // An empty CSV cell means "no barcode".
  barcode: z
    .union([z.literal('').transform(() => null), barcodeSchema])
    .nullable()
    .optional(),
  name: z.string().trim().min(1, 'This field may not be blank.').max(200),
  price_cents: priceSchema,
  stock: stockSchema.optional(),
  is_active: z.boolean().optional(),
  reorder_level: reorderLevelSchema.optional(),
});
export type ImportProductRow = z.infer<typeof importProductRow>;

export const updateProductInput = z.strictObject({
  sku: skuSchema.optional(),
  barcode: barcodeSchema.nullable().optional(),
  name: z.string().trim().min(1, 'This field may not be blank.').max(200).optional(),
  price_cents: priceSchema.optional(),
  is_active: z.boolean().optional(),
  tax_rate_id: taxRateIdSchema.optional(),
  reorder_level: reorderLevelSchema.optional(),
  /** An absolute count (a stocktake): recorded as an adjustment of the difference, "set by PATCH". */
  stock: stockSchema.optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const adjustStockInput = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-10_000_000)
    .max(10_000_000)
    .refine((d) => d !== 0, 'The change may not be zero.'),
  reason: z.string().trim().min(3, 'Say why, in a few words.').max(200),
});

export const listProductsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  barcode: z.string().trim().max(64).optional(),
  include_inactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQueryShape,
});
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
