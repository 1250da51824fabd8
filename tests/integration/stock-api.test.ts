import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md, Stock ledger: a product's movements (`GET /products/{id}/stock-movements`),
 * goods receiving (`/stock-receipts`, all or nothing), the reorder list, and the adjustment's
 * answer (201 with its movement).
 */

interface Movement {
  id: number;
  product_id: number;
  delta: number;
  reason: string;
  ref_type: string;
  ref_id: number | null;
  note: string | null;
  user_id: number | null;
  created_at: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let t: TestCore;
let db: Database.Database;
let owner: SignedIn;
let manager: SignedIn;
let cashier: SignedIn;
let attendant: SignedIn;

beforeAll(async () => {
  t = await startTestCore();
  owner = await setupOwner(t.api);
  manager = await createSignedInUser(t.api, owner, 'manager');
  cashier = await createSignedInUser(t.api, manager, 'cashier');
  attendant = await createSignedInUser(t.api, manager, 'attendant');
  db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  db.close();
  await t.stop();
});

const as = (who: SignedIn) => ({ token: who.access });

async function createProduct(fields: Record<string, unknown> = {}): Promise<{ id: number; sku: string; stock: number }> {
  const sku = uniqueName('ST-').toUpperCase();
  const res = await t.api.post('/products', { sku, name: `Item ${sku}`, price_cents: 300, stock: 5, ...fields }, as(manager));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const stockOf = async (id: number): Promise<number> => (await t.api.get(`/products/${id}`, as(manager))).body.stock;
const ledgerSum = (id: number) =>
  Number(db.prepare('SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE product_id = ?').pluck().get(id));
const movementCount = () => Number(db.prepare('SELECT count(*) FROM stock_movements').pluck().get());
const receiptCount = () => Number(db.prepare('SELECT count(*) FROM stock_receipts').pluck().get());

function nextPath(res: ApiResponse): string | null {
  const link = res.headers.get('link');
  if (!link) return null;
  const match = /^<\/api\/v1(\/[^>]+)>;\s*rel="next"$/.exec(link);
  expect(match, `malformed Link header: ${link}`).not.toBeNull();
  return match?.[1] ?? null;
}

describe('GET /products/{id}/stock-movements', () => {
  it('pages newest first with the Link header, and the pages add up to the stock', async () => {
    const product = await createProduct({ stock: 10 });
    for (const delta of [3, -2, 7, -1, 4]) {
      const res = await t.api.post(`/products/${product.id}/stock-adjustments`, { delta, reason: `count ${delta}` }, as(manager));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const seen: Movement[] = [];
    let path: string | null = `/products/${product.id}/stock-movements?limit=2`;
    while (path) {
      const res: ApiResponse = await t.api.get(path, as(manager));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((res.body as Movement[]).length).toBeLessThanOrEqual(2);
      seen.push(...(res.body as Movement[]));
      path = nextPath(res);
    }
    expect(seen.map((m) => m.delta)).toEqual([4, -1, 7, -2, 3, 10]);
    expect(seen.map((m) => m.id)).toEqual([...seen.map((m) => m.id)].sort((a, b) => b - a));
    expect(seen.at(-1)).toEqual({
      id: expect.any(Number),
      product_id: product.id,
      delta: 10,
      reason: 'initial',
      ref_type: 'product',
      ref_id: product.id,
      note: null,
      user_id: manager.id,
      created_at: expect.stringMatching(ISO),
    });
    expect(seen.reduce((sum, m) => sum + m.delta, 0)).toBe(await stockOf(product.id));
  });

  it('is for managers: staff and customers get 403; an unknown product is 404; a bad cursor 400', async () => {
    const product = await createProduct();
    for (const who of [cashier, attendant]) {
      const res = await t.api.get(`/products/${product.id}/stock-movements`, as(who));
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    expect((await t.api.get(`/products/${product.id}/stock-movements`, as(owner))).status).toBe(200);
    expect((await t.api.get(`/products/${product.id}/stock-movements`)).status).toBe(401);
    expect((await t.api.get('/products/987654321/stock-movements', as(manager))).status).toBe(404);
    const bad = await t.api.get(`/products/${product.id}/stock-movements?cursor=nonsense`, as(manager));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.cursor).toBeDefined();
  });
});

describe('POST /stock-receipts', () => {
  it('raises the stock of every line with one `receiving` movement each, and answers 201 with the receipt', async () => {
    const tea = await createProduct({ stock: 2 });
    const jam = await createProduct({ stock: 0 });
    const res = await t.api.post(
      '/stock-receipts',
      {
        supplier: '  Fine Foods Ltd  ',
        note: 'Delivery note 24/117',
        items: [
          { product_id: tea.id, amount: 12, unit_cost_cents: 145 },
          { product_id: jam.id, amount: 6 },
        ],
      },
      as(manager),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      supplier: 'Fine Foods Ltd',
      note: 'Delivery note 24/117',
      items: [
        { product_id: tea.id, amount: 12, unit_cost_cents: 145 },
        { product_id: jam.id, amount: 6, unit_cost_cents: null },
      ],
      created_by: manager.id,
      created_at: expect.stringMatching(ISO),
    });
    expect(await stockOf(tea.id)).toBe(14);
    expect(await stockOf(jam.id)).toBe(6);
    for (const product of [tea, jam]) expect(ledgerSum(product.id)).toBe(await stockOf(product.id));
    const history = await t.api.get(`/products/${tea.id}/stock-movements`, as(manager));
    expect(history.body[0]).toMatchObject({
      delta: 12,
      reason: 'receiving',
      ref_type: 'stock_receipt',
      ref_id: res.body.id,
      user_id: manager.id,
    });

    const one = await t.api.get(`/stock-receipts/${res.body.id}`, as(manager));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body);
    expect((await t.api.get('/stock-receipts/987654321', as(manager))).status).toBe(404);

    const log = await t.api.get('/audit-log?action=stock_receipt.created', as(owner));
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body[0]).toMatchObject({ action: 'stock_receipt.created', target_type: 'stock_receipt', target_id: res.body.id });
  });

  it('is all or nothing: an unknown product in the middle leaves stock, movements and receipts unchanged', async () => {
    const first = await createProduct({ stock: 4 });
    const last = await createProduct({ stock: 9 });
    const movementsBefore = movementCount();
    const receiptsBefore = receiptCount();
    const res = await t.api.post(
      '/stock-receipts',
      {
        items: [
          { product_id: first.id, amount: 5 },
          { product_id: 987654321, amount: 3 },
          { product_id: last.id, amount: 2 },
        ],
      },
      as(manager),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'product_not_found',
      details: [{ product_id: 987654321, error: 'product_not_found', requested: 3 }],
    });
    expect(await stockOf(first.id)).toBe(4);
    expect(await stockOf(last.id)).toBe(9);
    expect(movementCount()).toBe(movementsBefore);
    expect(receiptCount()).toBe(receiptsBefore);
  });

  it('refuses an inactive product, the same product twice, and amounts that are not positive whole numbers', async () => {
    const active = await createProduct({ stock: 1 });
    const retired = await createProduct({ stock: 1 });
    expect((await t.api.delete(`/products/${retired.id}`, as(manager))).status).toBe(204);
    const before = movementCount();

    const inactive = await t.api.post(
      '/stock-receipts',
      {
        items: [
          { product_id: active.id, amount: 1 },
          { product_id: retired.id, amount: 1 },
        ],
      },
      as(manager),
    );
    expect(inactive.status).toBe(400);
    expect(inactive.body.error).toBe('product_not_found');
    expect(inactive.body.details).toEqual([{ product_id: retired.id, error: 'product_not_found', requested: 1 }]);

    const twice = await t.api.post(
      '/stock-receipts',
      {
        items: [
          { product_id: active.id, amount: 1 },
          { product_id: active.id, amount: 2 },
        ],
      },
      as(manager),
    );
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ error: 'validation_failed', fields: { items: expect.any(Array) } });

    for (const amount of [0, -3, 1.5, '2']) {
      const res = await t.api.post('/stock-receipts', { items: [{ product_id: active.id, amount }] }, as(manager));
      expect(res.status, JSON.stringify(amount)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
    }
    expect((await t.api.post('/stock-receipts', { items: [] }, as(manager))).status).toBe(400);
    expect(
      (await t.api.post('/stock-receipts', { items: [{ product_id: active.id, amount: 1, unit_cost_cents: -1 }] }, as(manager))).status,
    ).toBe(400);
    expect(movementCount()).toBe(before);
    expect(await stockOf(active.id)).toBe(1);
  });

  it('is for managers; the list is newest first in keyset pages', async () => {
    const product = await createProduct();
    const forbidden = await t.api.post('/stock-receipts', { items: [{ product_id: product.id, amount: 1 }] }, as(cashier));
    expect(forbidden.status).toBe(403);
    expect((await t.api.get('/stock-receipts', as(attendant))).status).toBe(403);

    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await t.api.post(
        '/stock-receipts',
        { supplier: `Supplier ${i}`, items: [{ product_id: product.id, amount: 1 }] },
        as(owner),
      );
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const seen: number[] = [];
    let path: string | null = '/stock-receipts?limit=2';
    while (path) {
      const res: ApiResponse = await t.api.get(path, as(manager));
      expect(res.status).toBe(200);
      seen.push(...(res.body as { id: number }[]).map((r) => r.id));
      path = nextPath(res);
    }
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(ledgerSum(product.id)).toBe(await stockOf(product.id));
  });
});

describe('reorder levels and the low-stock list', () => {
  it('reorder_level defaults to 0, is set on create and PATCH, and must be a whole number ≥ 0', async () => {
    const plain = await createProduct();
    expect(plain).toMatchObject({ reorder_level: 0 });
    const flagged = await createProduct({ reorder_level: 4 });
    expect(flagged).toMatchObject({ reorder_level: 4 });
    const patched = await t.api.patch(`/products/${plain.id}`, { reorder_level: 7 }, as(manager));
    expect(patched.status).toBe(200);
    expect(patched.body.reorder_level).toBe(7);
    for (const reorder_level of [-1, 2.5, 'x']) {
      const res = await t.api.patch(`/products/${plain.id}`, { reorder_level }, as(manager));
      expect(res.status).toBe(400);
      expect(res.body.fields.reorder_level).toBeDefined();
    }
  });

  it('lists active products at or below their level (> 0), the shortest first', async () => {
    const short = await createProduct({ stock: 1, reorder_level: 10 }); // 9 short
    const atLevel = await createProduct({ stock: 3, reorder_level: 3 }); // 0 short: still due
    const fine = await createProduct({ stock: 8, reorder_level: 3 });
    const never = await createProduct({ stock: 0, reorder_level: 0 });
    const retired = await createProduct({ stock: 0, reorder_level: 50 });
    await t.api.delete(`/products/${retired.id}`, as(manager));
    const res = await t.api.get('/products/low-stock', as(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = res.body as { id: number; stock: number; reorder_level: number; shortfall: number }[];
    const ids = list.map((p) => p.id);
    expect(ids).toContain(short.id);
    expect(ids).toContain(atLevel.id);
    for (const absent of [fine, never, retired]) expect(ids).not.toContain(absent.id);
    expect(ids.indexOf(short.id)).toBeLessThan(ids.indexOf(atLevel.id));
    expect(list.find((p) => p.id === short.id)).toMatchObject({ stock: 1, reorder_level: 10, shortfall: 9 });
    expect(list.map((p) => p.shortfall)).toEqual([...list.map((p) => p.shortfall)].sort((a, b) => b - a));
    expect((await t.api.get('/products/low-stock', as(cashier))).status).toBe(403);

    // Goods received lift it off the list.
    await t.api.post('/stock-receipts', { items: [{ product_id: short.id, amount: 20 }] }, as(manager));
    const after = await t.api.get('/products/low-stock', as(manager));
    expect((after.body as { id: number }[]).map((p) => p.id)).not.toContain(short.id);
  });
});

describe('POST /products/{id}/stock-adjustments', () => {
  it('answers 201 with the movement it wrote, its own reference', async () => {
    const product = await createProduct({ stock: 5 });
    const res = await t.api.post(`/products/${product.id}/stock-adjustments`, { delta: -2, reason: 'broken jar' }, as(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      product_id: product.id,
      delta: -2,
      reason: 'adjustment',
      ref_type: 'adjustment',
      ref_id: res.body.id,
      note: 'broken jar',
      user_id: manager.id,
      created_at: expect.stringMatching(ISO),
    });
    const history = await t.api.get(`/products/${product.id}/stock-movements?limit=1`, as(manager));
    expect(history.body).toEqual([res.body]);
    const below = await t.api.post(`/products/${product.id}/stock-adjustments`, { delta: -4, reason: 'too many' }, as(manager));
    expect(below.status).toBe(400);
    expect(below.body).toMatchObject({ error: 'validation_failed', fields: { delta: expect.any(Array) } });
  });
});

// The speed at a million movements is measured in bench/ (npm run bench): here, the plan and the pages.
describe('a long history', () => {
  it('pages through the (product_id, id) index, newest first, and the pages add up to the stock', async () => {
    const product = await createProduct({ stock: 0 });
    const other = await createProduct({ stock: 0 });
    const writer = new Database(join(t.dataDir, 'shopdesk.db'));
    const insert = writer.prepare(
      "INSERT INTO stock_movements (product_id, delta, reason, ref_type, ref_id, note, user_id, created_at) VALUES (?, 1, 'adjustment', 'adjustment', NULL, 'bulk', NULL, ?)",
    );
    writer.transaction(() => {
      const now = Date.now();
      // Interleaved with another product's, as a busy shop's ledger is.
      for (let i = 0; i < 5_000; i += 1) {
        insert.run(product.id, now);
        insert.run(other.id, now);
      }
      writer.prepare('UPDATE products SET stock = 5000 WHERE id IN (?, ?)').run(product.id, other.id);
    })();
    const plan = writer
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM stock_movements WHERE product_id = 1 AND id < 99 ORDER BY id DESC LIMIT 51')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (INDEX stock_movements_product_id_idx|PRIMARY KEY)/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    writer.close();

    const actor = await t.core.services.auth.authenticate(manager.access);
    const history = t.core.services.stockHistory;
    let cursor: string | undefined;
    let lastId = Number.POSITIVE_INFINITY;
    for (let page = 0; page < 20; page += 1) {
      const result = history.movements(actor, product.id, { limit: 50, cursor });
      expect(result.items).toHaveLength(50);
      for (const movement of result.items) {
        expect(movement.product_id).toBe(product.id);
        expect(movement.id).toBeLessThan(lastId);
        lastId = movement.id;
      }
      cursor = result.nextCursor ?? undefined;
    }
    expect(ledgerSum(product.id)).toBe(await stockOf(product.id));
  });
});
