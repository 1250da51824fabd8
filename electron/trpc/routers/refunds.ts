import { z } from 'zod';
import { idempotencyKeySchema } from '../../../shared/schemas/orders';
import { createRefundInput, refundSchema } from '../../../shared/schemas/refunds';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

/** The twins of `/orders/{id}/refunds` and `/refunds/{id}`; the rules live in the core. */
export const refundsRouter = router({
  create: authedProcedure
    .input(byId.extend({ refund: createRefundInput, idempotency_key: idempotencyKeySchema.optional() }))
    .mutation(async ({ ctx, input }) =>
      refundSchema.parse(
        (await ctx.services.refunds.create(ctx.actor, input.id, input.refund, { idempotencyKey: input.idempotency_key })).body,
      ),
    ),
  listForOrder: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.refunds.listForOrder(ctx.actor, input.id)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.refunds.get(ctx.actor, input.id)),
});
