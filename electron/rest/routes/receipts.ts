import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import { receiptEmailInput, receiptEmailResultSchema } from '../../../shared/schemas/receipt-email';
import { receiptDocumentSchema, receiptQuery, type ReceiptDocument, type ReceiptQuery } from '../../../shared/schemas/receipts';
import type { Services } from '../../core/create-services';
import { RECEIPT_PAGE_POLICY, renderReceiptHtml } from '../../core/receipts/render-html';
import { renderReceiptText } from '../../core/receipts/render-text';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

/** One receipt, three spellings: `format` picks the media type. */
const receiptResponses = {
  200: {
    description: 'The receipt: plain text of at most `width` columns, a standalone HTML page, or the document itself',
    content: {
      'text/plain': { schema: z.string() },
      'text/html': { schema: z.string() },
      'application/json': { schema: receiptDocumentSchema },
    },
  },
  ...errorResponses(401, 403, 404, 409),
};

const emailResponses = { 202: receiptEmailResultSchema, ...errorResponses(401, 403, 404, 409, 429) };

function sendReceipt(reply: FastifyReply, doc: ReceiptDocument, query: ReceiptQuery) {
  if (query.format === 'json') return reply.type('application/json; charset=utf-8').send(doc);
  if (query.format === 'html')
    return reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', `${RECEIPT_PAGE_POLICY}; frame-ancestors 'self'`)
      .send(renderReceiptHtml(doc, query.width));
  return reply.type('text/plain; charset=utf-8').send(renderReceiptText(doc, query.width));
}

export const receiptsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { receipts, receiptMail } = services;

    app.get(
      '/orders/:id/receipt',
      {
        schema: {
          operationId: 'getOrderReceipt',
          tags: ['orders'],
          summary:
            'A completed sale’s receipt, built from the stored sale: text (default, `width` 48 or 32 columns), html or json (whoever may read the order; an open or cancelled order is 409)',
          params: idParamSchema,
          querystring: receiptQuery,
          response: receiptResponses,
        },
      },
      async (request, reply) => sendReceipt(reply, receipts.forOrder(actorOf(request), request.params.id), request.query),
    );
    app.get(
      '/refunds/:id/receipt',
      {
        schema: {
          operationId: 'getRefundReceipt',
          tags: ['refunds'],
          summary:
            'A refund’s receipt ("Refund of receipt N"), built from the stored refund: text, html or json (whoever may read its order)',
          params: idParamSchema,
          querystring: receiptQuery,
          response: receiptResponses,
        },
      },
      async (request, reply) => sendReceipt(reply, receipts.forRefund(actorOf(request), request.params.id), request.query),
    );
    app.post(
      '/orders/:id/receipt/email',
      {
        schema: {
          operationId: 'emailOrderReceipt',
          tags: ['orders'],
          summary:
            'Send a completed sale’s receipt by e-mail (text with an HTML alternative), through the outbox: `queued`, or `outbox` when no mail server is set up (whoever may read the order; 429 past the per-account limit)',
          params: idParamSchema,
          body: receiptEmailInput,
          response: emailResponses,
        },
      },
      async (request, reply) => reply.code(202).send(await receiptMail.emailOrder(actorOf(request), request.params.id, request.body.to)),
    );
    app.post(
      '/refunds/:id/receipt/email',
      {
        schema: {
          operationId: 'emailRefundReceipt',
          tags: ['refunds'],
          summary: 'Send a refund’s receipt by e-mail, through the outbox (whoever may read its order; 429 past the per-account limit)',
          params: idParamSchema,
          body: receiptEmailInput,
          response: emailResponses,
        },
      },
      async (request, reply) => reply.code(202).send(await receiptMail.emailRefund(actorOf(request), request.params.id, request.body.to)),
    );
  };
