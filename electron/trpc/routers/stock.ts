import { z } from 'zod';
import { createStockReceiptInput, listStockMovementsQuery, listStockReceiptsQuery, lowStockQuery } from '../../../shared/schemas/stock';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

/** The twins of the stock ledger's REST routes; the rules live in electron/core/stock. */
export const stockRouter = router({
  movements: authedProcedure
    .input(byId.extend(listStockMovementsQuery.shape))
    .query(({ ctx, input }) => ctx.services.stockHistory.movements(ctx.actor, input.id, input)),
  lowStock: authedProcedure.input(lowStockQuery).query(({ ctx, input }) => ctx.services.lowStock.list(ctx.actor, input)),
  receive: authedProcedure.input(createStockReceiptInput).mutation(({ ctx, input }) => ctx.services.stockReceipts.create(ctx.actor, input)),
  receipts: authedProcedure.input(listStockReceiptsQuery).query(({ ctx, input }) => ctx.services.stockReceipts.list(ctx.actor, input)),
  receipt: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.stockReceipts.get(ctx.actor, input.id)),
});
