import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import { createTaxRateInput, listTaxRatesQuery, taxRateSchema, updateTaxRateInput } from '../../../shared/schemas/tax-rates';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

export const taxRatesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { taxRates } = services;

    app.get(
      '/tax-rates',
      {
        schema: {
          operationId: 'listTaxRates',
          tags: ['tax-rates'],
          summary: 'The shop’s tax rates: the active ones, or all with `include_inactive=true` (anyone signed in)',
          querystring: listTaxRatesQuery,
          response: { 200: z.array(taxRateSchema), ...errorResponses(401, 403) },
        },
      },
      async (request) => taxRates.list(actorOf(request), request.query),
    );
    app.post(
      '/tax-rates',
      {
        schema: {
          operationId: 'createTaxRate',
          tags: ['tax-rates'],
          summary: 'Add a tax rate in basis points, 0–10000 (managers; audited). Its rate never changes afterwards',
          body: createTaxRateInput,
          response: { 201: taxRateSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(taxRates.create(actorOf(request), request.body)),
    );
    app.patch(
      '/tax-rates/:id',
      {
        schema: {
          operationId: 'updateTaxRate',
          tags: ['tax-rates'],
          summary: 'Rename, deactivate or reactivate a tax rate (managers; audited). `rate_bp` is 400: a new rate is a new row',
          params: idParamSchema,
          body: updateTaxRateInput,
          response: { 200: taxRateSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => taxRates.update(actorOf(request), request.params.id, request.body),
    );
  };
