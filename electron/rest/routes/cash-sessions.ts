import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cashMovementInput,
  cashMovementSchema,
  cashReportSchema,
  cashSessionSchema,
  closeCashSessionInput,
  listCashSessionsQuery,
  openCashSessionInput,
} from '../../../shared/schemas/cash';
import { idParamSchema } from '../../../shared/schemas/common';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

export const cashSessionsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { cashSessions } = services;

    app.post(
      '/cash-sessions',
      {
        schema: {
          operationId: 'openCashSession',
          tags: ['cash-sessions'],
          summary: 'Open a drawer on a register with its float; one open session per register (409 `session_open`)',
          body: openCashSessionInput,
          response: { 201: cashSessionSchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(cashSessions.open(actorOf(request), request.body)),
    );
    app.get(
      '/cash-sessions',
      {
        schema: {
          operationId: 'listCashSessions',
          tags: ['cash-sessions'],
          summary: 'List cash sessions, newest first (managers see all; other staff the ones they opened)',
          querystring: listCashSessionsQuery,
          response: { 200: z.array(cashSessionSchema), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = cashSessions.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );
    app.get(
      '/cash-sessions/:id',
      {
        schema: {
          operationId: 'getCashSession',
          tags: ['cash-sessions'],
          summary: 'Read a cash session; `expected_cash_cents` runs while it is open',
          params: idParamSchema,
          response: { 200: cashSessionSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => cashSessions.get(actorOf(request), request.params.id),
    );
    app.post(
      '/cash-sessions/:id/movements',
      {
        schema: {
          operationId: 'addCashMovement',
          tags: ['cash-sessions'],
          summary: 'Put cash into or take it out of an open drawer without a sale (float top-up, safe drop, paid-out)',
          params: idParamSchema,
          body: cashMovementInput,
          response: { 201: cashMovementSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(cashSessions.addMovement(actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cash-sessions/:id/close',
      {
        schema: {
          operationId: 'closeCashSession',
          tags: ['cash-sessions'],
          summary:
            'Close a drawer by its count; a variance beyond the shop’s `variance_approval_cents` is 403 `approval_required` for a cashier or attendant (audited)',
          params: idParamSchema,
          body: closeCashSessionInput,
          response: { 200: cashSessionSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => cashSessions.close(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/cash-sessions/:id/report',
      {
        schema: {
          operationId: 'getCashSessionReport',
          tags: ['cash-sessions'],
          summary: 'The X report of an open session, the Z report of a closed one, from the session’s own rows',
          params: idParamSchema,
          response: { 200: cashReportSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => cashSessions.report(actorOf(request), request.params.id),
    );
  };
