import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { labelSheetInput } from '../../../shared/schemas/labels';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

const SHEET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Barcode labels of products: the printable sheet itself, for a browser or a label printer's driver. */
export const labelsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { labels } = services;

    app.post(
      '/labels',
      {
        schema: {
          operationId: 'createLabelSheet',
          tags: ['products'],
          summary:
            'Barcode labels of products (name, price, EAN-13 or Code 128) as a printable HTML sheet: A4 or a label printer (managers)',
          body: labelSheetInput,
          response: {
            200: {
              description: 'A standalone HTML document (inline CSS, no scripts): one label per copy, `@page` sized to the layout',
              content: { 'text/html': { schema: z.string() } },
            },
            ...errorResponses(401, 403),
          },
        },
      },
      async (request, reply) => {
        const sheet = labels.sheet(actorOf(request), request.body);
        return (
          reply
            .type('text/html; charset=utf-8')
            .header('X-Label-Count', String(sheet.count))
            // The sheet needs its own inline CSS and nothing else, wherever it is opened.
            .header('Content-Security-Policy', SHEET_POLICY)
            .send(sheet.html)
        );
      },
    );
  };
