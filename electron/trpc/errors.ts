import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../shared/errors';
import { DomainError } from '../core/errors';

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
};

export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_BY_STATUS[error.status] ?? 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
}

function zodToBody(error: ZodError): ErrorBody {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'input';
    (fields[key] ??= []).push(issue.message);
  }
  const first = Object.entries(fields)[0];
  return { error: 'validation_failed', message: first ? `${first[0]}: ${first[1][0] ?? ''}` : 'The input is not valid.', fields };
}

/**
 * The same error body as the REST port, for the UI: `data.apiError`. Never a stack, never a
 * change token (that stays in the main process).
 */
export function apiErrorOf(error: TRPCError): ErrorBody {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const { change_token: _hidden, ...body } = cause.toBody();
    return body;
  }
  if (cause instanceof ZodError) return zodToBody(cause);
  if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') return { error: 'validation_failed', message: 'The input is not valid.' };
  if (error.code === 'NOT_FOUND') return { error: 'not_found', message: 'There is no such procedure.' };
  return { error: 'internal_error', message: 'Something went wrong on our side.' };
}
