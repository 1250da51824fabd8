import { z } from 'zod';
import { isoTimestamp } from './common';
import { PAYMENT_METHODS } from './orders';

/**
 * The receipt document (API-SELLING.md, "Receipts and printers"): built by the core from the
 * stored sale or refund — never from what a screen shows — and rendered as HTML, plain text
 * and ESC/POS from this one shape. Money is in cents, as stored; renderers only format it.
 */
export const RECEIPT_KINDS = ['sale', 'refund'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** The paper widths a thermal printer takes: 58 mm rolls print 32 columns, 80 mm rolls 48. */
export const RECEIPT_WIDTHS = [32, 48] as const;
export type ReceiptWidth = (typeof RECEIPT_WIDTHS)[number];

export const receiptLineSchema = z.object({
  name: z.string(),
  amount: z.number().int(),
  unit_price_cents: z.number().int(),
  /** The line's own discount plus its share of the sale's; on a refund, what its units were sold below their price. */
  discount_cents: z.number().int(),
  /** What the line comes to after discounts: gross when the shop's prices include tax, net otherwise. */
  total_cents: z.number().int(),
  /** The tax table's letter for the line's rate (A, B …), null when untaxed. */
  tax_code: z.string().nullable(),
});
export type ReceiptLine = z.infer<typeof receiptLineSchema>;

export const receiptTaxSchema = z.object({
  code: z.string(),
  name: z.string(),
  rate_bp: z.number().int(),
  /** Net of tax. */
  net_cents: z.number().int(),
  tax_cents: z.number().int(),
  gross_cents: z.number().int(),
});
export type ReceiptTax = z.infer<typeof receiptTaxSchema>;

export const receiptTenderSchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  amount_cents: z.number().int(),
  tendered_cents: z.number().int(),
  change_cents: z.number().int(),
});
export type ReceiptTender = z.infer<typeof receiptTenderSchema>;

export const receiptDocumentSchema = z
  .object({
    kind: z.enum(RECEIPT_KINDS),
    receipt_no: z.number().int(),
    /** On a refund: the sale's receipt number ("Refund of receipt N"). */
    refund_of_receipt_no: z.number().int().nullable(),
    shop: z.object({ name: z.string(), address: z.string(), tax_id: z.string() }),
    currency: z.string(),
    issued_at: isoTimestamp,
    /** `issued_at` on the shop's clock, `YYYY-MM-DD HH:mm`, and the zone it is in. */
    local_time: z.string(),
    time_zone: z.string(),
    cashier: z.string().nullable(),
    register: z.string().nullable(),
    /** The register's id (its printer prints the receipt by default). */
    register_id: z.number().int().nullable(),
    prices_include_tax: z.boolean(),
    lines: z.array(receiptLineSchema),
    /** Σ lines before discounts. */
    subtotal_cents: z.number().int(),
    discount_cents: z.number().int(),
    tax_cents: z.number().int(),
    /** Cash rounding: what the customer paid (or got back) beyond the total. */
    rounding_cents: z.number().int(),
    total_cents: z.number().int(),
    /** What was paid (a sale) or paid back (a refund): total + rounding. */
    due_cents: z.number().int(),
    taxes: z.array(receiptTaxSchema),
    tenders: z.array(receiptTenderSchema),
    change_cents: z.number().int(),
    /** A refund's reason; null on a sale. */
    reason: z.string().nullable(),
    footer: z.string(),
    /** What the receipt's barcode (Code 128) encodes: scanned at "Receipt no." it finds the sale. */
    barcode: z.string(),
  })
  .meta({ id: 'ReceiptDocument' });
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

export const receiptQuery = z.strictObject({
  format: z.enum(['text', 'html', 'json']).default('text'),
  width: z.coerce
    .number()
    .pipe(z.literal(RECEIPT_WIDTHS, 'A receipt is 32 (58 mm paper) or 48 (80 mm paper) columns wide.'))
    .meta({ enum: [...RECEIPT_WIDTHS], description: 'Columns: 32 (58 mm paper) or 48 (80 mm paper).' })
    .default(48),
});
export type ReceiptQuery = z.infer<typeof receiptQuery>;
