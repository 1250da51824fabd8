import { z } from 'zod';
import { isoTimestamp, pageQueryShape } from './common';
import { shopDateSchema } from './shifts';

export const ORDER_STATUSES = ['open', 'completed', 'cancelled'] as const;

export const orderItemSchema = z.object({
  product_id: z.number().int(),
  name: z.string(),
  amount: z.number().int(),
  unit_price_cents: z.number().int(),
  line_total_cents: z.number().int(),
});

export const orderSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    user: z
      .object({ id: z.number().int(), username: z.string(), first_name: z.string(), last_name: z.string() })
      .nullable()
      .meta({ description: 'Who placed the order (an addition to docs/contract/API.md, for display).' }),
    status: z.enum(ORDER_STATUSES),
    items: z.array(orderItemSchema),
    total_cents: z.number().int(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    created_at: isoTimestamp,
    completed_at: isoTimestamp.nullable(),
  })
  .meta({ id: 'Order' });
export type OrderDto = z.infer<typeof orderSchema>;

export const createOrderInput = z.strictObject({
  items: z
    .array(z.strictObject({ product_id: z.number().int().positive(), amount: z.number().int().min(1).max(10_000) }))
    .min(1, 'An order needs at least one item.')
    .max(200),
  address: z.string().trim().max(300).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  complete: z.boolean().optional(),
});
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const listOrdersQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  user_id: z.coerce.number().int().positive().optional(),
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
  ...pageQueryShape,
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const idempotencyKeySchema = z.string().min(1).max(200);
