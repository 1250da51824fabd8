import type { Db } from '../../../db/client';
import { receiptEmailInput, type ReceiptEmailResult } from '../../../shared/schemas/receipt-email';
import type { ReceiptDocument } from '../../../shared/schemas/receipts';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { invalidField } from '../errors';
import type { Notifier } from '../notify/notifier';
import type { RateLimit, RateLimitOptions } from '../rate-limit';
import type { ReceiptsService } from './receipts-service';
import { renderReceiptHtml } from './render-html';
import { renderReceiptText } from './render-text';

/** Per account: enough for a busy till, too few to make the shop's mail server a spam relay. */
export const DEFAULT_RECEIPT_MAIL_LIMIT: RateLimitOptions = { points: 30, windowSeconds: 600 };
export const RECEIPT_MAIL_LIMIT_MESSAGE = 'Too many receipts sent by e-mail from this account. Try again later.';

/** An e-mail is read on a phone or a desktop, not on a roll: the wider (80 mm) layout. */
const MAIL_WIDTH = 48;

export interface ReceiptMailDeps {
  receipts: Pick<ReceiptsService, 'forOrder' | 'forRefund'>;
  notifier: Pick<Notifier, 'enqueue' | 'kick'>;
  limit: RateLimit;
}

/** A header holds one line: a shop name typed with a line break must not start another header. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

function subjectOf(doc: ReceiptDocument): string {
  const what = doc.kind === 'refund' ? `Refund receipt ${doc.receipt_no}` : `Receipt ${doc.receipt_no}`;
  const shop = oneLine(doc.shop.name);
  return shop === '' ? what : `${what} · ${shop}`;
}

function parseRecipient(raw: string): string {
  const parsed = receiptEmailInput.shape.to.safeParse(raw);
  if (!parsed.success) throw invalidField('to', parsed.error.issues[0]?.message ?? 'Enter a valid e-mail address.');
  return parsed.data;
}

/**
 * Receipts by e-mail (issue 14): the same document as on paper, as plain text with the HTML
 * rendering as its alternative, queued in the notifier's outbox so a slow or absent mail server
 * never holds up the till. Whoever may read the sale or refund may mail it, to any address
 * (the customer's), at most `limit` times per account.
 */
export function createReceiptMail(db: Db, deps: ReceiptMailDeps) {
  function send(actor: Actor, rawTo: string, load: () => ReceiptDocument, targetType: 'order' | 'refund', targetId: number) {
    const to = parseRecipient(rawTo);
    // Out of reach is 404 before anything counts against the account.
    const doc = load();
    return deps.limit.run(`user:${actor.user.id}`, async (): Promise<ReceiptEmailResult> => {
      const now = Date.now();
      const queued = db.transaction((tx) => {
        const message = deps.notifier.enqueue(
          tx,
          'email',
          { to, subject: subjectOf(doc), text: renderReceiptText(doc, MAIL_WIDTH), html: renderReceiptHtml(doc, MAIL_WIDTH) },
          now,
        );
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'receipt.emailed',
          targetType,
          targetId,
          after: { to, kind: doc.kind, receipt_no: doc.receipt_no, message_id: message.id, status: message.status },
          now,
        });
        return message;
      });
      if (queued.status === 'outbox')
        return {
          message_id: queued.id,
          status: 'outbox',
          message: 'No mail server is set up: the receipt is kept in the outbox, where the owner can see it.',
        };
      setImmediate(() => void deps.notifier.kick());
      return { message_id: queued.id, status: 'queued', message: `The receipt is on its way to ${to}.` };
    });
  }

  return {
    /** A completed sale's receipt by e-mail (404 out of reach, 409 not completed, 400 `fields.to`). */
    emailOrder(actor: Actor, orderId: number, to: string) {
      return send(actor, to, () => deps.receipts.forOrder(actor, orderId), 'order', orderId);
    },
    /** A refund's receipt by e-mail, for whoever may read its sale. */
    emailRefund(actor: Actor, refundId: number, to: string) {
      return send(actor, to, () => deps.receipts.forRefund(actor, refundId), 'refund', refundId);
    },
  };
}

export type ReceiptMail = ReturnType<typeof createReceiptMail>;
