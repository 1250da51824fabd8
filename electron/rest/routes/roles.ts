import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patchRoleSettingsInput, roleKeyParam, roleSchema, roleSettingsSchema } from '../../../shared/schemas/roles';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses, hostGuardResponses } from '../responses';

const errors = errorResponses(401, 403, 404);

export const publicRolesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/roles',
      {
        schema: {
          operationId: 'listRoles',
          security: [],
          tags: ['roles'],
          summary: 'Every role with its password policy and discount limit (no sign-in needed)',
          response: { 200: z.array(roleSchema), ...hostGuardResponses },
        },
      },
      async () => services.roles.list(),
    );
  };

export const rolesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);

    app.get(
      '/roles/:key/settings',
      {
        schema: {
          operationId: 'getRoleSettings',
          tags: ['roles'],
          summary: 'The password policy and discount limit of one role',
          params: roleKeyParam,
          response: { 200: roleSettingsSchema, ...errors },
        },
      },
      async (request) => services.roles.getSettings(actorOf(request), request.params.key),
    );

    app.patch(
      '/roles/:key/settings',
      {
        schema: {
          operationId: 'updateRoleSettings',
          tags: ['roles'],
          summary: 'Change a role’s password policy or discount limit (Super Admin; any subset)',
          params: roleKeyParam,
          body: patchRoleSettingsInput,
          response: { 200: roleSettingsSchema, ...errors },
        },
      },
      async (request) => services.roles.updateSettings(actorOf(request), request.params.key, request.body),
    );
  };
