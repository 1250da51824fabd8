import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from '../core/create-services';
import { installErrorHandlers } from './error-handler';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { ordersRoutes } from './routes/orders';
import { passwordResetRoutes } from './routes/password-reset';
import { productsRoutes } from './routes/products';
import { publicRolesRoutes, rolesRoutes } from './routes/roles';
import { setupRoutes } from './routes/setup';
import { usersRoutes } from './routes/users';
import { workingTimesRoutes } from './routes/working-times';

export const API_PREFIX = '/api/v1';

export interface RestServerOptions {
  version: string;
  logger?: FastifyServerOptions['logger'];
}

/** The REST port of API.md: thin routes over the services, one error shape everywhere. */
export async function buildRestServer(services: Services, options: RestServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is spoken here: anything else is a 415, not a string body.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  app.decorateRequest('actor', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.url.startsWith(API_PREFIX) && !request.url.startsWith(`${API_PREFIX}/docs`)) reply.header('Cache-Control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ShopDesk REST API', version: options.version, description: 'The local REST port for in-store devices.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(options.version));
      await api.register(setupRoutes(services));
      await api.register(authRoutes(services));
      await api.register(passwordResetRoutes(services));
      await api.register(publicRolesRoutes(services));
      await api.register(rolesRoutes(services));
      await api.register(usersRoutes(services));
      await api.register(meRoutes(services));
      await api.register(workingTimesRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(productsRoutes(services));
      await api.register(ordersRoutes(services));
    },
    { prefix: API_PREFIX },
  );
  return app;
}
