import { setPinInput } from '../../../shared/schemas/pins';
import { authedProcedure, router } from '../trpc';

export const profileRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.services.profile.me(ctx.actor)),
  setPin: authedProcedure.input(setPinInput).mutation(({ ctx, input }) => ctx.services.pins.setOwnPin(ctx.actor, input)),
});
