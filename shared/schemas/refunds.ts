import { z } from 'zod';
import { isoTimestamp } from './common';
import { orderTaxSchema, paymentInput, paymentSchema } from './orders';
import { approvalInput } from './pins';

/** API-SELLING.md, "Refunds": the sold lines given back, how the money goes back, and why. */
const refundLineInput = z.strictObject({
  order_item_id: z.number().int().positive(),
  amount: z.number().int('Amounts are whole units.').min(1, 'At least one unit.').max(10_000),
  restock: z.boolean().meta({ description: 'true: back on the shelf; false: damaged (no stock change).' }),
});

export const createRefundInput = z
  .strictObject({
    items: z.array(refundLineInput).min(1, 'A refund needs at least one line.').max(200),
    payments: z
      .array(paymentInput)
      .max(20)
      .meta({ description: 'What is paid back; they add up to the refund’s due (after cash rounding). Empty only for a refund of 0.' }),
    reason: z.string().trim().min(1, 'Say why the sale is refunded.').max(200),
    register_id: z.number().int().positive().optional(),
    /** A manager's consent: cashiers and attendants refund only with it. */
    approval: approvalInput.optional(),
  })
  .superRefine((refund, ctx) => {
    const seen = new Set<number>();
    refund.items.forEach((item, index) => {
      if (seen.has(item.order_item_id))
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'order_item_id'],
          message: 'A sold line appears once per refund; refund restocked and damaged units of one line in two refunds.',
        });
      seen.add(item.order_item_id);
    });
  });
export type CreateRefundInput = z.infer<typeof createRefundInput>;

export const refundItemSchema = z.object({
  order_item_id: z.number().int(),
  product_id: z.number().int(),
  name: z.string(),
  amount: z.number().int(),
  restock: z.boolean(),
  net_line_cents: z.number().int().meta({ description: 'The part of the sold line’s net_line_cents given back.' }),
  tax_cents: z.number().int().meta({ description: 'The line’s part of its rate’s tax in this refund.' }),
});

export const refundSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int(),
    receipt_no: z.number().int().meta({ description: 'From the shop’s one gap-free sequence, shared with sales.' }),
    items: z.array(refundItemSchema),
    total_cents: z.number().int().meta({ description: 'Before cash rounding; the payments add up to total + rounding.' }),
    tax_cents: z.number().int(),
    taxes: z.array(orderTaxSchema),
    rounding_cents: z.number().int(),
    payments: z.array(paymentSchema),
    reason: z.string(),
    created_by: z.number().int(),
    created_at: isoTimestamp,
    register_id: z.number().int().meta({ description: 'The register whose drawer paid back (an addition to the contract).' }),
    cash_session_id: z.number().int().nullable().meta({ description: 'The open session of that register when the refund was made.' }),
    approved_by: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The manager whose PIN approved a cashier’s or attendant’s refund (an addition to the contract).' }),
  })
  .meta({ id: 'Refund' });
export type RefundDto = z.infer<typeof refundSchema>;
