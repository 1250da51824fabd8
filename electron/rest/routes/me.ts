import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { profileSchema } from '../../../shared/schemas/profile';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

export const meRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    app.get(
      '/me',
      {
        schema: {
          operationId: 'getMyProfile',
          tags: ['me'],
          summary: 'Your profile: a worker with their manager and shifts, or a manager with their workers',
          response: { 200: profileSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => services.profile.me(actorOf(request)),
    );
  };
