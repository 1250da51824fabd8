import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import { assignRoleInput, createUserInput, listUsersQuery, updateUserInput, userSchema } from '../../../shared/schemas/users';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

const errors = errorResponses(401, 403, 404);

export const usersRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { users } = services;

    app.post(
      '/users',
      {
        schema: {
          operationId: 'createUser',
          tags: ['users'],
          summary: 'Create a staff account with a temporary password',
          body: createUserInput,
          response: { 201: userSchema, ...errorResponses(401, 403, 503) },
        },
      },
      async (request, reply) => reply.code(201).send(await users.create(actorOf(request), request.body)),
    );

    app.get(
      '/users',
      {
        schema: {
          operationId: 'listUsers',
          tags: ['users'],
          summary: 'List users (keyset pages; `Link: rel="next"`)',
          querystring: listUsersQuery,
          response: { 200: z.array(userSchema), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = users.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );

    app.get(
      '/users/:id',
      {
        schema: {
          operationId: 'getUser',
          tags: ['users'],
          summary: 'Read a user',
          params: idParamSchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => users.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          operationId: 'updateUser',
          tags: ['users'],
          summary:
            'Update a user; a password set by someone else must be changed at next login; your own email or phone needs `current_password`',
          params: idParamSchema,
          body: updateUserInput,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => users.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/users/:id',
      {
        schema: {
          operationId: 'deleteUser',
          tags: ['users'],
          summary: 'Deactivate and hide a user (the username stays taken)',
          params: idParamSchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        users.remove(actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:id/pin',
      {
        schema: {
          operationId: 'clearUserPin',
          tags: ['users'],
          summary: 'Clear a user’s PIN (whoever may edit the user, the user too; audited)',
          params: idParamSchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        services.pins.clearPin(actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/users/:id/unlock',
      {
        schema: {
          operationId: 'unlockUser',
          tags: ['users'],
          summary: 'Unlock an account locked by failed sign-ins',
          params: idParamSchema,
          body: z.strictObject({}).nullish(),
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => users.unlock(actorOf(request), request.params.id),
    );

    app.post(
      '/users/:id/role',
      {
        schema: {
          operationId: 'assignUserRole',
          tags: ['users'],
          summary: 'Assign a role',
          params: idParamSchema,
          body: assignRoleInput,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => users.assignRole(actorOf(request), request.params.id, request.body.role),
    );
  };
