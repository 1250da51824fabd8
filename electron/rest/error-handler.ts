import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldErrors } from '../../shared/errors';
import { fieldErrorsOf, firstFieldMessage } from '../../shared/field-errors';
import { DomainError } from '../core/errors';

/**
 * Sent as text, past the routes' response schemas: the body is already in the docs/contract/API.md shape, and
 * a schema's record parsing would drop a field the client named `__proto__`.
 */
function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Fastify's validation issues (from zod) as docs/contract/API.md `fields`; `context` is "body", "querystring"… */
export function issuesToFields(issues: readonly ValidationIssue[], context = 'body'): FieldErrors {
  return fieldErrorsOf(
    issues.map((issue) => {
      const keys = issue.params?.keys;
      return {
        path: issue.instancePath.split('/').filter((segment) => segment !== ''),
        code: issue.keyword,
        message: issue.message,
        unknownKeys: Array.isArray(keys) ? keys : undefined,
      };
    }),
    context,
  );
}

/** Which request failed, for the log: the method and path, never the query string (it may name a person). */
function whereOf(request: FastifyRequest): { method: string; path: string } {
  return { method: request.method, path: request.url.split('?')[0] ?? '' };
}

const INTERNAL_ERROR: ErrorBody = { error: 'internal_error', message: 'Something went wrong on our side.' };

/** The router's own refusals, before any route: a malformed or over-long path segment. */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The URL is not valid.'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A part of the URL is too long.'
        : undefined;
  if (!message) request.log.error({ err: error, ...whereOf(request) }, 'unexpected error before routing');
  void (message
    ? send(reply, 400, { error: 'validation_failed', message, fields: { params: [message] } })
    : send(reply, 500, INTERNAL_ERROR));
}

/** Node's HTTP parser's refusals (no request object exists yet): written on the socket, then closed. */
function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ErrorBody] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { error: 'headers_too_large', message: 'The request line and headers are too large.' }]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, { error: 'request_timeout', message: 'The request took too long to arrive.' }]
        : [400, { error: 'validation_failed', message: 'The request is not valid HTTP.' }];
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** For the Fastify constructor: the errors that happen before a request reaches the error handler. */
export const lowLevelErrorHandlers = { frameworkErrors, clientErrorHandler } satisfies Pick<
  FastifyServerOptions,
  'frameworkErrors' | 'clientErrorHandler'
>;

/**
 * Every error leaves in the docs/contract/API.md shape. Expected failures are DomainErrors; Fastify's own
 * (bad JSON, big body, wrong type) are mapped; anything else is logged and answered as a bare
 * 500, so no stack, SQL or path ever reaches a client.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.extras.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.extras.retryAfterSeconds));
      return send(reply, error.status, error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = issuesToFields(error.validation, error.validationContext);
      return send(reply, 400, { error: 'validation_failed', message: firstFieldMessage(fields, 'The request is not valid.'), fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause, ...whereOf(request) }, 'response does not match its schema');
      return send(reply, 500, INTERNAL_ERROR);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, 413, { error: 'payload_too_large', message: 'The request body is too large.' });
    if (status === 415) {
      return send(reply, 415, { error: 'unsupported_media_type', message: 'Send the request body as application/json.' });
    }
    if (status === 429) return send(reply, 429, { error: 'rate_limited', message: 'Too many requests. Try again later.' });
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is empty; send a JSON object.'
          : error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError
            ? 'The request body is not valid JSON.'
            : 'The request is not valid.';
      return send(reply, 400, { error: 'validation_failed', message, fields: { body: [message] } });
    }
    request.log.error({ err: error, ...whereOf(request) }, 'unexpected error');
    return send(reply, 500, INTERNAL_ERROR);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, { error: 'not_found', message: `There is no endpoint ${request.method} ${request.url.split('?')[0] ?? ''}.` }),
  );
}
