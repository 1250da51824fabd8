import { z } from 'zod';
import { createTaxRateInput, listTaxRatesQuery, updateTaxRateInput } from '../../../shared/schemas/tax-rates';
import { authedProcedure, router } from '../trpc';

/** The twins of `/tax-rates`; the rules live in the core. */
export const taxRatesRouter = router({
  list: authedProcedure.input(listTaxRatesQuery).query(({ ctx, input }) => ctx.services.taxRates.list(ctx.actor, input)),
  create: authedProcedure.input(createTaxRateInput).mutation(({ ctx, input }) => ctx.services.taxRates.create(ctx.actor, input)),
  update: authedProcedure
    .input(z.strictObject({ id: z.number().int().positive(), changes: updateTaxRateInput }))
    .mutation(({ ctx, input }) => ctx.services.taxRates.update(ctx.actor, input.id, input.changes)),
});
