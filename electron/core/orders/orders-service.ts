import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { orderItems, orders, products, users } from '../../../db/schema';
import type { CompleteOrderInput, CreateOrderInput, ListOrdersQuery, OrderDto } from '../../../shared/schemas/orders';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import { can, reachCovers, reachOf } from '../../../shared/permissions';
import { ROLE_IDS } from '../../../shared/roles';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, forbidden, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { prepareOrderLineMovement } from '../catalog/stock-movements';
import { prepareSaleTill, type SaleTill } from '../cash/sale-till';
import { prepareReceiptNumbers } from '../receipts/receipt-numbers';
import type { RateLimit } from '../rate-limit';
import { findReplay, purgeIdempotencyKeys, rememberResponse, requestFingerprint, type StoredResponse } from './idempotency';
import { findOrderById, toPaymentDto, withItems, type OrderRow } from './order-queries';
import { settleTenders, type SettledTenders } from './tenders';
import { CUSTOMER_ORDER_CAPS, prepareCustomerCaps, type CustomerOrderCaps } from './customer-caps';
import { createGroupCommit } from './group-commit';

const HOUR_MS = 3_600_000;
/** In the table (shared/permissions.ts) customers are the ones who may never complete an order. */
const COMPLETE_REFUSAL = 'Customers cannot complete orders.';

export interface OrdersDeps {
  /** Hours after which a customer's open order is cancelled and its stock freed (0: never). */
  customerOrderExpiryHours(): number;
  /** Customers' new orders per client address. */
  customerOrderLimit: RateLimit;
  caps?: Partial<CustomerOrderCaps>;
  /** The shop's `cash_rounding_cents`, read at each completion. */
  cashRoundingCents(): number;
  /** The shop's `time_zone`, read at each list: `from`/`to` are its dates. */
  timeZone(): string;
}

/** Who asked, for the idempotency scope and the per-address limit. */
export interface OrderRequest {
  idempotencyKey?: string;
  /** The client address (or desktop window); none for the core itself (the demo). */
  clientKey?: string;
}

function mergeLines(items: CreateOrderInput['items']): Map<number, number> {
  const amounts = new Map<number, number>();
  for (const item of items) amounts.set(item.product_id, (amounts.get(item.product_id) ?? 0) + item.amount);
  return amounts;
}

/**
 * Orders (webstore seed, docs/contract/API.md): the stock check, the stock decrement and the insert are one
 * synchronous transaction, so no order is oversold or half-applied; cancel restocks once.
 */
export function createOrdersService(db: Db, deps: OrdersDeps) {
  const readsEveryonesOrders = (actor: Actor) => reachOf(actor.role, 'orders.read') === 'any';
  const caps: CustomerOrderCaps = { ...CUSTOMER_ORDER_CAPS, ...deps.caps };

  /** An order within the actor's reach for `action` (own, or any); others' orders answer 404. */
  function loadReachable(actor: Actor, id: number, action: 'orders.read' | 'orders.complete' | 'orders.cancel'): OrderRow {
    const reach = requirePermission(actor, action);
    const order = findOrderById(db, id);
    if (!order || !reachCovers(reach, order.userId === actor.user.id ? 'own' : 'other')) throw notFound('Order');
    return order;
  }

  // The sale's statements run thousands of times a minute: prepared once, not rebuilt per call.
  const productById = db
    .select()
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  // Guarded decrement: even a bug elsewhere cannot take stock below zero.
  const takeStock = db
    .update(products)
    .set({ stock: sql`${products.stock} - ${sql.placeholder('amount')}` })
    .where(and(eq(products.id, sql.placeholder('id')), gte(products.stock, sql.placeholder('amount'))))
    .prepare();
  const insertItem = db
    .insert(orderItems)
    .values({
      orderId: sql.placeholder('orderId'),
      productId: sql.placeholder('productId'),
      name: sql.placeholder('name'),
      amount: sql.placeholder('amount'),
      unitPriceCents: sql.placeholder('unitPriceCents'),
      lineTotalCents: sql.placeholder('lineTotalCents'),
      // No discounts or taxes exist yet: the line's net is its gross.
      discountCents: 0,
      netLineCents: sql.placeholder('lineTotalCents'),
    })
    .prepare();
  const recordLineMovement = prepareOrderLineMovement(db);
  const saleTill = prepareSaleTill(db);
  const receiptNumbers = prepareReceiptNumbers(db);
  const assertWithinCustomerCaps = prepareCustomerCaps(db, caps);

  function placeOrder(actor: Actor, input: CreateOrderInput, now: number): OrderDto {
    const complete = input.complete === true;
    // The drawer first: a till that cannot sell need not check the shelves.
    const till = complete ? saleTill.resolve(input.register_id) : null;
    const amounts = mergeLines(input.items);
    if (actor.role === 'customer') assertWithinCustomerCaps(actor.user.id, amounts);
    const problems: { product_id: number; error: 'product_not_found' | 'insufficient_stock'; requested: number; available?: number }[] = [];
    const lines = [];
    for (const [productId, amount] of amounts) {
      const product = productById.get({ id: productId });
      if (!product || !product.isActive) problems.push({ product_id: productId, error: 'product_not_found', requested: amount });
      else if (product.stock < amount)
        problems.push({ product_id: productId, error: 'insufficient_stock', requested: amount, available: product.stock });
      else lines.push({ product, amount });
    }
    if (problems.length > 0) {
      const missing = problems.some((p) => p.error === 'product_not_found');
      throw new DomainError(
        missing ? 'product_not_found' : 'insufficient_stock',
        missing ? 'Some products do not exist or are no longer sold.' : 'Not enough stock for some items.',
        { details: problems },
      );
    }
    const total = lines.reduce((sum, l) => sum + l.product.priceCents * l.amount, 0);
    const settled = complete ? settleTenders(total, input.payments, deps.cashRoundingCents()) : null;
    const receiptNo = settled ? receiptNumbers.next(now) : null;
    const order = db
      .insert(orders)
      .values({
        userId: actor.user.id,
        status: complete ? 'completed' : 'open',
        totalCents: total,
        // How an order is priced (API-SELLING.md), with no discounts, taxes or rounding yet.
        subtotalCents: total,
        discountCents: 0,
        taxCents: 0,
        roundingCents: settled?.roundingCents ?? 0,
        dueCents: settled?.dueCents ?? total,
        receiptNo,
        registerId: till?.registerId ?? null,
        cashSessionId: till?.cashSessionId ?? null,
        address: input.address ?? null,
        phone: input.phone ?? null,
        createdAt: now,
        completedAt: complete ? now : null,
        completedBy: complete ? actor.user.id : null,
      })
      .returning()
      .get();
    const items = lines.map(({ product, amount }) => {
      const taken = takeStock.run({ id: product.id, amount });
      if (taken.changes !== 1)
        throw new DomainError('insufficient_stock', 'Not enough stock for some items.', {
          details: [{ product_id: product.id, error: 'insufficient_stock', requested: amount }],
        });
      recordLineMovement.run({ productId: product.id, delta: -amount, reason: 'sale', orderId: order.id, userId: actor.user.id, now });
      const lineTotal = product.priceCents * amount;
      const inserted = insertItem.run({
        orderId: order.id,
        productId: product.id,
        name: product.name,
        amount,
        unitPriceCents: product.priceCents,
        lineTotalCents: lineTotal,
      });
      return {
        order_item_id: Number(inserted.lastInsertRowid),
        product_id: product.id,
        name: product.name,
        amount,
        unit_price_cents: product.priceCents,
        line_total_cents: lineTotal,
        tax_rate_id: null,
        discount_cents: 0,
        net_line_cents: lineTotal,
        refunded_amount: 0,
      };
    });
    if (till && settled) saleTill.recordPayments(order.id, till, settled.tenders, now);
    // Built from what was just written, rather than read back.
    return {
      id: order.id,
      user_id: actor.user.id,
      user: { id: actor.user.id, username: actor.user.username, first_name: actor.user.firstName, last_name: actor.user.lastName },
      status: order.status,
      items,
      total_cents: order.totalCents,
      address: order.address,
      phone: order.phone,
      created_at: new Date(order.createdAt).toISOString(),
      completed_at: order.completedAt === null ? null : new Date(order.completedAt).toISOString(),
      completed_by: order.completedBy,
      receipt_no: order.receiptNo,
      register_id: order.registerId,
      cash_session_id: order.cashSessionId,
      subtotal_cents: order.subtotalCents,
      discount_cents: order.discountCents,
      tax_cents: order.taxCents,
      rounding_cents: order.roundingCents,
      due_cents: order.dueCents,
      taxes: [],
      payments: (settled?.tenders ?? []).map(toPaymentDto),
      refunded_cents: 0,
    };
  }

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
    const settled: SettledTenders = settleTenders(order.totalCents, input.payments, deps.cashRoundingCents());
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
      const [dto] = withItems(tx, [after]);
      if (!dto) throw new Error('order vanished');
      return dto;
    });
  }

  interface OrderJob {
    actor: Actor;
    input: CreateOrderInput;
    idempotencyKey: string | undefined;
    now: number;
  }

  function createOne({ actor, input, idempotencyKey, now }: OrderJob): StoredResponse {
    if (!idempotencyKey) return { status: 201, body: placeOrder(actor, input, now) };
    const fingerprint = requestFingerprint(input);
    const replay = findReplay(db, actor.user.id, idempotencyKey, fingerprint);
    if (replay) return replay;
    const response = { status: 201, body: placeOrder(actor, input, now) };
    rememberResponse(db, actor.user.id, idempotencyKey, fingerprint, response, now);
    return response;
  }

  const submit = createGroupCommit(db, createOne);

  return {
    /**
     * Creates an order; with an Idempotency-Key, a retry answers the first result again. A
     * customer's orders count towards the limit of their client address.
     */
    create(actor: Actor, input: CreateOrderInput, request: OrderRequest = {}, now = Date.now()): Promise<StoredResponse> {
      if (!can(actor.role, 'orders.create')) return Promise.reject(forbidden());
      if (input.complete && !can(actor.role, 'orders.complete')) return Promise.reject(forbidden(COMPLETE_REFUSAL));
      const { idempotencyKey, clientKey } = request;
      return deps.customerOrderLimit.run(actor.role === 'customer' ? clientKey : undefined, () =>
        submit({ actor, input, idempotencyKey, now }),
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
      const [dto] = withItems(db, [loadReachable(actor, id, 'orders.read')]);
      if (!dto) throw notFound('Order');
      return dto;
    },

    list(actor: Actor, query: ListOrdersQuery): { items: OrderDto[]; nextCursor: string | null } {
      requirePermission(actor, 'orders.read');
      if (query.user_id !== undefined && query.user_id !== actor.user.id && !readsEveryonesOrders(actor)) {
        throw forbidden('Only managers can read other people’s orders.');
      }
      const conditions: (SQL | undefined)[] = [];
      const userId = readsEveryonesOrders(actor) ? query.user_id : actor.user.id;
      if (userId !== undefined) conditions.push(eq(orders.userId, userId));
      if (query.status) conditions.push(eq(orders.status, query.status));
      if (query.from) conditions.push(gte(orders.createdAt, startOfShopDate(query.from, deps.timeZone())));
      if (query.to) conditions.push(lt(orders.createdAt, startOfShopDate(addDays(query.to, 1), deps.timeZone())));
      const before = decodeCursor(query.cursor);
      if (before !== null) conditions.push(lt(orders.id, before));
      const rows = db
        .select()
        .from(orders)
        .where(and(...conditions))
        .orderBy(desc(orders.id))
        .limit(query.limit + 1)
        .all();
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
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
