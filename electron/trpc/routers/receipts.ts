import { z } from 'zod';
import { receiptEmailInput } from '../../../shared/schemas/receipt-email';
import { RECEIPT_WIDTHS, type ReceiptDocument, type ReceiptWidth } from '../../../shared/schemas/receipts';
import { renderReceiptHtml } from '../../core/receipts/render-html';
import { renderReceiptText } from '../../core/receipts/render-text';
import { authedProcedure, router } from '../trpc';

const receiptInput = z.strictObject({
  id: z.number().int().positive(),
  width: z.literal(RECEIPT_WIDTHS, 'A receipt is 32 (58 mm paper) or 48 (80 mm paper) columns wide.').default(48),
});

const emailInput = receiptEmailInput.extend({ id: z.number().int().positive() });

const withRenderings = (document: ReceiptDocument, width: ReceiptWidth) => ({
  document,
  text: renderReceiptText(document, width),
  html: renderReceiptHtml(document, width),
});

/** The twins of `GET /orders/{id}/receipt` and `GET /refunds/{id}/receipt`: the document and both renderings. */
export const receiptsRouter = router({
  order: authedProcedure
    .input(receiptInput)
    .query(({ ctx, input }) => withRenderings(ctx.services.receipts.forOrder(ctx.actor, input.id), input.width)),
  refund: authedProcedure
    .input(receiptInput)
    .query(({ ctx, input }) => withRenderings(ctx.services.receipts.forRefund(ctx.actor, input.id), input.width)),
  /** The twins of `POST /orders/{id}/receipt/email` and `POST /refunds/{id}/receipt/email`. */
  emailOrder: authedProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => ctx.services.receiptMail.emailOrder(ctx.actor, input.id, input.to)),
  emailRefund: authedProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => ctx.services.receiptMail.emailRefund(ctx.actor, input.id, input.to)),
});
