import { z } from 'zod';
import { adjustStockInput, createProductInput, importProductRow, listProductsQuery, updateProductInput } from '../../../shared/schemas/catalog';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

export const catalogRouter = router({
  list: authedProcedure.input(listProductsQuery).query(({ ctx, input }) => ctx.services.catalog.list(ctx.actor, input)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.catalog.get(ctx.actor, input.id)),
  create: authedProcedure.input(createProductInput).mutation(({ ctx, input }) => ctx.services.catalog.create(ctx.actor, input)),
  update: authedProcedure.input(byId.extend({ changes: updateProductInput })).mutation(({ ctx, input }) => ctx.services.catalog.update(ctx.actor, input.id, input.changes)),
  remove: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.catalog.remove(ctx.actor, input.id)),
  adjustStock: authedProcedure
    .input(byId.extend(adjustStockInput.shape))
    .mutation(({ ctx, input }) => ctx.services.catalog.adjustStock(ctx.actor, input.id, input.delta, input.reason)),
  /** One chunk of a CSV import (the page sends chunks and shows progress). */
  importRows: authedProcedure
    .input(z.strictObject({ rows: z.array(z.strictObject({ line: z.number().int().positive(), product: z.unknown() })).max(500) }))
    .mutation(({ ctx, input }) => {
      // Each row is validated on its own, so one bad row is reported without losing the others.
      const results: ReturnType<typeof ctx.services.catalog.importRows> = [];
      const valid: { line: number; product: z.infer<typeof importProductRow> }[] = [];
      for (const row of input.rows) {
        const parsed = importProductRow.safeParse(row.product);
        if (parsed.success) valid.push({ line: row.line, product: parsed.data });
        else results.push({ line: row.line, ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ') });
      }
      return [...results, ...ctx.services.catalog.importRows(ctx.actor, valid)].sort((a, b) => a.line - b.line);
    }),
  exportAll: authedProcedure.query(({ ctx }) => ctx.services.catalog.exportAll(ctx.actor)),
});
