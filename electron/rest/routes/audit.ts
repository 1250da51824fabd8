import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, listAuditQuery } from '../../../shared/schemas/audit';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { setNextLink } from '../pagination-link';
import { errorResponses } from '../responses';

export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    app.get(
      '/audit-log',
      {
        schema: {
          operationId: 'listAuditEntries',
          tags: ['audit'],
          summary: 'Who changed what and when (Super Admin: all; managers: about their workers), newest first',
          querystring: listAuditQuery,
          response: { 200: z.array(auditEntrySchema), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const page = services.audit.list(actorOf(request), request.query);
        setNextLink(request, reply, page.nextCursor);
        return page.items;
      },
    );
  };
