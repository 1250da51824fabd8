import { z } from 'zod';
import { setWorkingTimeInput, shopDateSchema, workingTimesRangeQuery } from '../../../shared/schemas/shifts';
import { authedProcedure, router } from '../trpc';

const userDay = z.strictObject({ userId: z.number().int().positive(), date: shopDateSchema });

export const shiftsRouter = router({
  week: authedProcedure
    .input(z.strictObject({ weekStart: shopDateSchema }))
    .query(({ ctx, input }) => ctx.services.workingTimes.week(ctx.actor, input.weekStart)),
  list: authedProcedure
    .input(workingTimesRangeQuery.extend({ userId: z.number().int().positive() }))
    .query(({ ctx, input }) => ctx.services.workingTimes.list(ctx.actor, input.userId, input)),
  set: authedProcedure
    .input(userDay.extend({ times: setWorkingTimeInput }))
    .mutation(({ ctx, input }) => ctx.services.workingTimes.set(ctx.actor, input.userId, input.date, input.times)),
  clear: authedProcedure.input(userDay).mutation(({ ctx, input }) => ctx.services.workingTimes.clear(ctx.actor, input.userId, input.date)),
  copyPreviousWeek: authedProcedure
    .input(z.strictObject({ weekStart: shopDateSchema }))
    .mutation(({ ctx, input }) => ({ copied: ctx.services.workingTimes.copyPreviousWeek(ctx.actor, input.weekStart) })),
});
