import { z } from 'zod';
import { emailSchema } from './users';

/** `POST /orders/{id}/receipt/email` and `POST /refunds/{id}/receipt/email`. */
export const receiptEmailInput = z.strictObject({ to: emailSchema });
export type ReceiptEmailInput = z.infer<typeof receiptEmailInput>;

/** `queued`: it is being sent; `outbox`: no mail server is set up, so it waits in the outbox. */
export const RECEIPT_EMAIL_STATUSES = ['queued', 'outbox'] as const;

export const receiptEmailResultSchema = z
  .object({
    message_id: z.number().int(),
    status: z.enum(RECEIPT_EMAIL_STATUSES),
    /** A sentence for the person at the till. */
    message: z.string(),
  })
  .meta({ id: 'ReceiptEmailResult' });
export type ReceiptEmailResult = z.infer<typeof receiptEmailResultSchema>;
