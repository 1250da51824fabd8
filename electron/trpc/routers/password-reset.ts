import { RESET_REQUEST_MESSAGE, resetConfirmInput, resetRequestInput, resetVerifyInput } from '../../../shared/schemas/password-reset';
import { publicProcedure, router } from '../trpc';

/** "Forgot password?" for the UI: the same service as the REST reset flow. */
export const passwordResetRouter = router({
  request: publicProcedure.input(resetRequestInput).mutation(async ({ ctx, input }) => {
    await ctx.services.passwordReset.request(input.type, input.value, ctx.clientKey);
    return { message: RESET_REQUEST_MESSAGE };
  }),
  verify: publicProcedure.input(resetVerifyInput).mutation(async ({ ctx, input }) => ({
    reset_token: await ctx.services.passwordReset.verify(input.type, input.value, input.pin, ctx.clientKey),
  })),
  confirm: publicProcedure.input(resetConfirmInput).mutation(async ({ ctx, input }) => {
    await ctx.services.passwordReset.confirm(input.reset_token, input.password);
  }),
});
