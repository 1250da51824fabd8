import { z } from 'zod';
import { createPrinterInput, listPrintJobsQuery, printReceiptInput, updatePrinterInput } from '../../../shared/schemas/printing';
import { authedProcedure, router } from '../trpc';

const id = z.number().int().positive();

/** The twins of `/printers` and `/print-jobs`; the rules live in the core. */
export const printingRouter = router({
  list: authedProcedure.query(({ ctx }) => ctx.services.printers.list(ctx.actor)),
  create: authedProcedure.input(createPrinterInput).mutation(({ ctx, input }) => ctx.services.printers.create(ctx.actor, input)),
  update: authedProcedure
    .input(z.strictObject({ id, changes: updatePrinterInput }))
    .mutation(({ ctx, input }) => ctx.services.printers.update(ctx.actor, input.id, input.changes)),
  /** The desktop's OS printers to choose a system printer's name from (`available: false` in a browser). */
  systemPrinters: authedProcedure.query(({ ctx }) => ctx.services.systemPrinters.list(ctx.actor)),
  remove: authedProcedure.input(z.strictObject({ id })).mutation(({ ctx, input }) => ctx.services.printers.remove(ctx.actor, input.id)),
  testPage: authedProcedure
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) => ({ job_id: ctx.services.receiptPrinting.printTestPage(ctx.actor, input.id) })),
  printOrderReceipt: authedProcedure.input(printReceiptInput.extend({ order_id: id })).mutation(({ ctx, input }) => ({
    job_id: ctx.services.receiptPrinting.printReceipt(ctx.actor, { type: 'order', id: input.order_id }, input.printer_id),
  })),
  printRefundReceipt: authedProcedure.input(printReceiptInput.extend({ refund_id: id })).mutation(({ ctx, input }) => ({
    job_id: ctx.services.receiptPrinting.printReceipt(ctx.actor, { type: 'refund', id: input.refund_id }, input.printer_id),
  })),
  printCashSessionReport: authedProcedure.input(printReceiptInput.extend({ session_id: id })).mutation(({ ctx, input }) => ({
    job_id: ctx.services.receiptPrinting.printReport(ctx.actor, input.session_id, input.printer_id),
  })),
  receiptJobs: authedProcedure
    .input(z.strictObject({ type: z.enum(['order', 'refund']), id }))
    .query(({ ctx, input }) => ctx.services.receiptPrinting.jobsOfReceipt(ctx.actor, input)),
  jobs: authedProcedure.input(listPrintJobsQuery).query(({ ctx, input }) => ctx.services.printQueue.list(ctx.actor, input)),
  job: authedProcedure.input(z.strictObject({ id })).query(({ ctx, input }) => ctx.services.printQueue.get(ctx.actor, input.id)),
  retryJob: authedProcedure
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) => ({ job_id: ctx.services.receiptPrinting.retryJob(ctx.actor, input.id) })),
});
