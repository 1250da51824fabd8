import { z } from 'zod';
import { changePasswordInput, loginInput, setupInput } from '../../../shared/schemas/auth';
import { passwordInput } from '../../../shared/schemas/common';
import { pinLoginInput } from '../../../shared/schemas/pins';
import { passwordChangerOf } from '../../core/auth/authenticate';
import { accountLocked, passwordChangeRequired } from '../../core/auth/login';
import { DomainError } from '../../core/errors';
import { originFromLoopback } from '../../http/trusted-device';
import { authedProcedure, publicProcedure, router } from '../trpc';

/** The person at the screen learns at once that this attempt locked the account. */
function sayLockedNow(error: unknown): never {
  throw error instanceof DomainError && error.extras.lockedNow ? accountLocked() : error;
}

/** Sign-in for the UI: the same services as REST, with the tokens kept by the UiSession. */
export const authRouter = router({
  /** What the app should show first: set-up, sign-in, a forced password change, or the shell. */
  state: publicProcedure.query(async ({ ctx }) => {
    const actor = await ctx.session.currentActor();
    const pending = ctx.session.pendingPasswordChange();
    const pendingPasswordChange = pending ? await ctx.services.auth.describePasswordChange(pending.changeToken) : null;
    if (pending && !pendingPasswordChange) ctx.session.clearPasswordChange();
    return {
      initialized: ctx.services.auth.isInitialized(),
      user: actor ? ctx.services.users.get(actor, actor.user.id) : null,
      pendingPasswordChange,
    };
  }),

  setup: publicProcedure.input(setupInput).mutation(({ ctx, input }) => ctx.services.auth.setup(input, ctx.fromLoopback)),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.auth.login(input.username, input.password, ctx.clientKey).catch(sayLockedNow);
    if (result.kind === 'password_change_required') {
      // The change token stays in the session (main process or HttpOnly cookie), never in the page.
      ctx.session.holdPasswordChange({ username: input.username, changeToken: result.changeToken });
      throw passwordChangeRequired(result.reason);
    }
    ctx.session.clearPasswordChange();
    ctx.session.signIn(result);
    return { user: result.user, role: result.role };
  }),

  /**
   * The quick switch at the till: the desktop window (and a web page from this very computer)
   * is the shop's own device; a page from elsewhere is refused before any PIN is checked.
   */
  pinLogin: publicProcedure.input(pinLoginInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.pinLogin.pinLogin(input, originFromLoopback(ctx.fromLoopback), ctx.clientKey).catch(sayLockedNow);
    if (result.kind === 'password_change_required') {
      ctx.session.holdPasswordChange({ username: input.username, changeToken: result.changeToken });
      throw passwordChangeRequired(result.reason);
    }
    ctx.session.clearPasswordChange();
    ctx.session.signIn(result);
    return { user: result.user, role: result.role };
  }),

  /**
   * Who is on shift, for the quick-switch screen before anyone signs in: the same device rule
   * as `pinLogin` (the desktop window and this computer's own pages only).
   */
  switchRoster: publicProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => {
    return ctx.services.switchRoster(originFromLoopback(ctx.fromLoopback));
  }),

  /** The forced change after a code-4 sign-in; signs in with the new password on success. */
  completePasswordChange: publicProcedure
    .input(z.strictObject({ old_password: passwordInput, new_password: passwordInput }))
    .mutation(async ({ ctx, input }) => {
      const pending = ctx.session.pendingPasswordChange();
      if (!pending) throw new DomainError('token_invalid', 'The password change has expired. Sign in again.');
      const signedIn = await ctx.services.auth.completeForcedChange(pending.changeToken, input.old_password, input.new_password);
      ctx.session.clearPasswordChange();
      ctx.session.signIn(signedIn);
      return { user: signedIn.user, role: signedIn.role };
    }),

  cancelPasswordChange: publicProcedure.mutation(({ ctx }) => {
    ctx.session.clearPasswordChange();
  }),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.changePassword(passwordChangerOf(ctx.actor), input.old_password, input.new_password);
  }),

  logout: authedProcedure.mutation(({ ctx }) => ctx.session.signOut(ctx.actor)),
});
