import type { ReceiptDocument, ReceiptWidth } from '../../../shared/schemas/receipts';
import { receiptTextLines } from './receipt-layout';

/** The receipt as plain text (an e-mail, `format=text`): at most `width` columns a line, `\n` line ends. */
export function renderReceiptText(doc: ReceiptDocument, width: ReceiptWidth): string {
  return `${receiptTextLines(doc, width).join('\n')}\n`;
}
