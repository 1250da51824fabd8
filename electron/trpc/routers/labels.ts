import { labelSheetInput } from '../../../shared/schemas/labels';
import { authedProcedure, router } from '../trpc';

/** The twin of `POST /labels`; the rules live in electron/core/labels. */
export const labelsRouter = router({
  sheet: authedProcedure.input(labelSheetInput).mutation(({ ctx, input }) => ctx.services.labels.sheet(ctx.actor, input)),
});
