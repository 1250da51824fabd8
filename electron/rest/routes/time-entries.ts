import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import {
  clockStatusSchema,
  correctTimeEntryInput,
  listTimeEntriesQuery,
  timeEntriesRangeQuery,
  timeEntrySchema,
} from '../../../shared/schemas/time-entries';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

const TAGS = ['time-entries'];

export const timeEntriesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { timeClock } = services;

    app.get(
      '/me/clock',
      {
        schema: {
          operationId: 'getMyClock',
          tags: TAGS,
          summary: 'Your open time entry (null when not clocked in) and today’s planned shift (staff)',
          response: { 200: clockStatusSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => timeClock.current(actorOf(request)),
    );
    app.post(
      '/me/clock-in',
      {
        schema: {
          operationId: 'clockIn',
          tags: TAGS,
          summary: 'Clock in (staff); 409 `invalid_state` when already clocked in',
          body: z.strictObject({}).nullish(),
          response: { 201: timeEntrySchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(timeClock.clockIn(actorOf(request))),
    );
    app.post(
      '/me/clock-out',
      {
        schema: {
          operationId: 'clockOut',
          tags: TAGS,
          summary: 'Clock out (staff); 409 `invalid_state` when not clocked in',
          body: z.strictObject({}).nullish(),
          response: { 200: timeEntrySchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => timeClock.clockOut(actorOf(request)),
    );
    app.get(
      '/users/:id/time-entries',
      {
        schema: {
          operationId: 'listUserTimeEntries',
          tags: TAGS,
          summary: 'One person’s time entries between two shop dates (inclusive), by clock-in (self, their manager, the Super Admin)',
          params: idParamSchema,
          querystring: timeEntriesRangeQuery,
          response: { 200: z.array(timeEntrySchema), ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => timeClock.listForUser(actorOf(request), request.params.id, request.query),
    );
    app.get(
      '/time-entries',
      {
        schema: {
          operationId: 'listTimeEntries',
          tags: TAGS,
          summary: 'Time entries between two shop dates (inclusive), by clock-in (managers: their workers; Super Admin: all)',
          querystring: listTimeEntriesQuery,
          response: { 200: z.array(timeEntrySchema), ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => timeClock.list(actorOf(request), request.query),
    );
    app.get(
      '/time-entries/export.csv',
      {
        schema: {
          operationId: 'exportTimesheet',
          tags: TAGS,
          summary: 'The payroll timesheet as CSV: one row per person and shop date (same people and range as the list)',
          querystring: listTimeEntriesQuery,
          response: {
            200: { description: 'The timesheet, UTF-8 CSV with CRLF line ends', content: { 'text/csv': { schema: z.string() } } },
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const csv = timeClock.exportCsv(actorOf(request), request.query);
        return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="timesheet.csv"').send(csv);
      },
    );
    app.patch(
      '/time-entries/:id',
      {
        schema: {
          operationId: 'correctTimeEntry',
          tags: TAGS,
          summary: 'Correct a worker’s clock-in or clock-out with a reason (their manager, the Super Admin); audited',
          params: idParamSchema,
          body: correctTimeEntryInput,
          response: { 200: timeEntrySchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => timeClock.correct(actorOf(request), request.params.id, request.body),
    );
  };
