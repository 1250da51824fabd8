import { shopSettingsInput } from '../../../shared/schemas/shop';
import { authedProcedure, router } from '../trpc';

/** The twins of `GET`/`PATCH /shop`; the rules live in the core. */
export const shopRouter = router({
  get: authedProcedure.query(({ ctx }) => ctx.services.shop.get(ctx.actor)),
  update: authedProcedure.input(shopSettingsInput).mutation(({ ctx, input }) => ctx.services.shop.update(ctx.actor, input)),
});
