import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setPinInput } from '../../../shared/schemas/pins';
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
    app.put(
      '/me/pin',
      {
        schema: {
          operationId: 'setMyPin',
          tags: ['me'],
          summary: 'Set your own PIN (staff; your password proves it is you; audited). A trivial PIN is 400 `pin_policy`',
          body: setPinInput,
          response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        await services.pins.setOwnPin(actorOf(request), request.body);
        return reply.code(204).send();
      },
    );
  };
