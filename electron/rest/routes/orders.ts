import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import {
  completeOrderInput,
  createOrderInput,
  exportSalesQuery,
  idempotencyKeySchema,
  listOrdersQuery,
  orderSchema,
} from '../../../shared/schemas/orders';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

export const ordersRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { orders } = services;

    app.post(
      '/orders',
      {
        schema: {
          operationId: 'createOrder',
          tags: ['orders'],
          summary:
            'Place an order, or with `complete: true` sell it: priced (line and order discounts, taxes per rate), stock, payments, the register’s open session and the receipt number in one transaction; a discount beyond the creator’s limit needs a manager’s `approval`; `Idempotency-Key` makes retries safe',
          headers: z.object({ 'idempotency-key': idempotencyKeySchema.optional() }),
          body: createOrderInput,
          response: { 201: orderSchema, ...errorResponses(401, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const result = await orders.create(actorOf(request), request.body, {
          idempotencyKey: request.headers['idempotency-key'],
          clientKey: request.ip,
        });
        // A replay answers the first response again, status included (only 201s are stored).
        return reply.code(201).send(result.body as z.infer<typeof orderSchema>);
      },
    );
    app.get(
      '/orders',
      {
        schema: {
          operationId: 'listOrders',
          tags: ['orders'],
          summary: 'List orders, newest first (others’ orders need a manager)',
          querystring: listOrdersQuery,
          response: { 200: z.array(orderSchema), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = orders.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );
    app.get(
      '/orders/export.csv',
      {
        schema: {
          operationId: 'exportSales',
          tags: ['orders'],
          summary:
            'The accountant’s CSV: every line of the sales completed in the shop dates from–to, with its discount and tax (managers)',
          querystring: exportSalesQuery,
          response: {
            200: {
              description: 'Sales lines, UTF-8 CSV with CRLF line ends; money in cents',
              content: { 'text/csv': { schema: z.string() } },
            },
            ...errorResponses(401, 403),
          },
        },
      },
      async (request, reply) => {
        const csv = orders.exportCsv(actorOf(request), request.query);
        return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="sales.csv"').send(csv);
      },
    );
    app.get(
      '/orders/:id',
      {
        schema: {
          operationId: 'getOrder',
          tags: ['orders'],
          summary: 'Read an order',
          params: idParamSchema,
          response: { 200: orderSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => orders.get(actorOf(request), request.params.id),
    );
    app.post(
      '/orders/:id/complete',
      {
        schema: {
          operationId: 'completeOrder',
          tags: ['orders'],
          summary: 'Complete an open order: paid (one `other` payment when no payments are sent), numbered, in its register’s open session',
          params: idParamSchema,
          body: completeOrderInput.nullish(),
          response: { 200: orderSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => orders.complete(actorOf(request), request.params.id, request.body ?? {}),
    );
    app.post(
      '/orders/:id/cancel',
      {
        schema: {
          operationId: 'cancelOrder',
          tags: ['orders'],
          summary: 'Cancel an open order; its stock comes back exactly once',
          params: idParamSchema,
          body: z.strictObject({}).nullish(),
          response: { 200: orderSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => orders.cancel(actorOf(request), request.params.id),
    );
  };
