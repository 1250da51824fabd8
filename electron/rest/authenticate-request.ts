import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor';
import type { Services } from '../core/create-services';
import { DomainError } from '../core/errors';
import { assertCsrf, presentedAccessToken } from '../http/credentials';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const unauthenticated = () => new DomainError('unauthenticated', 'Authentication credentials were not provided.');

/** Resolves who is asking from the header or the cookie (with its CSRF check). */
export async function authenticateRequest(services: Services, request: FastifyRequest): Promise<Actor> {
  const presented = presentedAccessToken(request);
  if (!presented) throw unauthenticated();
  if (presented.mode === 'cookie') assertCsrf(request);
  return services.auth.authenticate(presented.token);
}

/** Gives every route registered in `scope` an authenticated `request.actor`. */
export function requireAuthentication(scope: FastifyInstance, services: Services): void {
  scope.addHook('preHandler', async (request) => {
    request.actor = await authenticateRequest(services, request);
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
