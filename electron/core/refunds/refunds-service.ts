import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { orderItems, orders, orderTaxes, payments, products, refundItems, refunds, refundTaxes } from '../../../db/schema';
import { can, mayReadOrder } from '../../../shared/permissions';
import {
  pricesIncludedTax,
  priceRefund,
  PricingInputError,
  RefundExceedsSaleError,
  type PricedRefund,
  type RateBalance,
  type RefundLineInput,
} from '../../../shared/pricing';
import type { CreateRefundInput, RefundDto } from '../../../shared/schemas/refunds';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { prepareSaleTill } from '../cash/sale-till';
import { recordStockMovement } from '../catalog/stock-movements';
import { DomainError, invalidField, notFound } from '../errors';
import { findReplay, rememberResponse, requestFingerprint, type StoredResponse } from '../orders/idempotency';
import { findOrderById, type OrderRow } from '../orders/order-queries';
import { settleTenders } from '../orders/tenders';
import { requirePermission } from '../permissions';
import type { Approver, VerifyApproval } from '../pins/approval';
import { prepareReceiptNumbers } from '../receipts/receipt-numbers';
import type { SaleSettings } from '../shop/shop-settings-service';
import { findRefundById, refundedNetByItem, refundedTaxByRate, refundsOfOrder, withRefundParts } from './refund-queries';

export interface RefundsDeps {
  /** The shop's `cash_rounding_cents`, read at each refund. */
  saleSettings(): SaleSettings;
  /** A manager's PIN consent (electron/core/pins/approval.ts). */
  verifyApproval: VerifyApproval;
}

type ItemRow = typeof orderItems.$inferSelect;

const APPROVAL_REQUIRED = 'A refund by a cashier or attendant needs a manager’s approval.';

function assertRefundable(order: OrderRow | undefined): OrderRow {
  if (!order) throw notFound('Order');
  if (order.status !== 'completed')
    throw new DomainError('invalid_state', `Only completed sales can be refunded; this order is ${order.status}.`);
  return order;
}

/** The sold lines named by the refund, in its order; an id not on this sale is 400 naming the line. */
function soldLinesOf(items: ItemRow[], input: CreateRefundInput): ItemRow[] {
  return input.items.map((line, index) => {
    const item = items.find((candidate) => candidate.id === line.order_item_id);
    if (!item) throw invalidField(`items.${index}.order_item_id`, 'This line is not on the sale.');
    return item;
  });
}

function exceedsSale(error: RefundExceedsSaleError, input: CreateRefundInput): DomainError {
  return new DomainError('refund_exceeds_sale', 'Some lines ask for more units than are left to refund.', {
    details: error.lines.map((line) => ({
      order_item_id: input.items[line.index]?.order_item_id ?? null,
      requested: line.requested,
      refundable: line.refundable,
    })),
  });
}

/**
 * Refunds against completed sales (API-SELLING.md, "Refunds"). Everything a refund checks and
 * writes is one synchronous transaction: better-sqlite3 runs one at a time, so two refunds of a
 * line's last unit cannot both see it unrefunded. The approver's PIN (bcrypt, async) is checked
 * before it.
 */
export function createRefundsService(db: Db, deps: RefundsDeps) {
  const saleTill = prepareSaleTill(db);
  const receiptNumbers = prepareReceiptNumbers(db);

  /** What is left of each of the sale's rates before this refund. */
  function rateBalances(tx: DbOrTx, order: OrderRow): RateBalance[] {
    const refunded = refundedTaxByRate(tx, order.id);
    return tx
      .select()
      .from(orderTaxes)
      .where(eq(orderTaxes.orderId, order.id))
      .all()
      .map((tax) => ({ tax_rate_id: tax.taxRateId, sold_tax_cents: tax.taxCents, refunded_tax_cents: refunded.get(tax.taxRateId) ?? 0 }));
  }

  /**
   * The refunded lines first, in the refund's order (so the answer's lines and the excess
   * indexes match `input.items`), then the sale's other lines at 0, so that priceRefund sees
   * when a rate's last units go.
   */
  function price(tx: DbOrTx, order: OrderRow, items: ItemRow[], sold: ItemRow[], input: CreateRefundInput): PricedRefund {
    const refundedNet = refundedNetByItem(tx, order.id);
    const lineOf = (item: ItemRow, refundAmount: number): RefundLineInput => ({
      net_line_cents: item.netLineCents,
      sold_amount: item.amount,
      refunded_amount: item.refundedAmount,
      refunded_net_cents: refundedNet.get(item.id) ?? 0,
      refund_amount: refundAmount,
      tax_rate:
        item.taxRateId === null || item.rateBp === null ? null : { id: item.taxRateId, name: item.taxName ?? '', rate_bp: item.rateBp },
    });
    const refundedNow = new Set(sold.map((item) => item.id));
    const untouched = items.filter((item) => !refundedNow.has(item.id));
    try {
      return priceRefund({
        lines: [...sold.map((item, index) => lineOf(item, input.items[index]?.amount ?? 0)), ...untouched.map((item) => lineOf(item, 0))],
        // Gross or net as when the sale was made, not as the shop is set now.
        prices_include_tax: pricesIncludedTax({
          total_cents: order.totalCents,
          tax_cents: order.taxCents,
          items: items.map((item) => ({ net_line_cents: item.netLineCents })),
        }),
        rate_balances: rateBalances(tx, order),
      });
    } catch (error) {
      if (error instanceof RefundExceedsSaleError) throw exceedsSale(error, input);
      if (error instanceof PricingInputError)
        throw new DomainError('validation_failed', `The sale cannot be refunded as asked: ${error.message}`);
      throw error;
    }
  }

  function refundNow(actor: Actor, orderId: number, input: CreateRefundInput, approver: Approver | null, now: number): RefundDto {
    const order = assertRefundable(findOrderById(db, orderId));
    const items = db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
    const sold = soldLinesOf(items, input);
    const till = saleTill.resolve(input.register_id);
    const priced = price(db, order, items, sold, input);
    const settled = settleTenders(priced.total_cents, input.payments, deps.saleSettings().cashRoundingCents);
    const refund = db
      .insert(refunds)
      .values({
        orderId: order.id,
        receiptNo: receiptNumbers.next(now),
        registerId: till.registerId,
        cashSessionId: till.cashSessionId,
        totalCents: priced.total_cents,
        taxCents: priced.tax_cents,
        roundingCents: settled.roundingCents,
        reason: input.reason,
        createdBy: actor.user.id,
        approvedBy: approver?.id ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    sold.forEach((item, index) => {
      const line = input.items[index];
      const pricedLine = priced.lines[index];
      if (!line || !pricedLine) throw new Error('refund line missing');
      // Guarded: even a bug elsewhere cannot refund a line beyond what was sold.
      const bumped = db
        .update(orderItems)
        .set({ refundedAmount: sql`${orderItems.refundedAmount} + ${line.amount}` })
        .where(and(eq(orderItems.id, item.id), sql`${orderItems.refundedAmount} + ${line.amount} <= ${orderItems.amount}`))
        .run();
      if (bumped.changes !== 1) throw new Error('a refund line went beyond the sale');
      db.insert(refundItems)
        .values({
          refundId: refund.id,
          orderItemId: item.id,
          productId: item.productId,
          name: item.name,
          amount: line.amount,
          restock: line.restock,
          netLineCents: pricedLine.net_line_cents,
          taxCents: pricedLine.tax_cents,
          taxRateId: pricedLine.tax_rate_id,
          rateBp: pricedLine.rate_bp,
        })
        .run();
      if (!line.restock) return;
      db.update(products)
        .set({ stock: sql`${products.stock} + ${line.amount}` })
        .where(eq(products.id, item.productId))
        .run();
      recordStockMovement(db, {
        productId: item.productId,
        delta: line.amount,
        reason: 'refund',
        refType: 'refund',
        refId: refund.id,
        note: null,
        userId: actor.user.id,
        createdAt: now,
      });
    });
    for (const tax of priced.taxes) {
      db.insert(refundTaxes)
        .values({
          refundId: refund.id,
          taxRateId: tax.tax_rate_id,
          name: tax.name,
          rateBp: tax.rate_bp,
          taxableCents: tax.taxable_cents,
          taxCents: tax.tax_cents,
        })
        .run();
    }
    for (const tender of settled.tenders) {
      db.insert(payments)
        .values({ refundId: refund.id, ...tender, cashSessionId: till.cashSessionId, createdAt: now })
        .run();
    }
    db.update(orders)
      .set({ refundedCents: sql`${orders.refundedCents} + ${priced.total_cents}` })
      .where(eq(orders.id, order.id))
      .run();
    recordAudit(db, {
      actorId: actor.user.id,
      action: 'refund.created',
      targetType: 'refund',
      targetId: refund.id,
      after: {
        order_id: order.id,
        receipt_no: refund.receiptNo,
        total_cents: refund.totalCents,
        units: input.items.reduce((sum, line) => sum + line.amount, 0),
        reason: input.reason,
        // The audit row names both people: the actor and who approved.
        approved_by: approver?.id ?? null,
        approved_by_username: approver?.username ?? null,
      },
      now,
    });
    const [dto] = withRefundParts(db, [refund]);
    if (!dto) throw new Error('refund vanished');
    return dto;
  }

  /** The order if the actor may read its refunds: those of an order out of reach do not exist. */
  function readableOrder(actor: Actor, orderId: number): OrderRow | undefined {
    requirePermission(actor, 'orders.read');
    const order = findOrderById(db, orderId);
    const relation = order?.userId === actor.user.id ? 'own' : 'other';
    return order && mayReadOrder(actor.role, relation, order.status === 'completed') ? order : undefined;
  }

  return {
    /**
     * Refunds lines of a completed sale. A manager refunds alone; a cashier or attendant needs
     * a manager's `approval` (403 `approval_required` without). The order is checked before any
     * PIN is tried, and again in the transaction. With an Idempotency-Key a retry answers the
     * first refund again.
     */
    async create(
      actor: Actor,
      orderId: number,
      input: CreateRefundInput,
      request: { idempotencyKey?: string } = {},
      now = Date.now(),
    ): Promise<StoredResponse> {
      requirePermission(actor, 'refunds.create', 'Customers cannot refund sales.');
      assertRefundable(findOrderById(db, orderId));
      const needsApproval = !can(actor.role, 'refunds.approve');
      if (needsApproval && !input.approval) throw new DomainError('approval_required', APPROVAL_REQUIRED);
      // An approval sent by a manager is checked too, but approves nothing and is not recorded.
      const verified = input.approval ? await deps.verifyApproval(input.approval, 'refunds.approve', now) : null;
      const approver = needsApproval ? verified : null;
      const { idempotencyKey } = request;
      return db.transaction((): StoredResponse => {
        if (!idempotencyKey) return { status: 201, body: refundNow(actor, orderId, input, approver, now) };
        // The approver's PIN stays out of the stored fingerprint (it was checked already).
        const fingerprint = requestFingerprint({ order_id: orderId, ...input, approval: input.approval?.username });
        const replay = findReplay(db, actor.user.id, idempotencyKey, fingerprint);
        if (replay) return replay;
        const response = { status: 201, body: refundNow(actor, orderId, input, approver, now) };
        rememberResponse(db, actor.user.id, idempotencyKey, fingerprint, response, now);
        return response;
      });
    },

    /** An order's refunds, oldest first: whoever may read the order reads them. */
    listForOrder(actor: Actor, orderId: number): RefundDto[] {
      const order = readableOrder(actor, orderId);
      if (!order) throw notFound('Order');
      return withRefundParts(db, refundsOfOrder(db, order.id));
    },

    get(actor: Actor, id: number): RefundDto {
      requirePermission(actor, 'orders.read');
      const refund = findRefundById(db, id);
      const [dto] = refund && readableOrder(actor, refund.orderId) ? withRefundParts(db, [refund]) : [];
      if (!dto) throw new DomainError('not_found', 'No Refund matches the given query.');
      return dto;
    },
  };
}

export type RefundsService = ReturnType<typeof createRefundsService>;
