import { z } from 'zod';
import type { Actor } from '../actor';
import type { OrdersService } from '../orders/orders-service';
import type { CompletedSale } from './receipt-printing';

/** What of an answered order auto-print reads; anything else (an error body, an open order) is passed over. */
const saleShape = z.object({ id: z.number().int(), status: z.string(), register_id: z.number().int().nullable() });

export type AfterSale = (sale: CompletedSale, soldBy: number | null) => void;

/**
 * The orders service with an after-commit hook: `complete` and `create` (with `complete:
 * true`) answer once the sale's transaction has committed, and only then is its receipt
 * queued. The hook never throws (see ReceiptPrinting.afterSale), so the sale's answer is the
 * same with or without a printer.
 */
export function withAutoPrint<T extends Pick<OrdersService, 'create' | 'complete'>>(orders: T, afterSale: AfterSale): T {
  const notify = (actor: Actor, body: unknown) => {
    const sale = saleShape.safeParse(body);
    if (sale.success) afterSale(sale.data, actor.user.id);
  };
  return {
    ...orders,
    complete(...args: Parameters<OrdersService['complete']>) {
      const order = orders.complete(...args);
      notify(args[0], order);
      return order;
    },
    async create(...args: Parameters<OrdersService['create']>) {
      const response = await orders.create(...args);
      if (response.status === 201) notify(args[0], response.body);
      return response;
    },
  };
}
