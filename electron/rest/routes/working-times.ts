import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import { workingTimeSchema } from '../../../shared/schemas/profile';
import { setWorkingTimeInput, workingTimeParams, workingTimesRangeQuery } from '../../../shared/schemas/shifts';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

const errors = errorResponses(401, 403, 404);

export const workingTimesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { workingTimes } = services;

    app.get(
      '/users/:id/working-times',
      {
        schema: {
          operationId: 'listWorkingTimes',
          tags: ['working-times'],
          summary: 'A worker’s shifts between two shop dates (inclusive)',
          params: idParamSchema,
          querystring: workingTimesRangeQuery,
          response: { 200: z.array(workingTimeSchema), ...errors },
        },
      },
      async (request) => workingTimes.list(actorOf(request), request.params.id, request.query),
    );

    app.put(
      '/users/:id/working-times/:date',
      {
        schema: {
          operationId: 'setWorkingTime',
          tags: ['working-times'],
          summary: 'Set (replace) a worker’s start and end time for one day; an end before the start is overnight',
          params: workingTimeParams,
          body: setWorkingTimeInput,
          response: { 200: workingTimeSchema, ...errors },
        },
      },
      async (request) => workingTimes.set(actorOf(request), request.params.id, request.params.date, request.body),
    );

    app.delete(
      '/users/:id/working-times/:date',
      {
        schema: {
          operationId: 'clearWorkingTime',
          tags: ['working-times'],
          summary: 'Clear a worker’s shift for one day',
          params: workingTimeParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        workingTimes.clear(actorOf(request), request.params.id, request.params.date);
        return reply.code(204).send();
      },
    );
  };
