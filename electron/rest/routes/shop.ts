import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shopSettingsInput, shopSettingsSchema } from '../../../shared/schemas/shop';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

export const shopRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);

    app.get(
      '/shop',
      {
        schema: {
          operationId: 'getShopSettings',
          tags: ['shop'],
          summary: 'The shop’s settings: name and address for receipts, currency, time zone, tax and rounding rules',
          response: { 200: shopSettingsSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => services.shop.get(actorOf(request)),
    );

    app.patch(
      '/shop',
      {
        schema: {
          operationId: 'updateShopSettings',
          tags: ['shop'],
          summary:
            'Change the shop’s settings (Super Admin; any subset; audited). `registration` is 409 while SHOPDESK_REGISTRATION fixes it',
          body: shopSettingsInput,
          response: { 200: shopSettingsSchema, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => services.shop.update(actorOf(request), request.body),
    );
  };
