import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import { idempotencyKeySchema } from '../../../shared/schemas/orders';
import { createRefundInput, refundSchema } from '../../../shared/schemas/refunds';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

export const refundsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { refunds } = services;

    app.post(
      '/orders/:id/refunds',
      {
        schema: {
          operationId: 'createRefund',
          tags: ['refunds'],
          summary:
            'Refund lines of a completed sale: units restocked or damaged, money paid back by tender from the register’s open session, its own receipt number; a cashier or attendant needs a manager’s `approval`; `Idempotency-Key` makes retries safe',
          params: idParamSchema,
          headers: z.object({ 'idempotency-key': idempotencyKeySchema.optional() }),
          body: createRefundInput,
          response: { 201: refundSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const result = await refunds.create(actorOf(request), request.params.id, request.body, {
          idempotencyKey: request.headers['idempotency-key'],
        });
        // A replay answers the first response again (only 201s are stored).
        return reply.code(201).send(result.body as z.infer<typeof refundSchema>);
      },
    );
    app.get(
      '/orders/:id/refunds',
      {
        schema: {
          operationId: 'listOrderRefunds',
          tags: ['refunds'],
          summary: 'The refunds of a sale, oldest first (whoever may read the order)',
          params: idParamSchema,
          response: { 200: z.array(refundSchema), ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => refunds.listForOrder(actorOf(request), request.params.id),
    );
    app.get(
      '/refunds/:id',
      {
        schema: {
          operationId: 'getRefund',
          tags: ['refunds'],
          summary: 'Read a refund (whoever may read its order)',
          params: idParamSchema,
          response: { 200: refundSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => refunds.get(actorOf(request), request.params.id),
    );
  };
