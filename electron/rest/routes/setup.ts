import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupInput } from '../../../shared/schemas/auth';
import { userSchema } from '../../../shared/schemas/users';
import type { Services } from '../../core/create-services';
import { isFromLoopback } from '../../http/credentials';
import { errorResponses } from '../responses';

export const setupRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/setup',
      {
        schema: {
          operationId: 'setUpShop',
          security: [],
          tags: ['setup'],
          summary: 'First run: create the owner (Super Admin); loopback only, once',
          body: setupInput,
          response: { 201: userSchema, ...errorResponses(403, 409) },
        },
      },
      async (request, reply) => {
        const user = await services.auth.setup(request.body, isFromLoopback(request));
        return reply.code(201).send(user);
      },
    );
  };
