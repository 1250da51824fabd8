import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../shared/schemas/common';
import {
  createPrinterInput,
  listPrintJobsQuery,
  printerSchema,
  printJobQueued,
  printJobSchema,
  printReceiptInput,
  updatePrinterInput,
} from '../../../shared/schemas/printing';
import type { Services } from '../../core/create-services';
import { actorOf, requireAuthentication } from '../authenticate-request';
import { errorResponses } from '../responses';

/** Printers and the print queue (API-SELLING.md, "Receipts and printers"); the rules live in core/printing. */
export const printingRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    requireAuthentication(app, services);
    const { printers, printQueue, receiptPrinting } = services;
    const printBody = printReceiptInput.nullish();

    app.get(
      '/printers',
      {
        schema: {
          operationId: 'listPrinters',
          tags: ['printers'],
          summary: 'The shop’s receipt printers (managers)',
          response: { 200: z.array(printerSchema), ...errorResponses(401, 403) },
        },
      },
      async (request) => printers.list(actorOf(request)),
    );
    app.post(
      '/printers',
      {
        schema: {
          operationId: 'createPrinter',
          tags: ['printers'],
          summary:
            'Add a printer: `network` (raw ESC/POS on `host[:port]`, port 9100 by default), `system` (an OS printer of the desktop app, by name) or `browser` (managers)',
          body: createPrinterInput,
          response: { 201: printerSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(printers.create(actorOf(request), request.body)),
    );
    app.patch(
      '/printers/:id',
      {
        schema: {
          operationId: 'updatePrinter',
          tags: ['printers'],
          summary: 'Change a printer (managers); a new kind or address is checked against each other',
          params: idParamSchema,
          body: updatePrinterInput,
          response: { 200: printerSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => printers.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/printers/:id',
      {
        schema: {
          operationId: 'deletePrinter',
          tags: ['printers'],
          summary: 'Hide a printer; its jobs stay, registers that used it have none (managers)',
          params: idParamSchema,
          response: { 204: z.undefined(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        printers.remove(actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/printers/:id/test',
      {
        schema: {
          operationId: 'printTestPage',
          tags: ['printers'],
          summary: 'Queue a test page (the printer’s name and a ruler of its width; never opens the drawer) (managers)',
          params: idParamSchema,
          body: z.strictObject({}).nullish(),
          response: { 202: printJobQueued, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(202).send({ job_id: receiptPrinting.printTestPage(actorOf(request), request.params.id) }),
    );
    app.post(
      '/orders/:id/receipt/print',
      {
        schema: {
          operationId: 'printOrderReceipt',
          tags: ['printers'],
          summary:
            'Queue a completed sale’s receipt on a printer, by default its register’s (whoever may read the sale); 409 when there is none or it is the browser’s. The sale never waits for paper',
          params: idParamSchema,
          body: printBody,
          response: { 202: printJobQueued, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(202).send({
          job_id: receiptPrinting.printReceipt(actorOf(request), { type: 'order', id: request.params.id }, request.body?.printer_id),
        }),
    );
    app.post(
      '/refunds/:id/receipt/print',
      {
        schema: {
          operationId: 'printRefundReceipt',
          tags: ['printers'],
          summary: 'Queue a refund’s receipt on a printer, by default its register’s (whoever may read the refund)',
          params: idParamSchema,
          body: printBody,
          response: { 202: printJobQueued, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(202).send({
          job_id: receiptPrinting.printReceipt(actorOf(request), { type: 'refund', id: request.params.id }, request.body?.printer_id),
        }),
    );
    app.post(
      '/cash-sessions/:id/report/print',
      {
        schema: {
          operationId: 'printCashSessionReport',
          tags: ['printers'],
          summary:
            'Queue a session’s X report (open) or Z report (closed) on a printer, by default its register’s (whoever may work the session)',
          params: idParamSchema,
          body: printBody,
          response: { 202: printJobQueued, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(202).send({ job_id: receiptPrinting.printReport(actorOf(request), request.params.id, request.body?.printer_id) }),
    );
    for (const type of ['order', 'refund'] as const) {
      app.get(
        type === 'order' ? '/orders/:id/receipt/print-jobs' : '/refunds/:id/receipt/print-jobs',
        {
          schema: {
            operationId: type === 'order' ? 'listOrderReceiptPrintJobs' : 'listRefundReceiptPrintJobs',
            tags: ['printers'],
            summary: `The print jobs of a ${type === 'order' ? 'sale' : 'refund'}’s receipt, newest first (whoever may read it): the till follows them`,
            params: idParamSchema,
            response: { 200: z.array(printJobSchema), ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) => receiptPrinting.jobsOfReceipt(actorOf(request), { type, id: request.params.id }),
      );
    }
    app.get(
      '/print-jobs',
      {
        schema: {
          operationId: 'listPrintJobs',
          tags: ['printers'],
          summary: 'The print queue, newest first, optionally of one status (managers)',
          querystring: listPrintJobsQuery,
          response: { 200: z.array(printJobSchema), ...errorResponses(401, 403) },
        },
      },
      async (request) => printQueue.list(actorOf(request), request.query),
    );
    app.get(
      '/print-jobs/:id',
      {
        schema: {
          operationId: 'getPrintJob',
          tags: ['printers'],
          summary: 'One print job (managers)',
          params: idParamSchema,
          response: { 200: printJobSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => printQueue.get(actorOf(request), request.params.id),
    );
    app.post(
      '/print-jobs/:id/retry',
      {
        schema: {
          operationId: 'retryPrintJob',
          tags: ['printers'],
          summary:
            'Send a queued or failed job again now, with a fresh round of retries; a printed one is 409 (managers; staff retry the receipts of sales they may read)',
          params: idParamSchema,
          body: z.strictObject({}).nullish(),
          response: { 202: printJobQueued, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(202).send({ job_id: receiptPrinting.retryJob(actorOf(request), request.params.id) }),
    );
  };
