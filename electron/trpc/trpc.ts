import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError } from '../core/errors';
import type { TrpcContext } from './context';
import { apiErrorOf, logUnexpectedError, toTrpcError } from './errors';

const t = initTRPC.context<TrpcContext>().create({
  isDev: false,
  // Both transports (desktop IPC, which has no onError hook, and the web's /trpc) pass here.
  errorFormatter({ shape, error, path, ctx }) {
    if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof DomainError))
      logUnexpectedError(ctx?.services.logger, error, path);
    const apiError = apiErrorOf(error);
    return { ...shape, message: apiError.message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, apiError } };
  },
});

/** Services throw DomainErrors; this turns them into tRPC errors carrying the API body. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);

/** Narrows the context to a signed-in actor, re-read from the database on this call. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await ctx.session.currentActor();
  if (!actor)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.', cause: new DomainError('unauthenticated', 'Please sign in.') });
  return next({ ctx: { ...ctx, actor } });
});
