import { z } from 'zod';
import { createRegisterInput, updateRegisterInput } from '../../../shared/schemas/cash';
import { authedProcedure, router } from '../trpc';

/** The twins of `/registers`; the rules live in the core. */
export const registersRouter = router({
  list: authedProcedure.query(({ ctx }) => ctx.services.registers.list(ctx.actor)),
  create: authedProcedure.input(createRegisterInput).mutation(({ ctx, input }) => ctx.services.registers.create(ctx.actor, input)),
  update: authedProcedure
    .input(z.strictObject({ id: z.number().int().positive(), changes: updateRegisterInput }))
    .mutation(({ ctx, input }) => ctx.services.registers.update(ctx.actor, input.id, input.changes)),
  /** The token is shown once, to the manager setting up the terminal. */
  issueDeviceToken: authedProcedure
    .input(z.strictObject({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => ctx.services.deviceTokens.issue(ctx.actor, input.id)),
});
