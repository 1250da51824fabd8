import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResult } from '../../../shared/schemas/auth';
import { hostGuardResponses } from '../responses';

export const healthRoutes =
  (version: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          operationId: 'getHealth',
          security: [],
          tags: ['health'],
          summary: 'Liveness and version',
          response: { 200: healthResult, ...hostGuardResponses },
        },
      },
      async () => ({ status: 'ok' as const, version }),
    );
  };
