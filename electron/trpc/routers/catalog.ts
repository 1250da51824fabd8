import { z } from 'zod';
import { adjustStockInput, createProductInput, listProductsQuery, updateProductInput } from '../../../shared/schemas/catalog';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

export const catalogRouter = router({
  list: authedProcedure.input(listProductsQuery).query(({ ctx, input }) => ctx.services.catalog.list(ctx.actor, input)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.catalog.get(ctx.actor, input.id)),
  create: authedProcedure.input(createProductInput).mutation(({ ctx, input }) => ctx.services.catalog.create(ctx.actor, input)),
  update: authedProcedure
    .input(byId.extend({ changes: updateProductInput }))
    .mutation(({ ctx, input }) => ctx.services.catalog.update(ctx.actor, input.id, input.changes)),
  remove: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.catalog.remove(ctx.actor, input.id)),
  adjustStock: authedProcedure
    .input(byId.extend(adjustStockInput.shape))
    // The stock dialog shows the product's new stock; REST answers with the movement.
    .mutation(({ ctx, input }) => ctx.services.catalog.adjustStock(ctx.actor, input.id, input.delta, input.reason).product),
  /** One chunk of a CSV import (the page sends chunks and shows progress). */
  importRows: authedProcedure
    .input(z.strictObject({ rows: z.array(z.strictObject({ line: z.number().int().positive(), product: z.unknown() })).max(500) }))
    .mutation(({ ctx, input }) => ctx.services.catalog.importRows(ctx.actor, input.rows)),
  exportAll: authedProcedure.query(({ ctx }) => ctx.services.catalog.exportAll(ctx.actor)),
});
