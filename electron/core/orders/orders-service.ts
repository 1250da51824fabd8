import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orderItems, orders, products } from '../../../db/schema';
import type { CreateOrderInput, ListOrdersQuery, OrderDto } from '../../../shared/schemas/orders';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import { isOneOf } from '../../../shared/roles';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, forbidden, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { findReplay, rememberResponse, requestFingerprint, type StoredResponse } from './idempotency';
import { findOrderById, withItems, type OrderRow } from './order-queries';

const MANAGERS = ['super_admin', 'manager'] as const;

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
 * Orders (webstore seed, API.md): the stock check, the stock decrement and the insert are one
 * synchronous transaction, so no order is oversold or half-applied; cancel restocks once.
 */
export function createOrdersService(db: Db) {
  const isManager = (actor: Actor) => isOneOf(MANAGERS, actor.role);

  /** Own orders for everyone, any order for managers; others' orders answer 404. */
  function loadReachable(actor: Actor, id: number): OrderRow {
    const order = findOrderById(db, id);
    if (!order || (!isManager(actor) && order.userId !== actor.user.id)) throw notFound('Order');
    return order;
  }

  // The sale's statements run thousands of times a minute: prepared once, not rebuilt per call.
  const productById = db.select().from(products).where(eq(products.id, sql.placeholder('id'))).prepare();
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
    })
    .prepare();

  function placeOrder(actor: Actor, input: CreateOrderInput, now: number): OrderDto {
    const amounts = mergeLines(input.items);
    const problems: { product_id: number; error: 'product_not_found' | 'insufficient_stock'; requested: number; available?: number }[] = [];
    const lines = [];
    for (const [productId, amount] of amounts) {
      const product = productById.get({ id: productId });
      if (!product || !product.isActive) problems.push({ product_id: productId, error: 'product_not_found', requested: amount });
      else if (product.stock < amount) problems.push({ product_id: productId, error: 'insufficient_stock', requested: amount, available: product.stock });
      else lines.push({ product, amount });
    }
    if (problems.length > 0) {
      const missing = problems.some((p) => p.error === 'product_not_found');
      throw new DomainError(missing ? 'product_not_found' : 'insufficient_stock', missing ? 'Some products do not exist or are no longer sold.' : 'Not enough stock for some items.', { details: problems });
    }
    const total = lines.reduce((sum, l) => sum + l.product.priceCents * l.amount, 0);
    const complete = input.complete === true;
    const order = db
      .insert(orders)
      .values({ userId: actor.user.id, status: complete ? 'completed' : 'open', totalCents: total, address: input.address ?? null, phone: input.phone ?? null, createdAt: now, completedAt: complete ? now : null })
      .returning()
      .get();
    const items = lines.map(({ product, amount }) => {
      const taken = takeStock.run({ id: product.id, amount });
      if (taken.changes !== 1) throw new DomainError('insufficient_stock', 'Not enough stock for some items.', { details: [{ product_id: product.id, error: 'insufficient_stock', requested: amount }] });
      const item = { product_id: product.id, name: product.name, amount, unit_price_cents: product.priceCents, line_total_cents: product.priceCents * amount };
      insertItem.run({ orderId: order.id, productId: item.product_id, name: item.name, amount, unitPriceCents: item.unit_price_cents, lineTotalCents: item.line_total_cents });
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

  function transition(actor: Actor, id: number, to: 'completed' | 'cancelled', now: number): OrderDto {
    return db.transaction((tx) => {
      const before = loadReachable(actor, id);
      const moved = tx
        .update(orders)
        .set(to === 'completed' ? { status: 'completed', completedAt: now } : { status: 'cancelled', cancelledAt: now })
        .where(and(eq(orders.id, id), eq(orders.status, 'open')))
        .run();
      if (moved.changes !== 1) throw new DomainError('invalid_state', `Only open orders can be ${to}; this one is ${before.status}.`);
      if (to === 'cancelled') {
        // Runs only for the one call that moved the order out of "open": stock comes back once.
        for (const item of tx.select().from(orderItems).where(eq(orderItems.orderId, id)).all()) {
          tx.update(products).set({ stock: sql`${products.stock} + ${item.amount}` }).where(eq(products.id, item.productId)).run();
        }
      }
      const after = findOrderById(tx, id) ?? before;
      recordAudit(tx, { actorId: actor.user.id, action: `order.${to}`, targetType: 'order', targetId: id, before: { status: before.status }, after: { status: after.status }, now });
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
    /** Creates an order; with an Idempotency-Key, a retry answers the first result again. */
    create(actor: Actor, input: CreateOrderInput, idempotencyKey?: string, now = Date.now()): Promise<StoredResponse> {
      if (input.complete && actor.role === 'customer') return Promise.reject(forbidden('Customers cannot complete orders.'));
      return new Promise((resolve, reject) => {
        queue.push({ actor, input, idempotencyKey, now, resolve, reject });
        if (queue.length === 1) setImmediate(flush);
      });
    },

    get(actor: Actor, id: number): OrderDto {
      const [dto] = withItems(db, [loadReachable(actor, id)]);
      if (!dto) throw notFound('Order');
      return dto;
    },

    list(actor: Actor, query: ListOrdersQuery): { items: OrderDto[]; nextCursor: string | null } {
      if (query.user_id !== undefined && query.user_id !== actor.user.id && !isManager(actor)) {
        throw forbidden('Only managers can read other people’s orders.');
      }
      const conditions: (SQL | undefined)[] = [];
      const userId = isManager(actor) ? query.user_id : actor.user.id;
      if (userId !== undefined) conditions.push(eq(orders.userId, userId));
      if (query.status) conditions.push(eq(orders.status, query.status));
      if (query.from) conditions.push(gte(orders.createdAt, startOfShopDate(query.from)));
      if (query.to) conditions.push(lt(orders.createdAt, startOfShopDate(addDays(query.to, 1))));
      const before = decodeCursor(query.cursor);
      if (before !== null) conditions.push(lt(orders.id, before));
      const rows = db.select().from(orders).where(and(...conditions)).orderBy(desc(orders.id)).limit(query.limit + 1).all();
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
      return { items: withItems(db, page), nextCursor };
    },

    complete(actor: Actor, id: number, now = Date.now()): OrderDto {
      if (actor.role === 'customer') throw forbidden('Customers cannot complete orders.');
      return transition(actor, id, 'completed', now);
    },

    cancel(actor: Actor, id: number, now = Date.now()): OrderDto {
      return transition(actor, id, 'cancelled', now);
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
