import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../shared/errors';
import { fieldErrorsOf, firstFieldMessage } from '../../shared/field-errors';
import { DomainError } from '../core/errors';
import type { AppLogger } from '../core/logger';

const CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  423: 'FORBIDDEN',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * A procedure's unexpected failure, in the shop's log with the procedure's path (never its
 * input: it may hold a password). Without a context (it failed to build) only stderr is left.
 */
export function logUnexpectedError(logger: AppLogger | undefined, error: TRPCError, procedure: string | undefined): void {
  const err = error.cause ?? error;
  if (logger) logger.error({ err, procedure }, 'unexpected error in a tRPC procedure');
  else console.error('unexpected error in a tRPC procedure', procedure, err);
}

export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_BY_STATUS[error.status] ?? 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
}

/** The same `fields` as REST gives for a body (unknown keys, required fields), rooted at "input". */
function zodToBody(error: ZodError): ErrorBody {
  const fields = fieldErrorsOf(
    error.issues.map((issue) => ({
      path: issue.path.map(String),
      code: issue.code,
      message: issue.message,
      unknownKeys: issue.code === 'unrecognized_keys' ? issue.keys : undefined,
    })),
    'input',
  );
  return { error: 'validation_failed', message: firstFieldMessage(fields, 'The input is not valid.'), fields };
}

/**
 * The same error body as the REST port, for the UI: `data.apiError`. Never a stack. (A change
 * token is a login outcome, never an error, so none can pass here.)
 */
export function apiErrorOf(error: TRPCError): ErrorBody {
  const cause = error.cause;
  if (cause instanceof DomainError) return cause.toBody();
  if (cause instanceof ZodError) return zodToBody(cause);
  return transportErrorBody(error.code);
}

/** tRPC's own refusals (no DomainError behind them), in the vocabulary of docs/contract/API.md. */
function transportErrorBody(code: TRPC_ERROR_CODE_KEY): ErrorBody {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
      return { error: 'validation_failed', message: 'The input is not valid.' };
    case 'NOT_FOUND':
      return { error: 'not_found', message: 'There is no such procedure.' };
    case 'METHOD_NOT_SUPPORTED':
      // The contract has no 405; REST answers a wrong method with 404 `not_found` too.
      return { error: 'not_found', message: 'There is no such procedure for this method: queries are GET, mutations POST.' };
    case 'UNAUTHORIZED':
      return { error: 'unauthenticated', message: 'Please sign in.' };
    case 'FORBIDDEN':
      return { error: 'forbidden', message: 'You do not have permission to perform this action.' };
    case 'PAYLOAD_TOO_LARGE':
      return { error: 'payload_too_large', message: 'The request body is too large.' };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { error: 'unsupported_media_type', message: 'Send the request body as application/json.' };
    case 'TOO_MANY_REQUESTS':
      return { error: 'rate_limited', message: 'Too many requests. Try again later.' };
    default:
      return { error: 'internal_error', message: 'Something went wrong on our side.' };
  }
}
