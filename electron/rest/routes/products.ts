import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adjustStockInput,
  createProductInput,
  listProductsQuery,
  productSchema,
  updateProductInput,
} from '../../../shared/schemas/catalog';
import { idParamSchema } from '../../../shared/schemas/common';
import { stockMovementSchema } from '../../../shared/schemas/stock';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { encodeOnce } from '../encode-once';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

const errors = errorResponses(401, 403, 404);
const productList = z.array(productSchema);
// The catalog hands out the same page while nothing changed: it is encoded once, not per request.
const sendProductList = encodeOnce(productList, { method: 'GET', url: '/api/v1/products' });

export const productsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { catalog } = services;

    app.get(
      '/products',
      {
        schema: {
          operationId: 'listProducts',
          tags: ['products'],
          summary: 'List products (search by name, SKU or barcode; keyset pages)',
          querystring: listProductsQuery,
          response: { 200: productList, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = catalog.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return sendProductList(reply, page.items);
      },
    );
    app.get(
      '/products/:id',
      {
        schema: {
          operationId: 'getProduct',
          tags: ['products'],
          summary: 'Read a product (also a deactivated one)',
          params: idParamSchema,
          response: { 200: productSchema, ...errors },
        },
      },
      async (request) => catalog.get(actorOf(request), request.params.id),
    );
    app.post(
      '/products',
      {
        schema: {
          operationId: 'createProduct',
          tags: ['products'],
          summary: 'Create a product (managers)',
          body: createProductInput,
          response: { 201: productSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(catalog.create(actorOf(request), request.body)),
    );
    app.patch(
      '/products/:id',
      {
        schema: {
          operationId: 'updateProduct',
          tags: ['products'],
          summary: 'Update a product (managers); `stock` is an absolute count, audited as an adjustment of the difference ("set by PATCH")',
          params: idParamSchema,
          body: updateProductInput,
          response: { 200: productSchema, ...errors },
        },
      },
      async (request) => catalog.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/products/:id',
      {
        schema: {
          operationId: 'deleteProduct',
          tags: ['products'],
          summary: 'Deactivate a product (managers)',
          params: idParamSchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        catalog.remove(actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/products/:id/stock-adjustments',
      {
        schema: {
          operationId: 'adjustProductStock',
          tags: ['products'],
          summary: 'Add or remove stock with a reason (managers; audited); answers with the movement it wrote',
          params: idParamSchema,
          body: adjustStockInput,
          response: { 201: stockMovementSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { movement } = catalog.adjustStock(actorOf(request), request.params.id, request.body.delta, request.body.reason);
        return reply.code(201).send(movement);
      },
    );
  };
