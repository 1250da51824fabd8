import { z } from 'zod';
import { patchRoleSettingsInput } from '../../../shared/schemas/roles';
import { authedProcedure, publicProcedure, router } from '../trpc';

export const rolesRouter = router({
  /** Public, like `GET /roles`: the forced-change screen shows the policy before sign-in. */
  list: publicProcedure.query(({ ctx }) => ctx.services.roles.list()),

  updateSettings: authedProcedure
    .input(z.strictObject({ key: z.string().max(50), settings: patchRoleSettingsInput }))
    .mutation(({ ctx, input }) => ctx.services.roles.updateSettings(ctx.actor, input.key, input.settings)),
});
