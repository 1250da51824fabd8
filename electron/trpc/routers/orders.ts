import { z } from 'zod';
import {
  completeOrderInput,
  createOrderInput,
  exportSalesQuery,
  idempotencyKeySchema,
  listOrdersQuery,
  orderSchema,
} from '../../../shared/schemas/orders';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

export const ordersRouter = router({
  /** The checkout sends an idempotency key per sale, so a retried click never sells twice. */
  create: authedProcedure
    .input(createOrderInput.extend({ idempotency_key: idempotencyKeySchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { idempotency_key, ...order } = input;
      return orderSchema.parse(
        (await ctx.services.orders.create(ctx.actor, order, { idempotencyKey: idempotency_key, clientKey: ctx.clientKey })).body,
      );
    }),
  list: authedProcedure.input(listOrdersQuery).query(({ ctx, input }) => ctx.services.orders.list(ctx.actor, input)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.orders.get(ctx.actor, input.id)),
  complete: authedProcedure.input(byId.extend(completeOrderInput.shape)).mutation(({ ctx, input }) => {
    const { id, ...tenders } = input;
    return ctx.services.orders.complete(ctx.actor, id, tenders);
  }),
  cancel: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.orders.cancel(ctx.actor, input.id)),
  /** The accountant's sales lines, as `GET /orders/export.csv` gives them. */
  exportCsv: authedProcedure.input(exportSalesQuery).query(({ ctx, input }) => ({ csv: ctx.services.orders.exportCsv(ctx.actor, input) })),
  stats: authedProcedure.query(({ ctx }) => ctx.services.salesStats.summary(ctx.actor)),
});
