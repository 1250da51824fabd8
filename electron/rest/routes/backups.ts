import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backupListSchema, backupSchema, backupSettingsInput, backupSettingsSchema } from '../../../shared/schemas/backups';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

/** Backups (Super Admin). There is no restore route: restoring is done on the machine only. */
export const backupsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);

    app.get(
      '/backups',
      {
        schema: {
          operationId: 'listBackups',
          tags: ['backups'],
          summary: 'The backups kept in the data folder, newest first (Super Admin)',
          response: { 200: backupListSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => services.backups.list(actorOf(request)),
    );

    app.post(
      '/backups',
      {
        schema: {
          operationId: 'createBackup',
          tags: ['backups'],
          summary: 'Back up the database now, while the shop keeps selling (Super Admin); answers once the copy is made and checked',
          body: z.strictObject({}).nullish(),
          response: { 201: backupSchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await services.backups.create(actorOf(request))),
    );

    app.get(
      '/backup-settings',
      {
        schema: {
          operationId: 'getBackupSettings',
          tags: ['backups'],
          summary: 'The daily backup’s time, retention and second folder, with the last copy’s outcome (Super Admin)',
          response: { 200: backupSettingsSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => services.backupSettings.get(actorOf(request)),
    );

    app.patch(
      '/backup-settings',
      {
        schema: {
          operationId: 'updateBackupSettings',
          tags: ['backups'],
          summary: 'Change the backup settings (Super Admin; any subset; audited); a second folder must exist and be writable',
          body: backupSettingsInput,
          response: { 200: backupSettingsSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => services.backupSettings.update(actorOf(request), request.body),
    );
  };
