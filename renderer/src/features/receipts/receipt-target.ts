import type { ReceiptWidth } from '../../../../shared/schemas/receipts';

/** Which receipt: a sale's (by order id) or a refund's (by refund id). */
export interface ReceiptTarget {
  kind: 'order' | 'refund';
  id: number;
}

/** On screen and on the desk's printer the receipt is the 80 mm one. */
export const SCREEN_RECEIPT_WIDTH: ReceiptWidth = 48;
