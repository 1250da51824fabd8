import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageSchema } from '../../../shared/schemas/common';
import {
  RESET_REQUEST_MESSAGE,
  resetConfirmInput,
  resetRequestInput,
  resetTokenResult,
  resetVerifyInput,
} from '../../../shared/schemas/password-reset';
import type { Services } from '../../core/create-services';
import { errorResponses } from '../responses';

export const passwordResetRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const reset = services.passwordReset;

    app.post(
      '/auth/password/reset/request',
      {
        schema: {
          operationId: 'requestPasswordReset',
          security: [],
          tags: ['password-reset'],
          summary: 'Send a 6-digit PIN to the account’s email or phone (same answer whether or not it exists)',
          body: resetRequestInput,
          response: { 202: messageSchema, ...errorResponses(429) },
        },
      },
      async (request, reply) => {
        await reset.request(request.body.type, request.body.value, request.ip);
        return reply.code(202).send({ message: RESET_REQUEST_MESSAGE });
      },
    );

    app.post(
      '/auth/password/reset/verify',
      {
        schema: {
          operationId: 'verifyPasswordResetPin',
          security: [],
          tags: ['password-reset'],
          summary: 'Trade the PIN for a single-use reset_token (404 code 1 wrong, code 2 expired or used up)',
          body: resetVerifyInput,
          response: { 200: resetTokenResult, ...errorResponses(404, 429) },
        },
      },
      async (request) => ({ reset_token: await reset.verify(request.body.type, request.body.value, request.body.pin, request.ip) }),
    );

    app.post(
      '/auth/password/reset/confirm',
      {
        schema: {
          operationId: 'confirmPasswordReset',
          security: [],
          tags: ['password-reset'],
          summary:
            'Set the new password; unlocks the account and ends its sessions ("same as current" answers are limited per account: 429)',
          body: resetConfirmInput,
          response: { 200: messageSchema, ...errorResponses(429, 503) },
        },
      },
      async (request) => {
        await reset.confirm(request.body.reset_token, request.body.password);
        return { message: 'Password has been reset.' };
      },
    );
  };
