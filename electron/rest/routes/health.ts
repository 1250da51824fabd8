import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResult } from '../../../shared/schemas/auth';

export const healthRoutes = (version: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health', { schema: { tags: ['setup'], summary: 'Liveness and version', response: { 200: healthResult } } }, async () => ({
      status: 'ok' as const,
      version,
    }));
  };
