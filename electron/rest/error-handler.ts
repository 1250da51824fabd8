import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldErrors } from '../../shared/errors';
import { DomainError } from '../core/errors';

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function friendly(issue: ValidationIssue): string {
  const message = issue.message ?? 'Invalid value.';
  if (issue.keyword === 'invalid_type' && /received undefined/.test(message)) return 'This field is required.';
  return message;
}

/** Zod issues as `fields`: one list of messages per field, unknown fields named as such. */
export function issuesToFields(issues: readonly ValidationIssue[], context = 'body'): FieldErrors {
  const fields: FieldErrors = {};
  const add = (field: string, message: string) => (fields[field] ??= []).push(message);
  for (const issue of issues) {
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      for (const key of issue.params.keys) add(String(key), 'Unknown field.');
      continue;
    }
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    add(path === '' ? context : path, friendly(issue));
  }
  return fields;
}

/**
 * Every error leaves in the API.md shape. Expected failures are DomainErrors; Fastify's own
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
      const first = Object.entries(fields)[0];
      const message = first ? `${first[0]}: ${first[1][0] ?? 'invalid'}` : 'The request is not valid.';
      return send(reply, 400, { error: 'validation_failed', message, fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response does not match its schema');
      return send(reply, 500, { error: 'internal_error', message: 'Something went wrong on our side.' });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, 413, { error: 'payload_too_large', message: 'The request body is too large.' });
    if (status === 415) {
      return send(reply, 415, { error: 'unsupported_media_type', message: 'Send the request body as application/json.' });
    }
    if (status === 429) return send(reply, 429, { error: 'rate_limited', message: 'Too many requests. Try again later.' });
    if (status >= 400 && status < 500) {
      const message = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is empty; send a JSON object.'
        : error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError
          ? 'The request body is not valid JSON.'
          : 'The request is not valid.';
      return send(reply, 400, { error: 'validation_failed', message, fields: { body: [message] } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, 500, { error: 'internal_error', message: 'Something went wrong on our side.' });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, { error: 'not_found', message: `There is no endpoint ${request.method} ${request.url.split('?')[0] ?? ''}.` }),
  );
}
