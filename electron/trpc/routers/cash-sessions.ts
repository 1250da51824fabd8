import { z } from 'zod';
import { cashMovementInput, closeCashSessionInput, listCashSessionsQuery, openCashSessionInput } from '../../../shared/schemas/cash';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

/** The twins of `/cash-sessions`; the rules live in the core. */
export const cashSessionsRouter = router({
  open: authedProcedure.input(openCashSessionInput).mutation(({ ctx, input }) => ctx.services.cashSessions.open(ctx.actor, input)),
  list: authedProcedure.input(listCashSessionsQuery).query(({ ctx, input }) => ctx.services.cashSessions.list(ctx.actor, input)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.cashSessions.get(ctx.actor, input.id)),
  addMovement: authedProcedure
    .input(byId.extend({ movement: cashMovementInput }))
    .mutation(({ ctx, input }) => ctx.services.cashSessions.addMovement(ctx.actor, input.id, input.movement)),
  close: authedProcedure
    .input(byId.extend({ count: closeCashSessionInput }))
    .mutation(({ ctx, input }) => ctx.services.cashSessions.close(ctx.actor, input.id, input.count)),
  report: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.cashSessions.report(ctx.actor, input.id)),
});
