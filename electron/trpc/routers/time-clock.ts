import { z } from 'zod';
import { correctTimeEntryInput, listTimeEntriesQuery, timeEntriesRangeQuery } from '../../../shared/schemas/time-entries';
import { authedProcedure, router } from '../trpc';

const id = z.number().int().positive();

export const timeClockRouter = router({
  /** The signed-in person's open entry and today's plan, for the Clock in / out button. */
  current: authedProcedure.query(({ ctx }) => ctx.services.timeClock.current(ctx.actor)),
  clockIn: authedProcedure.mutation(({ ctx }) => ctx.services.timeClock.clockIn(ctx.actor)),
  clockOut: authedProcedure.mutation(({ ctx }) => ctx.services.timeClock.clockOut(ctx.actor)),
  listForUser: authedProcedure
    .input(timeEntriesRangeQuery.extend({ userId: id }))
    .query(({ ctx, input }) => ctx.services.timeClock.listForUser(ctx.actor, input.userId, input)),
  list: authedProcedure.input(listTimeEntriesQuery).query(({ ctx, input }) => ctx.services.timeClock.list(ctx.actor, input)),
  /** The timesheet CSV, for the desktop's save dialog. */
  exportCsv: authedProcedure
    .input(listTimeEntriesQuery)
    .query(({ ctx, input }) => ({ csv: ctx.services.timeClock.exportCsv(ctx.actor, input) })),
  correct: authedProcedure
    .input(z.strictObject({ id, changes: correctTimeEntryInput }))
    .mutation(({ ctx, input }) => ctx.services.timeClock.correct(ctx.actor, input.id, input.changes)),
});
