import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRegisterInput, registerSchema, updateRegisterInput } from '../../../shared/schemas/cash';
import { idParamSchema } from '../../../shared/schemas/common';
import { deviceTokenResult } from '../../../shared/schemas/pins';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

export const registersRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { registers } = services;

    app.get(
      '/registers',
      {
        schema: {
          operationId: 'listRegisters',
          tags: ['registers'],
          summary: 'The shop’s registers, each with its open cash session (staff)',
          response: { 200: z.array(registerSchema), ...errorResponses(401, 403) },
        },
      },
      async (request) => registers.list(actorOf(request)),
    );
    app.post(
      '/registers',
      {
        schema: {
          operationId: 'createRegister',
          tags: ['registers'],
          summary: 'Add a register (managers; audited)',
          body: createRegisterInput,
          response: { 201: registerSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(registers.create(actorOf(request), request.body)),
    );
    app.patch(
      '/registers/:id',
      {
        schema: {
          operationId: 'updateRegister',
          tags: ['registers'],
          summary: 'Rename a register or make it the default (managers; audited). `is_default: false` on the default is 400',
          params: idParamSchema,
          body: updateRegisterInput,
          response: { 200: registerSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => registers.update(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/registers/:id/device-token',
      {
        schema: {
          operationId: 'issueRegisterDeviceToken',
          tags: ['registers'],
          summary: 'A new device token for the register’s terminal, shown once; it replaces the old one (managers; audited)',
          params: idParamSchema,
          body: z.strictObject({}).nullish(),
          response: { 201: deviceTokenResult, ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(services.deviceTokens.issue(actorOf(request), request.params.id)),
    );
  };
