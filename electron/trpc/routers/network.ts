import { networkSettingsInput } from '../../../shared/schemas/network-settings';
import { authedProcedure, router } from '../trpc';

/** HTTPS of the LAN port (Super Admin); the rules live in the core, a change applies at the next start. */
export const networkRouter = router({
  settings: authedProcedure.query(({ ctx }) => ctx.services.networkSettings.get(ctx.actor)),
  updateSettings: authedProcedure
    .input(networkSettingsInput)
    .mutation(({ ctx, input }) => ctx.services.networkSettings.update(ctx.actor, input)),
});
