import { customerSettingsInput } from '../../../shared/schemas/settings';
import { authedProcedure, router } from '../trpc';

/** Shop settings of the settings screen (Super Admin); the rules live in the core. */
export const settingsRouter = router({
  customers: authedProcedure.query(({ ctx }) => ctx.services.customerSettings.get(ctx.actor)),
  updateCustomers: authedProcedure
    .input(customerSettingsInput)
    .mutation(({ ctx, input }) => ctx.services.customerSettings.update(ctx.actor, input)),
});
