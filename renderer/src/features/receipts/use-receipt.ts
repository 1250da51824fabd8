import { skipToken, useQuery } from '@tanstack/react-query';
import type { ReceiptDocument } from '../../../../shared/schemas/receipts';
import { useTRPC } from '../../trpc/client';
import { SCREEN_RECEIPT_WIDTH, type ReceiptTarget } from './receipt-target';

/** What the core answers for a receipt: the document, its text and its HTML. */
export interface ReceiptData {
  document: ReceiptDocument;
  text: string;
  html: string;
}

/** The core's receipt of a sale or a refund: the document and its HTML for printing. */
export function useReceipt(target: ReceiptTarget | null) {
  const trpc = useTRPC();
  const input = (kind: ReceiptTarget['kind']) => (target?.kind === kind ? { id: target.id, width: SCREEN_RECEIPT_WIDTH } : skipToken);
  // A receipt is built from a stored sale, which does not change: read once, kept while the app runs.
  const order = useQuery({ ...trpc.receipts.order.queryOptions(input('order')), staleTime: Infinity });
  const refund = useQuery({ ...trpc.receipts.refund.queryOptions(input('refund')), staleTime: Infinity });
  return target?.kind === 'refund' ? refund : order;
}
