import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from '../core/create-services';
import { warningsAndErrorsOf } from '../core/logger';
import { installErrorHandlers, lowLevelErrorHandlers } from './error-handler';
import { installHostCheck, type HostPolicy } from './host-check';
import { openApiOptions } from './openapi-document';
import { serializerCompiler, validatorCompiler } from './zod-compilers';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { backupsRoutes } from './routes/backups';
import { cashSessionsRoutes } from './routes/cash-sessions';
import { healthRoutes } from './routes/health';
import { labelsRoutes } from './routes/labels';
import { meRoutes } from './routes/me';
import { ordersRoutes } from './routes/orders';
import { passwordResetRoutes } from './routes/password-reset';
import { productsRoutes } from './routes/products';
import { refundsRoutes } from './routes/refunds';
import { printingRoutes } from './routes/printing';
import { receiptsRoutes } from './routes/receipts';
import { registersRoutes } from './routes/registers';
import { taxRatesRoutes } from './routes/tax-rates';
import { publicRolesRoutes, rolesRoutes } from './routes/roles';
import { setupRoutes } from './routes/setup';
import { shopRoutes } from './routes/shop';
import { stockRoutes } from './routes/stock';
import { usersRoutes } from './routes/users';
import { timeEntriesRoutes } from './routes/time-entries';
import { workingTimesRoutes } from './routes/working-times';

export const API_PREFIX = '/api/v1';

export interface RestServerOptions {
  version: string;
  /** The names this server answers to (the DNS-rebinding guard). */
  hosts: HostPolicy;
  /** A PEM certificate and key: the port then speaks HTTPS only. */
  tls?: { cert: Buffer; key: Buffer };
}

/** The REST port of docs/contract/API.md: thin routes over the services, one error shape everywhere. */
export async function buildRestServer(services: Services, options: RestServerOptions): Promise<FastifyInstance> {
  // Typed as Fastify's own logger interface, so the app's type stays the plain FastifyInstance.
  const log: FastifyBaseLogger = warningsAndErrorsOf(services.logger);
  const app = Fastify({
    // The shop's log: the error handler records unexpected errors there (warn and up: no line per request).
    loggerInstance: log,
    // No child logger per request (a pino child with redaction is ~3 % of a /health under load):
    // the error handler names the method and path itself.
    childLoggerFactory: (logger) => logger,
    bodyLimit: 1024 * 1024,
    ...lowLevelErrorHandlers,
    ...(options.tls ? { https: options.tls } : {}),
  });
  // First of all hooks: nothing runs for a request addressed to another name.
  installHostCheck(app, options.hosts);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is spoken here: anything else is a 415, not a string body.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  app.decorateRequest('actor', null);
  // A callback hook, not an async one: every answer runs it, and a promise per answer shows under load.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.url.startsWith(API_PREFIX) && !request.url.startsWith(`${API_PREFIX}/docs`)) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, openApiOptions(options.version, API_PREFIX));
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
      await api.register(timeEntriesRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(productsRoutes(services));
      await api.register(stockRoutes(services));
      await api.register(labelsRoutes(services));
      await api.register(ordersRoutes(services));
      await api.register(refundsRoutes(services));
      await api.register(receiptsRoutes(services));
      await api.register(shopRoutes(services));
      await api.register(registersRoutes(services));
      await api.register(taxRatesRoutes(services));
      await api.register(cashSessionsRoutes(services));
      await api.register(printingRoutes(services));
      await api.register(backupsRoutes(services));
    },
    { prefix: API_PREFIX },
  );
  return app;
}
