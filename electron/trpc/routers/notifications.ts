import { notifySettingsInput, sendTestInput } from '../../../shared/schemas/notify-settings';
import { authedProcedure, router } from '../trpc';

/** Mail and SMS settings, the test message and the outbox: the Super Admin's screens. */
export const notificationsRouter = router({
  settings: authedProcedure.query(({ ctx }) => ctx.services.notifySettings.get(ctx.actor)),
  updateSettings: authedProcedure
    .input(notifySettingsInput)
    .mutation(({ ctx, input }) => ctx.services.notifySettings.update(ctx.actor, input)),
  sendTest: authedProcedure
    .input(sendTestInput)
    .mutation(({ ctx, input }) => ctx.services.notifier.sendTest(ctx.actor, input.channel, input.to)),
  outbox: authedProcedure.query(({ ctx }) => ctx.services.notifier.list(ctx.actor)),
});
