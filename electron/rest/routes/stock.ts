import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import {
  createStockReceiptInput,
  listStockMovementsQuery,
  listStockReceiptsQuery,
  lowStockItemSchema,
  lowStockQuery,
  stockMovementSchema,
  stockReceiptSchema,
} from '../../../shared/schemas/stock';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

/** The stock ledger (API-SELLING.md): history, goods receiving, what to reorder. */
export const stockRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { stockHistory, stockReceipts, lowStock } = services;

    app.get(
      '/products/:id/stock-movements',
      {
        schema: {
          operationId: 'listProductStockMovements',
          tags: ['stock'],
          summary: 'A product’s stock movements, newest first (managers; keyset pages)',
          params: idParamSchema,
          querystring: listStockMovementsQuery,
          response: { 200: z.array(stockMovementSchema), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const page = stockHistory.movements(actorOf(request), request.params.id, request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );
    app.get(
      '/products/low-stock',
      {
        schema: {
          operationId: 'listLowStockProducts',
          tags: ['stock'],
          summary: 'Active products at or below their reorder level (> 0), the shortest first (managers)',
          querystring: lowStockQuery,
          response: { 200: z.array(lowStockItemSchema), ...errorResponses(401, 403) },
        },
      },
      async (request) => lowStock.list(actorOf(request), request.query),
    );
    app.post(
      '/stock-receipts',
      {
        schema: {
          operationId: 'createStockReceipt',
          tags: ['stock'],
          summary: 'Receive goods: stock rises by every line, all or nothing (managers; audited)',
          body: createStockReceiptInput,
          response: { 201: stockReceiptSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(stockReceipts.create(actorOf(request), request.body)),
    );
    app.get(
      '/stock-receipts',
      {
        schema: {
          operationId: 'listStockReceipts',
          tags: ['stock'],
          summary: 'Goods receipts, newest first (managers; keyset pages)',
          querystring: listStockReceiptsQuery,
          response: { 200: z.array(stockReceiptSchema), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = stockReceipts.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );
    app.get(
      '/stock-receipts/:id',
      {
        schema: {
          operationId: 'getStockReceipt',
          tags: ['stock'],
          summary: 'One goods receipt with its lines (managers)',
          params: idParamSchema,
          response: { 200: stockReceiptSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => stockReceipts.get(actorOf(request), request.params.id),
    );
  };
