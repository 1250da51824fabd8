import type { PaymentMethod } from '../../../../shared/schemas/orders';
import type { RefundDto } from '../../../../shared/schemas/refunds';

const TENDER_NAMES: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** "1 × Mug (restocked), 2 × Cup (damaged)". */
export const linesText = (refund: Pick<RefundDto, 'items'>) =>
  refund.items.map((item) => `${item.amount} × ${item.name} (${item.restock ? 'restocked' : 'damaged'})`).join(', ');

/** "Cash" or "Card + Cash"; "Nothing paid back" for a refund of 0. */
export const tendersText = (refund: Pick<RefundDto, 'payments'>) =>
  refund.payments.length === 0 ? 'Nothing paid back' : refund.payments.map((payment) => TENDER_NAMES[payment.method]).join(' + ');
