import { authedProcedure, router } from '../trpc';

export const profileRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.services.profile.me(ctx.actor)),
});
