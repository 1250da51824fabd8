import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { orderItems, orders, products, users } from '../../../db/schema';
import type { CompleteOrderInput, CreateOrderInput, ListOrdersQuery, OrderDto } from '../../../shared/schemas/orders';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import { can, mayReadOrder, reachCovers, reachOf } from '../../../shared/permissions';
import { ROLE_IDS } from '../../../shared/roles';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, forbidden, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { prepareOrderLineMovement } from '../catalog/stock-movements';
import { createOrderListStatements, type OrderListShape } from './order-list-statement';
import type { Approver, VerifyApproval } from '../pins/approval';
import type { SaleSettings } from '../shop/shop-settings-service';
import type { TaxRateRef } from '../../../shared/pricing';
import { prepareSaleTill, type SaleTill } from '../cash/sale-till';
import { prepareReceiptNumbers } from '../receipts/receipt-numbers';
import type { RateLimit } from '../rate-limit';
import { findReplay, purgeIdempotencyKeys, rememberResponse, requestFingerprint, type StoredResponse } from './idempotency';
import { findOrderById, withItems, type OrderRow } from './order-queries';
import { settleTenders, type SettledTenders } from './tenders';
import { CUSTOMER_ORDER_CAPS, type CustomerOrderCaps } from './customer-caps';
import { preparePlaceOrder } from './place-order';
import { createGroupCommit } from './group-commit';
import { createSalesExport } from './sales-export';

const HOUR_MS = 3_600_000;
/** In the table (shared/permissions.ts) customers are the ones who may never complete an order. */
const COMPLETE_REFUSAL = 'Customers cannot complete orders.';

export interface OrdersDeps {
  /** Hours after which a customer's open order is cancelled and its stock freed (0: never). */
  customerOrderExpiryHours(): number;
  /** Customers' new orders per client address. */
  customerOrderLimit: RateLimit;
  caps?: Partial<CustomerOrderCaps>;
  /** The shop's `prices_include_tax` and `cash_rounding_cents`, read at each sale and completion. */
  saleSettings(): SaleSettings;
  /** Each product's rate as a sale copies it. */
  taxRateRefsOf(productIds: readonly number[]): Map<number, TaxRateRef | null>;
  /** A manager's PIN consent (electron/core/pins/approval.ts), for a discount beyond the creator's limit. */
  verifyApproval: VerifyApproval;
  /** The shop's `time_zone`, read at each list: `from`/`to` are its dates. */
  timeZone(): string;
}

/** Who asked, for the idempotency scope and the per-address limit. */
export interface OrderRequest {
  idempotencyKey?: string;
  /** The client address (or desktop window); none for the core itself (the demo). */
  clientKey?: string;
}

/**
 * Orders (webstore seed, docs/contract/API.md): the stock check, the stock decrement and the insert are one
 * synchronous transaction, so no order is oversold or half-applied; cancel restocks once.
 */
export function createOrdersService(db: Db, deps: OrdersDeps) {
  const readsEveryonesOrders = (actor: Actor) => reachOf(actor.role, 'orders.read') === 'any';
  const caps: CustomerOrderCaps = { ...CUSTOMER_ORDER_CAPS, ...deps.caps };

  /** An order within the actor's reach for `action` (own, or any); others' orders answer 404. */
  function loadReachable(actor: Actor, id: number, action: 'orders.complete' | 'orders.cancel'): OrderRow {
    const reach = requirePermission(actor, action);
    const order = findOrderById(db, id);
    if (!order || !reachCovers(reach, order.userId === actor.user.id ? 'own' : 'other')) throw notFound('Order');
    return order;
  }

  /** An order the actor may read: their own, or any (managers), or any completed sale (staff). */
  function loadReadable(actor: Actor, id: number): OrderRow {
    requirePermission(actor, 'orders.read');
    const order = findOrderById(db, id);
    const relation = order?.userId === actor.user.id ? 'own' : 'other';
    if (!order || !mayReadOrder(actor.role, relation, order.status === 'completed')) throw notFound('Order');
    return order;
  }

  const placeOrder = preparePlaceOrder(db, { caps, saleSettings: deps.saleSettings, taxRateRefsOf: deps.taxRateRefsOf });
  const recordLineMovement = prepareOrderLineMovement(db);
  const saleTill = prepareSaleTill(db);
  const receiptNumbers = prepareReceiptNumbers(db);
  const orderListStatement = createOrderListStatements(db);

  /**
   * Moves an open order to cancelled and puts its stock back; false when it was not open. The
   * restock runs only for the one call that moved the order out of "open": stock comes back once,
   * as one `cancel` movement per line by `userId` (null: the shop's own expiry).
   */
  function cancelOpenOrder(tx: DbOrTx, id: number, userId: number | null, now: number): boolean {
    const moved = tx
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(orders.id, id), eq(orders.status, 'open')))
      .run();
    if (moved.changes !== 1) return false;
    for (const item of tx.select().from(orderItems).where(eq(orderItems.orderId, id)).all()) {
      tx.update(products)
        .set({ stock: sql`${products.stock} + ${item.amount}` })
        .where(eq(products.id, item.productId))
        .run();
      recordLineMovement.run({ productId: item.productId, delta: item.amount, reason: 'cancel', orderId: id, userId, now });
    }
    return true;
  }

  /**
   * Completes an open order on its till: paid, numbered and in the drawer's session, all in the
   * caller's transaction. False when the order was no longer open.
   */
  function completeOpenOrder(tx: DbOrTx, order: OrderRow, actor: Actor, input: CompleteOrderInput, now: number): boolean {
    const till: SaleTill = saleTill.resolve(input.register_id);
    // Priced when it was created (API-SELLING.md): completing only adds the tenders and the rounding.
    const settled: SettledTenders = settleTenders(order.totalCents, input.payments, deps.saleSettings().cashRoundingCents);
    const moved = tx
      .update(orders)
      .set({
        status: 'completed',
        completedAt: now,
        completedBy: actor.user.id,
        receiptNo: receiptNumbers.next(now),
        registerId: till.registerId,
        cashSessionId: till.cashSessionId,
        dueCents: settled.dueCents,
        roundingCents: settled.roundingCents,
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'open')))
      .run();
    if (moved.changes !== 1) return false;
    saleTill.recordPayments(order.id, till, settled.tenders, now);
    return true;
  }

  function transition(actor: Actor, id: number, to: 'completed' | 'cancelled', input: CompleteOrderInput, now: number): OrderDto {
    return db.transaction((tx) => {
      const before = loadReachable(actor, id, to === 'completed' ? 'orders.complete' : 'orders.cancel');
      if (before.status !== 'open') throw new DomainError('invalid_state', `Only open orders can be ${to}; this one is ${before.status}.`);
      const moved = to === 'cancelled' ? cancelOpenOrder(tx, id, actor.user.id, now) : completeOpenOrder(tx, before, actor, input, now);
      if (!moved) throw new DomainError('invalid_state', `Only open orders can be ${to}; this one is ${before.status}.`);
      const after = findOrderById(tx, id) ?? before;
      recordAudit(tx, {
        actorId: actor.user.id,
        action: `order.${to}`,
        targetType: 'order',
        targetId: id,
        before: { status: before.status },
        after: to === 'completed' ? { status: after.status, receipt_no: after.receiptNo } : { status: after.status },
        now,
      });
      const [dto] = withItems(db, [after]);
      if (!dto) throw new Error('order vanished');
      return dto;
    });
  }

  interface OrderJob {
    actor: Actor;
    input: CreateOrderInput;
    approver: Approver | null;
    idempotencyKey: string | undefined;
    now: number;
  }

  function createOne({ actor, input, approver, idempotencyKey, now }: OrderJob): StoredResponse {
    if (!idempotencyKey) return { status: 201, body: placeOrder(actor, input, approver, now) };
    // The approver's PIN stays out of the stored fingerprint (it was checked already).
    const fingerprint = requestFingerprint({ ...input, approval: input.approval?.username });
    const replay = findReplay(db, actor.user.id, idempotencyKey, fingerprint);
    if (replay) return replay;
    const response = { status: 201, body: placeOrder(actor, input, approver, now) };
    rememberResponse(db, actor.user.id, idempotencyKey, fingerprint, response, now);
    return response;
  }

  const submit = createGroupCommit(db, createOne);

  return {
    /**
     * Creates an order; with an Idempotency-Key, a retry answers the first result again. A
     * customer's orders count towards the limit of their client address. An `approval`, when
     * sent, is always checked (bcrypt, async) before the sale's synchronous transaction: a wrong
     * one is 403 `approval_invalid` and counts toward the approver's lockout.
     */
    create(actor: Actor, input: CreateOrderInput, request: OrderRequest = {}, now = Date.now()): Promise<StoredResponse> {
      if (!can(actor.role, 'orders.create')) return Promise.reject(forbidden());
      if (input.complete && !can(actor.role, 'orders.complete')) return Promise.reject(forbidden(COMPLETE_REFUSAL));
      const { idempotencyKey, clientKey } = request;
      const { approval } = input;
      const sell = (approver: Approver | null) => submit({ actor, input, approver, idempotencyKey, now });
      return deps.customerOrderLimit.run(actor.role === 'customer' ? clientKey : undefined, () =>
        approval ? deps.verifyApproval(approval, 'orders.approve_discount', now).then(sell) : sell(null),
      );
    },

    /**
     * Cancels customers' open orders older than the shop's `customer_order_expiry_hours`,
     * putting their stock back exactly once (the cancel path), audited with no actor. Staff's
     * open (parked) orders never expire. Returns how many expired.
     */
    expireStaleCustomerOrders(now = Date.now()): number {
      const hours = deps.customerOrderExpiryHours();
      if (hours === 0) return 0;
      const cutoff = now - hours * HOUR_MS;
      const stale = db
        .select({ id: orders.id })
        .from(orders)
        .innerJoin(users, eq(users.id, orders.userId))
        .where(and(eq(orders.status, 'open'), lte(orders.createdAt, cutoff), eq(users.roleId, ROLE_IDS.customer)))
        .all();
      if (stale.length === 0) return 0;
      return db.transaction((tx) => {
        let expired = 0;
        for (const { id } of stale) {
          if (!cancelOpenOrder(tx, id, null, now)) continue;
          recordAudit(tx, {
            actorId: null,
            action: 'order.expired',
            targetType: 'order',
            targetId: id,
            before: { status: 'open' },
            after: { status: 'cancelled', expiry_hours: hours },
            now,
          });
          expired++;
        }
        return expired;
      });
    },

    /** Forgets Idempotency-Keys older than a day (a retry comes within seconds, not days). */
    purgeStaleIdempotencyKeys(now = Date.now()): number {
      return purgeIdempotencyKeys(db, now);
    },

    get(actor: Actor, id: number): OrderDto {
      const [dto] = withItems(db, [loadReadable(actor, id)]);
      if (!dto) throw notFound('Order');
      return dto;
    },

    list(actor: Actor, query: ListOrdersQuery): { items: OrderDto[]; nextCursor: string | null } {
      requirePermission(actor, 'orders.read');
      if (query.user_id !== undefined && query.user_id !== actor.user.id && !readsEveryonesOrders(actor)) {
        throw forbidden('Only managers can read other people’s orders.');
      }
      // A receipt number finds that sale whoever sold it, for the roles that read sales; the
      // list itself stays one's own (API.md: reading all orders is the managers').
      const findsAnySale = query.receipt_no !== undefined && query.user_id === undefined && can(actor.role, 'orders.read_sales');
      const userId = readsEveryonesOrders(actor) || findsAnySale ? query.user_id : actor.user.id;
      const before = decodeCursor(query.cursor);
      const shape: OrderListShape = {
        userId: userId !== undefined,
        completedOnly: findsAnySale && !readsEveryonesOrders(actor),
        status: query.status !== undefined,
        receiptNo: query.receipt_no !== undefined,
        from: query.from !== undefined,
        to: query.to !== undefined,
        before: before !== null,
      };
      const rows = orderListStatement(shape).all({
        userId,
        status: query.status,
        receiptNo: query.receipt_no,
        from: query.from === undefined ? undefined : startOfShopDate(query.from, deps.timeZone()),
        to: query.to === undefined ? undefined : startOfShopDate(addDays(query.to, 1), deps.timeZone()),
        before,
        limit: query.limit + 1,
      });
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
      return { items: withItems(db, page), nextCursor };
    },

    complete(actor: Actor, id: number, input: CompleteOrderInput = {}, now = Date.now()): OrderDto {
      // Refused before the transaction, with or without such an order.
      requirePermission(actor, 'orders.complete', COMPLETE_REFUSAL);
      return transition(actor, id, 'completed', input, now);
    },

    cancel(actor: Actor, id: number, now = Date.now()): OrderDto {
      return transition(actor, id, 'cancelled', {}, now);
    },

    /** The accountant's CSV of completed sales lines in a range of shop dates (managers). */
    exportCsv: createSalesExport(db, { timeZone: deps.timeZone }),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
