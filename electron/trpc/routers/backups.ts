import { z } from 'zod';
import { can } from '../../../shared/permissions';
import { backupSettingsInput } from '../../../shared/schemas/backups';
import { DomainError } from '../../core/errors';
import { authedProcedure, router } from '../trpc';

export const RESTORE_ONLY_ON_DESKTOP = 'Restore from the desktop app at the shop computer, or with npm run restore.';

/**
 * The twins of the backups routes; the rules live in the core. `restore` exists for the desktop
 * window only: over HTTP (no `desktop` hook in the context) it is always refused.
 */
export const backupsRouter = router({
  list: authedProcedure.query(({ ctx }) => ctx.services.backups.list(ctx.actor)),
  create: authedProcedure.mutation(({ ctx }) => ctx.services.backups.create(ctx.actor)),
  settings: authedProcedure.query(({ ctx }) => ctx.services.backupSettings.get(ctx.actor)),
  updateSettings: authedProcedure
    .input(backupSettingsInput)
    .mutation(({ ctx, input }) => ctx.services.backupSettings.update(ctx.actor, input)),
  /** Whether this screen may offer "Restore…": the desktop window, signed in as the Super Admin. */
  canRestore: authedProcedure.query(({ ctx }) => ctx.desktop !== undefined && can(ctx.actor.role, 'backups.configure')),
  restore: authedProcedure.input(z.strictObject({ id: z.number().int() })).mutation(async ({ ctx, input }) => {
    if (!ctx.desktop) throw new DomainError('forbidden', RESTORE_ONLY_ON_DESKTOP);
    return ctx.desktop.restoreBackup(ctx.services.backups.restorableFile(ctx.actor, input.id), ctx.actor.user.id);
  }),
});
