import { z } from 'zod';
import { assignRoleInput, createUserInput, listUsersQuery, updateUserInput } from '../../../shared/schemas/users';
import { authedProcedure, router } from '../trpc';

const byId = z.strictObject({ id: z.number().int().positive() });

/** Staff accounts for the UI: the same service calls, so the same permission table, as REST. */
export const usersRouter = router({
  list: authedProcedure.input(listUsersQuery).query(({ ctx, input }) => ctx.services.users.list(ctx.actor, input)),
  get: authedProcedure.input(byId).query(({ ctx, input }) => ctx.services.users.get(ctx.actor, input.id)),
  create: authedProcedure.input(createUserInput).mutation(({ ctx, input }) => ctx.services.users.create(ctx.actor, input)),
  update: authedProcedure
    .input(byId.extend({ changes: updateUserInput }))
    .mutation(({ ctx, input }) => ctx.services.users.update(ctx.actor, input.id, input.changes)),
  remove: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.users.remove(ctx.actor, input.id)),
  unlock: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.users.unlock(ctx.actor, input.id)),
  clearPin: authedProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.pins.clearPin(ctx.actor, input.id)),
  assignRole: authedProcedure
    .input(byId.extend(assignRoleInput.shape))
    .mutation(({ ctx, input }) => ctx.services.users.assignRole(ctx.actor, input.id, input.role)),
});
