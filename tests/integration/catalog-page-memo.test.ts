import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * The product list is kept while nothing was written (electron/core/memo-by-version.ts): a device
 * polling the catalog gets the kept page, and ANY write — through the API, by a sale, or by
 * another connection to the same file — shows on the next page read. The request itself is still
 * authenticated and validated every time.
 */
interface Product {
  id: number;
  name: string;
  stock: number;
}

describe('the kept product page', () => {
  let t: TestCore;
  let owner: SignedIn;
  let ids: number[];

  const page = async () => {
    const res = await t.api.get('/products?limit=50', { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return { text: JSON.stringify(res.body), products: res.body as Product[] };
  };
  const stockOf = (products: Product[], id: number) => products.find((p) => p.id === id)?.stock;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    ids = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.api.post(
        '/products',
        { sku: `MEMO-${i}`, name: `Memo ${i}`, price_cents: 250, stock: 10 },
        { token: owner.access },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push((res.body as Product).id);
    }
  });
  afterAll(() => t?.stop());

  it('answers the same page while nothing changed, with the schema and headers of any answer', async () => {
    const first = await page();
    const second = await page();
    expect(second.text).toBe(first.text);
    expect(first.products.map((p) => p.id)).toEqual(ids);
    const res = await t.api.get('/products?limit=50', { token: owner.access });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('shows a manager’s change and a sale’s stock at once', async () => {
    await page();
    const renamed = await t.api.patch(`/products/${ids[0]}`, { name: 'Memo renamed' }, { token: owner.access });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await page()).products.find((p) => p.id === ids[0])?.name).toBe('Memo renamed');

    const before = stockOf((await page()).products, ids[1] as number);
    const order = await t.api.post('/orders', { items: [{ product_id: ids[1], amount: 3 }] }, { token: owner.access });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(stockOf((await page()).products, ids[1] as number)).toBe((before ?? 0) - 3);
  });

  it('shows a write made by another connection to the database file', async () => {
    await page();
    const other = new Database(join(t.dataDir, 'shopdesk.db'));
    try {
      other.prepare('UPDATE products SET stock = 77 WHERE id = ?').run(ids[2]);
    } finally {
      other.close();
    }
    expect(stockOf((await page()).products, ids[2] as number)).toBe(77);
  });

  it('keeps pages of different queries apart and still refuses a bad query or no token', async () => {
    const all = await page();
    const one = await t.api.get(`/products?limit=1`, { token: owner.access });
    expect(one.status).toBe(200);
    expect((one.body as Product[]).map((p) => p.id)).toEqual([ids[0]]);
    const searched = await t.api.get(`/products?limit=50&q=Memo%202`, { token: owner.access });
    expect((searched.body as Product[]).map((p) => p.id)).toEqual([ids[2]]);
    expect((await page()).text).toBe(all.text);

    expect((await t.api.get('/products?limit=50')).status).toBe(401);
    const bad = await t.api.get('/products?limit=0', { token: owner.access });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('validation_failed');
  });
});
