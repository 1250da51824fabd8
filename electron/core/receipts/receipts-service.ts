import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registers, users } from '../../../db/schema';
import type { OrderDto } from '../../../shared/schemas/orders';
import type { ReceiptDocument } from '../../../shared/schemas/receipts';
import type { RefundDto } from '../../../shared/schemas/refunds';
import type { Actor } from '../actor';
import { DomainError, notFound } from '../errors';
import { findOrderById, withItems } from '../orders/order-queries';
import type { OrdersService } from '../orders/orders-service';
import { findRefundById, withRefundParts } from '../refunds/refund-queries';
import type { RefundsService } from '../refunds/refunds-service';
import type { ShopSettingsService } from '../shop/shop-settings-service';
import { refundReceipt, saleReceipt, type ReceiptContext } from './receipt-document';

export interface ReceiptsDeps {
  orders: Pick<OrdersService, 'get'>;
  refunds: Pick<RefundsService, 'get'>;
  shop: Pick<ShopSettingsService, 'current'>;
}

/** What the print queue names: a sale or a refund, by id. */
export interface ReceiptRef {
  type: 'order' | 'refund';
  id: number;
}

/**
 * Receipts are built at each ask from the stored sale or refund (API-SELLING.md, "Receipts and
 * printers"), never kept: reading one is reading its order, so the orders' and refunds' own
 * `get` decide who may (out of reach is 404, as for the order itself).
 */
export function createReceiptsService(db: Db, deps: ReceiptsDeps) {
  function personName(id: number | null): string | null {
    if (id === null) return null;
    const user = db
      .select({ username: users.username, first: users.firstName, last: users.lastName })
      .from(users)
      .where(eq(users.id, id))
      .get();
    if (!user) return null;
    const full = `${user.first} ${user.last}`.trim();
    return full === '' ? user.username : full;
  }

  function registerName(id: number | null): string | null {
    if (id === null) return null;
    return db.select({ name: registers.name }).from(registers).where(eq(registers.id, id)).get()?.name ?? null;
  }

  function context(cashierId: number | null, registerId: number | null): ReceiptContext {
    return { shop: deps.shop.current(), cashier: personName(cashierId), register: registerName(registerId), registerId };
  }

  const ofSale = (order: OrderDto) => saleReceipt(order, context(order.completed_by, order.register_id));
  const ofRefund = (refund: RefundDto, order: OrderDto) => refundReceipt(refund, order, context(refund.created_by, refund.register_id));

  function storedOrder(id: number): OrderDto {
    const row = findOrderById(db, id);
    const [order] = row ? withItems(db, [row]) : [];
    if (!order) throw notFound('Order');
    return order;
  }

  function storedRefund(id: number): RefundDto {
    const row = findRefundById(db, id);
    const [refund] = row ? withRefundParts(db, [row]) : [];
    if (!refund) throw new DomainError('not_found', 'No Refund matches the given query.');
    return refund;
  }

  return {
    /** A completed sale's receipt, for whoever may read the order (else 404; not completed 409). */
    forOrder(actor: Actor, orderId: number): ReceiptDocument {
      return ofSale(deps.orders.get(actor, orderId));
    },

    /** A refund's receipt, for whoever may read the refund (that is, its order). */
    forRefund(actor: Actor, refundId: number): ReceiptDocument {
      const refund = deps.refunds.get(actor, refundId);
      return ofRefund(refund, storedOrder(refund.order_id));
    },

    /** Without an actor: for the print queue, which prints what a till has just sold or refunded. */
    documentOf(ref: ReceiptRef): ReceiptDocument {
      if (ref.type === 'order') return ofSale(storedOrder(ref.id));
      const refund = storedRefund(ref.id);
      return ofRefund(refund, storedOrder(refund.order_id));
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
