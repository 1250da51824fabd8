import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { orderItems, orders, products, users } from '../../../db/schema';
import type { CreateOrderInput, ListOrdersQuery, OrderDto } from '../../../shared/schemas/orders';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import { can, reachCovers, reachOf } from '../../../shared/permissions';
import { ROLE_IDS } from '../../../shared/roles';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, forbidden, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { prepareOrderLineMovement } from '../catalog/stock-movements';
import type { RateLimit } from '../rate-limit';
import { findReplay, purgeIdempotencyKeys, rememberResponse, requestFingerprint, type StoredResponse } from './idempotency';
import { findOrderById, withItems, type OrderRow } from './order-queries';

const HOUR_MS = 3_600_000;
/** In the table (shared/permissions.ts) customers are the ones who may never complete an order. */
const COMPLETE_REFUSAL = 'Customers cannot complete orders.';

/**
 * What one customer account may hold in open orders at once: anonymous sign-ups must not be
 * able to tie up the shop's stock. Staff (the till's parked sales) are not capped.
 */
export const CUSTOMER_ORDER_CAPS = { maxOpenOrders: 5, maxOpenUnits: 50 };
export type CustomerOrderCaps = typeof CUSTOMER_ORDER_CAPS;

export interface OrdersDeps {
  /** Hours after which a customer's open order is cancelled and its stock freed (0: never). */
  customerOrderExpiryHours(): number;
  /** Customers' new orders per client address. */
  customerOrderLimit: RateLimit;
  caps?: Partial<CustomerOrderCaps>;
}

/** Who asked, for the idempotency scope and the per-address limit. */
export interface OrderRequest {
  idempotencyKey?: string;
  /** The client address (or desktop window); none for the core itself (the demo). */
  clientKey?: string;
}

interface PendingOrder {
  actor: Actor;
  input: CreateOrderInput;
  idempotencyKey: string | undefined;
  now: number;
  resolve(response: StoredResponse): void;
  reject(error: unknown): void;
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
  const heldByUser = db
    .select({ orders: sql<number>`count(distinct ${orders.id})`, units: sql<number>`coalesce(sum(${orderItems.amount}), 0)` })
    .from(orders)
    .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.userId, sql.placeholder('userId')), eq(orders.status, 'open')))
    .prepare();

  /** Inside the order's transaction, so orders of one batch count the ones before them. */
  function assertWithinCustomerCaps(actor: Actor, amounts: Map<number, number>): void {
    const held = heldByUser.get({ userId: actor.user.id }) ?? { orders: 0, units: 0 };
    if (held.orders >= caps.maxOpenOrders) {
      throw new DomainError(
        'invalid_state',
        `You already have ${held.orders} open orders, the most one customer account may hold. Wait until the shop completes one, or cancel one, before ordering again.`,
        {
          details: [{ limit: 'open_orders', max: caps.maxOpenOrders, held: held.orders }],
        },
      );
    }
    const requested = [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
    if (held.units + requested > caps.maxOpenUnits) {
      throw new DomainError(
        'invalid_state',
        `Open orders of one customer account may hold at most ${caps.maxOpenUnits} items; you hold ${held.units} and asked for ${requested} more.`,
        {
          details: [{ limit: 'open_units', max: caps.maxOpenUnits, held: held.units, requested }],
        },
      );
    }
  }

  function placeOrder(actor: Actor, input: CreateOrderInput, now: number): OrderDto {
    const amounts = mergeLines(input.items);
    if (actor.role === 'customer') assertWithinCustomerCaps(actor, amounts);
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
    const complete = input.complete === true;
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
        roundingCents: 0,
        dueCents: total,
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
      const item = {
        product_id: product.id,
        name: product.name,
        amount,
        unit_price_cents: product.priceCents,
        line_total_cents: product.priceCents * amount,
      };
      insertItem.run({
        orderId: order.id,
        productId: item.product_id,
        name: item.name,
        amount,
        unitPriceCents: item.unit_price_cents,
        lineTotalCents: item.line_total_cents,
      });
      return item;
    });
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

  function transition(actor: Actor, id: number, to: 'completed' | 'cancelled', now: number): OrderDto {
    return db.transaction((tx) => {
      const before = loadReachable(actor, id, to === 'completed' ? 'orders.complete' : 'orders.cancel');
      const moved =
        to === 'cancelled'
          ? cancelOpenOrder(tx, id, actor.user.id, now)
          : tx
              .update(orders)
              .set({ status: 'completed', completedAt: now, completedBy: actor.user.id })
              .where(and(eq(orders.id, id), eq(orders.status, 'open')))
              .run().changes === 1;
      if (!moved) throw new DomainError('invalid_state', `Only open orders can be ${to}; this one is ${before.status}.`);
      const after = findOrderById(tx, id) ?? before;
      recordAudit(tx, {
        actorId: actor.user.id,
        action: `order.${to}`,
        targetType: 'order',
        targetId: id,
        before: { status: before.status },
        after: { status: after.status },
        now,
      });
      const [dto] = withItems(tx, [after]);
      if (!dto) throw new Error('order vanished');
      return dto;
    });
  }

  function createOne(request: PendingOrder): StoredResponse {
    const { actor, input, idempotencyKey, now } = request;
    if (!idempotencyKey) return { status: 201, body: placeOrder(actor, input, now) };
    const fingerprint = requestFingerprint(input);
    const replay = findReplay(db, actor.user.id, idempotencyKey, fingerprint);
    if (replay) return replay;
    const response = { status: 201, body: placeOrder(actor, input, now) };
    rememberResponse(db, actor.user.id, idempotencyKey, fingerprint, response, now);
    return response;
  }

  /**
   * Group commit: the orders that arrived during one turn of the event loop share one
   * transaction, so one fsync answers many sales. Each order is a savepoint of it: a refused
   * order rolls back alone. Nobody is answered before the commit, so an answered sale is on disk.
   */
  let queue: PendingOrder[] = [];
  function flush(): void {
    const batch = queue;
    queue = [];
    const outcomes: (StoredResponse | DomainError)[] = [];
    try {
      db.transaction(() => {
        for (const request of batch) {
          try {
            outcomes.push(db.transaction(() => createOne(request)));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            outcomes.push(error);
          }
        }
      });
    } catch (error) {
      for (const request of batch) request.reject(error);
      return;
    }
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined || outcome instanceof DomainError) request.reject(outcome ?? new Error('order outcome missing'));
      else request.resolve(outcome);
    });
  }

  return {
    /**
     * Creates an order; with an Idempotency-Key, a retry answers the first result again. A
     * customer's orders count towards the limit of their client address.
     */
    create(actor: Actor, input: CreateOrderInput, request: OrderRequest = {}, now = Date.now()): Promise<StoredResponse> {
      if (!can(actor.role, 'orders.create')) return Promise.reject(forbidden());
      if (input.complete && !can(actor.role, 'orders.complete')) return Promise.reject(forbidden(COMPLETE_REFUSAL));
      const { idempotencyKey, clientKey } = request;
      return deps.customerOrderLimit.run(
        actor.role === 'customer' ? clientKey : undefined,
        () =>
          new Promise<StoredResponse>((resolve, reject) => {
            queue.push({ actor, input, idempotencyKey, now, resolve, reject });
            if (queue.length === 1) setImmediate(flush);
          }),
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
      if (query.from) conditions.push(gte(orders.createdAt, startOfShopDate(query.from)));
      if (query.to) conditions.push(lt(orders.createdAt, startOfShopDate(addDays(query.to, 1))));
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

    complete(actor: Actor, id: number, now = Date.now()): OrderDto {
      // Refused before the transaction, with or without such an order.
      requirePermission(actor, 'orders.complete', COMPLETE_REFUSAL);
      return transition(actor, id, 'completed', now);
    },

    cancel(actor: Actor, id: number, now = Date.now()): OrderDto {
      return transition(actor, id, 'cancelled', now);
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
