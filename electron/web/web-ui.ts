import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type CreateFastifyContextOptions, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Services } from '../core/create-services';
import { DomainError } from '../core/errors';
import { assertCsrf, COOKIE_ACCESS, isFromLoopback } from '../http/credentials';
import type { TrpcContext } from '../trpc/context';
import { toTrpcError } from '../trpc/errors';
import { appRouter, type AppRouter } from '../trpc/root';
import { createCookieSession } from './cookie-session';
import { labelJsonAnswers, refuseNonJsonBody } from './json-only';

/**
 * Headless web mode: the same React UI at `/`, with tRPC over HTTP at `/trpc` and the cookie
 * session of docs/contract/API.md (a mutation on a signed-in session needs the CSRF header).
 */
/** Returns whether the built UI is served (it is not until `npm run build` made it). */
export async function registerWebUi(app: FastifyInstance, services: Services, uiDir: string | undefined): Promise<boolean> {
  const createContext = ({ req, res }: CreateFastifyContextOptions): TrpcContext => {
    try {
      if (req.method === 'POST' && req.cookies[COOKIE_ACCESS]) assertCsrf(req);
    } catch (error) {
      if (error instanceof DomainError) throw toTrpcError(error);
      throw error;
    }
    return {
      services,
      session: createCookieSession(services, req, res),
      fromLoopback: isFromLoopback(req),
      clientKey: req.ip,
    };
  };
  // The tRPC plugin's own body parsers live in this scope, behind its JSON-only gate.
  await app.register(async (trpcScope) => {
    trpcScope.addHook('onRequest', refuseNonJsonBody);
    // Answers carry the signed-in user's data: never kept by a browser or a proxy; always JSON.
    trpcScope.addHook('onSend', labelJsonAnswers);
    await trpcScope.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: { router: appRouter, createContext, maxBatchSize: 20 },
    } satisfies FastifyTRPCPluginOptions<AppRouter>);
  });

  if (!uiDir || !existsSync(uiDir)) return false;
  await app.register(fastifyStatic, {
    root: uiDir,
    prefix: '/',
    index: 'index.html',
    wildcard: false,
    setHeaders(res, path) {
      if (path.endsWith('.html')) {
        res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        res.header('Cache-Control', 'no-cache');
      }
      res.header('X-Frame-Options', 'DENY');
      res.header('Referrer-Policy', 'no-referrer');
    },
  });
  return true;
}
