import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * The catalog (docs/contract/API.md "Products and orders", Roles table): products CRUD over REST, unique
 * codes, deactivation, search, keyset pages, audited stock adjustments, and the CSV import and
 * export of the UI (tRPC).
 */

interface Product {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  price_cents: number;
  stock: number;
  is_active: boolean;
}

/** The path (below /api/v1) of a `Link: <…>; rel="next"` header, or null. */
function nextLink(res: ApiResponse): string | null {
  const link = res.headers.get('link');
  if (!link) return null;
  const match = /^<([^>]+)>;\s*rel="next"$/.exec(link);
  expect(match, `malformed Link header: ${link}`).not.toBeNull();
  const target = match?.[1] ?? '';
  expect(target.startsWith('/api/v1/')).toBe(true);
  return target.slice('/api/v1'.length);
}

describe('products over REST', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let attendant: SignedIn;
  let cashier: SignedIn;
  let customer: SignedIn;
  let everyone: [string, SignedIn][];
  let sqlite: Database.Database;

  /** A unique token for names and codes, so tests in this file never see each other's rows. */
  const token = () => uniqueName('t').toUpperCase();

  async function createProduct(fields: Partial<Product> = {}, by: SignedIn = manager): Promise<Product> {
    const tok = token();
    const res = await t.api.post(
      '/products',
      { sku: `SKU-${tok}`, name: `Item ${tok}`, price_cents: 500, stock: 10, ...fields },
      { token: by.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Product;
  }

  async function readProduct(id: number): Promise<Product> {
    const res = await t.api.get(`/products/${id}`, { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Product;
  }

  /** Every page of a list, following Link rel="next"; the number of pages too. */
  async function allPages(path: string, as: SignedIn): Promise<{ items: Product[]; pages: number }> {
    const items: Product[] = [];
    let next: string | null = path;
    let pages = 0;
    while (next !== null && pages < 100) {
      const res: ApiResponse = await t.api.get(next, { token: as.access });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...(res.body as Product[]));
      pages++;
      next = nextLink(res);
    }
    return { items, pages };
  }

  const productCount = () => (sqlite.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    [attendant, cashier, customer] = await Promise.all([
      createSignedInUser(t.api, manager, 'attendant'),
      createSignedInUser(t.api, manager, 'cashier'),
      createSignedInUser(t.api, owner, 'customer'),
    ]);
    everyone = [
      ['super_admin', owner],
      ['manager', manager],
      ['attendant', attendant],
      ['cashier', cashier],
      ['customer', customer],
    ];
    // A second, read-only connection: what is really in the file (WAL lets it read alongside).
    sqlite = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
  });
  afterAll(async () => {
    sqlite?.close();
    await t?.stop();
  });

  it('creates, reads and updates a product; every role reads it', async () => {
    const tok = token();
    const input = { sku: `CRUD-${tok}`, barcode: `590${Date.now()}`, name: `Espresso cup ${tok}`, price_cents: 1299, stock: 12 };
    const created = await t.api.post('/products', input, { token: manager.access });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), ...input, is_active: true, tax_rate_id: null, reorder_level: 0 });
    const id = created.body.id as number;

    for (const [role, user] of everyone) {
      const one = await t.api.get(`/products/${id}`, { token: user.access });
      expect(one.status, role).toBe(200);
      expect(one.body, role).toEqual(created.body);
      const list = await t.api.get(`/products?q=${encodeURIComponent(input.sku)}`, { token: user.access });
      expect(list.status, role).toBe(200);
      expect(list.body, role).toEqual([created.body]);
    }

    const patched = await t.api.patch(`/products/${id}`, { name: `Espresso cup XL ${tok}`, price_cents: 1499 }, { token: owner.access });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toEqual({ ...created.body, name: `Espresso cup XL ${tok}`, price_cents: 1499 });
    expect(await readProduct(id)).toEqual(patched.body);

    // The barcode can be cleared; a negative stock is refused (product-stock-patch.test.ts has the rest).
    const cleared = await t.api.patch(`/products/${id}`, { barcode: null }, { token: manager.access });
    expect(cleared.status).toBe(200);
    expect(cleared.body.barcode).toBeNull();
    const stockPatch = await t.api.patch(`/products/${id}`, { stock: -1 }, { token: manager.access });
    expect(stockPatch.status).toBe(400);
    expect(stockPatch.body).toMatchObject({ error: 'validation_failed', fields: { stock: expect.any(Array) } });
    expect((await readProduct(id)).stock).toBe(12);

    const missing = await t.api.get('/products/987654321', { token: cashier.access });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'not_found', message: 'No Product matches the given query.' });
    expect((await t.api.patch('/products/987654321', { name: 'x' }, { token: manager.access })).status).toBe(404);
    expect((await t.api.delete('/products/987654321', { token: manager.access })).status).toBe(404);

    expect((await t.api.get(`/products/${id}`)).status).toBe(401);
    expect((await t.api.get('/products')).status).toBe(401);
  });

  it('validates product input: 400 validation_failed with fields, nothing written', async () => {
    const before = productCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ sku: `V-${token()}`, price_cents: 100 }, 'name'],
      [{ sku: `V-${token()}`, name: '   ', price_cents: 100 }, 'name'],
      [{ sku: `V-${token()}`, name: 'Negative', price_cents: -1 }, 'price_cents'],
      [{ sku: `V-${token()}`, name: 'Fraction', price_cents: 1.5 }, 'price_cents'],
      [{ sku: `V-${token()}`, name: 'Negative stock', price_cents: 1, stock: -1 }, 'stock'],
      [{ name: 'No SKU', price_cents: 1 }, 'sku'],
      [{ sku: `V-${token()}`, name: 'Extra', price_cents: 1, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await t.api.post('/products', body, { token: manager.access });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect(productCount()).toBe(before);
  });

  it('SKU and barcode are unique: 400 with fields, on create and on update', async () => {
    const a = await createProduct({ barcode: `A${token()}` });
    const b = await createProduct({ barcode: `B${token()}` });
    const before = productCount();

    const sameSku = await t.api.post('/products', { sku: a.sku, name: 'Copy', price_cents: 1 }, { token: manager.access });
    expect(sameSku.status).toBe(400);
    expect(sameSku.body).toMatchObject({ error: 'validation_failed', fields: { sku: ['A product with that SKU already exists.'] } });
    expect(sameSku.body.fields.barcode).toBeUndefined();

    const sameBarcode = await t.api.post(
      '/products',
      { sku: `N-${token()}`, barcode: a.barcode, name: 'Copy', price_cents: 1 },
      { token: manager.access },
    );
    expect(sameBarcode.status).toBe(400);
    expect(sameBarcode.body).toMatchObject({
      error: 'validation_failed',
      fields: { barcode: ['A product with that barcode already exists.'] },
    });
    expect(sameBarcode.body.fields.sku).toBeUndefined();

    const both = await t.api.post('/products', { sku: a.sku, barcode: a.barcode, name: 'Copy', price_cents: 1 }, { token: owner.access });
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.fields).sort()).toEqual(['barcode', 'sku']);
    expect(productCount()).toBe(before);

    const skuClash = await t.api.patch(`/products/${b.id}`, { sku: a.sku }, { token: manager.access });
    expect(skuClash.status).toBe(400);
    expect(skuClash.body.fields.sku).toEqual(['A product with that SKU already exists.']);
    const barcodeClash = await t.api.patch(`/products/${b.id}`, { barcode: a.barcode }, { token: manager.access });
    expect(barcodeClash.status).toBe(400);
    expect(barcodeClash.body.fields.barcode).toEqual(['A product with that barcode already exists.']);
    expect(await readProduct(b.id)).toEqual(b);

    // Its own codes are no clash, and any number of products may have no barcode.
    const own = await t.api.patch(
      `/products/${a.id}`,
      { sku: a.sku, barcode: a.barcode, name: `${a.name} (renamed)` },
      { token: manager.access },
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const n1 = await createProduct({ barcode: null });
    const n2 = await createProduct({});
    expect(n1.barcode).toBeNull();
    expect(n2.barcode).toBeNull();

    // A deactivated product keeps its codes taken.
    expect((await t.api.delete(`/products/${b.id}`, { token: manager.access })).status).toBe(204);
    const reuse = await t.api.post('/products', { sku: b.sku, name: 'Reuse', price_cents: 1 }, { token: manager.access });
    expect(reuse.status).toBe(400);
    expect(reuse.body.fields.sku).toBeDefined();
  });

  it('only super_admin and manager write; attendant, cashier and customer get 403 and change nothing', async () => {
    const product = await createProduct({ barcode: `W${token()}` }, owner);
    const before = productCount();
    for (const [role, user] of everyone) {
      if (role === 'super_admin' || role === 'manager') continue;
      const auth = { token: user.access };
      const writes: [string, Promise<ApiResponse>][] = [
        ['POST /products', t.api.post('/products', { sku: `R-${token()}`, name: 'Nope', price_cents: 1 }, auth)],
        ['PATCH /products/{id}', t.api.patch(`/products/${product.id}`, { name: 'Hijacked', price_cents: 1 }, auth)],
        ['DELETE /products/{id}', t.api.delete(`/products/${product.id}`, auth)],
        [
          'POST /products/{id}/stock-adjustments',
          t.api.post(`/products/${product.id}/stock-adjustments`, { delta: 5, reason: 'found some' }, auth),
        ],
      ];
      for (const [what, pending] of writes) {
        const res = await pending;
        expect(res.status, `${role} ${what}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error, `${role} ${what}`).toBe('forbidden');
      }
    }
    expect(await readProduct(product.id)).toEqual(product);
    expect(productCount()).toBe(before);

    for (const user of [owner, manager]) {
      const res = await t.api.patch(`/products/${product.id}`, { price_cents: product.price_cents + 1 }, { token: user.access });
      expect(res.status).toBe(200);
    }
  });

  it('DELETE deactivates: still readable, hidden from lists unless include_inactive=true, no longer sold', async () => {
    const tok = token();
    const product = await createProduct({ sku: `DEL-${tok}`, name: `Discontinued ${tok}`, barcode: `D${tok}`, stock: 5 });

    const removed = await t.api.delete(`/products/${product.id}`, { token: manager.access });
    expect(removed.status).toBe(204);
    expect(removed.body).toBe('');

    for (const [role, user] of everyone) {
      const one = await t.api.get(`/products/${product.id}`, { token: user.access });
      expect(one.status, role).toBe(200);
      expect(one.body, role).toEqual({ ...product, is_active: false });
    }

    const hidden = await t.api.get(`/products?q=${encodeURIComponent(`DEL-${tok}`)}`, { token: cashier.access });
    expect(hidden.body).toEqual([]);
    expect((await t.api.get(`/products?barcode=${encodeURIComponent(`D${tok}`)}`, { token: cashier.access })).body).toEqual([]);
    const everything = await allPages('/products?limit=200', manager);
    expect(everything.items.some((p) => p.id === product.id)).toBe(false);
    expect(everything.items.every((p) => p.is_active)).toBe(true);

    const shown = await t.api.get(`/products?q=${encodeURIComponent(`DEL-${tok}`)}&include_inactive=true`, { token: cashier.access });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual([{ ...product, is_active: false }]);
    const withInactive = await allPages('/products?limit=200&include_inactive=true', manager);
    expect(withInactive.items.some((p) => p.id === product.id)).toBe(true);
    expect((await t.api.get('/products?include_inactive=yes', { token: manager.access })).status).toBe(400);

    const ordersBefore = (sqlite.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
    const order = await t.api.post('/orders', { items: [{ product_id: product.id, amount: 1 }] }, { token: cashier.access });
    expect(order.status, JSON.stringify(order.body)).toBe(400);
    expect(order.body.error).toBe('product_not_found');
    expect(order.body.details).toEqual([expect.objectContaining({ product_id: product.id })]);
    expect((await readProduct(product.id)).stock).toBe(5);
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(ordersBefore);

    // Deactivating again changes nothing; a manager can bring it back, and then it sells.
    expect((await t.api.delete(`/products/${product.id}`, { token: manager.access })).status).toBe(204);
    const back = await t.api.patch(`/products/${product.id}`, { is_active: true }, { token: manager.access });
    expect(back.status).toBe(200);
    expect(back.body.is_active).toBe(true);
    const sold = await t.api.post('/orders', { items: [{ product_id: product.id, amount: 1 }] }, { token: cashier.access });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
  });

  it('?q= matches the name (contains), the SKU (prefix) and the barcode (exact); ?barcode= is exact', async () => {
    const tok = token();
    const mug = await createProduct({ sku: `QM${tok}-MUG`, name: `Blue enamel mug ${tok}`, barcode: `7311${tok}01` });
    const tea = await createProduct({ sku: `QT${tok}-TEA`, name: `Green tea ${tok}`, barcode: `7311${tok}02` });
    // Its SKU holds the mug's SKU in the middle (not a prefix); its name holds nothing of it.
    const other = await createProduct({ sku: `ZZ-QM${tok}-MUG`, name: `Saucer ${tok}`, barcode: `8800${tok}03` });

    const search = async (query: string, as: SignedIn = cashier) => {
      const res = await t.api.get(`/products?${query}`, { token: as.access });
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
      return (res.body as Product[]).map((p) => p.id).sort((x, y) => x - y);
    };
    const q = (text: string) => search(`q=${encodeURIComponent(text)}`);

    // Name: contains, anywhere.
    expect(await q(`enamel mug ${tok}`)).toEqual([mug.id]);
    expect(await q(`lue ename`)).toEqual([mug.id]);
    expect(await q(tok)).toEqual([mug.id, tea.id, other.id]);
    // SKU: prefix only.
    expect(await q(`QM${tok}`)).toEqual([mug.id]);
    expect(await q(`QM${tok}-MUG`)).toEqual([mug.id]);
    expect(await q(`ZZ-QM${tok}`)).toEqual([other.id]);
    expect(await q(`${tok}-TEA`), 'the SKU matches by prefix, not in the middle').toEqual([]);
    // Barcode: exact only.
    expect(await q(`7311${tok}02`)).toEqual([tea.id]);
    expect(await q(`7311${tok}0`), 'a barcode prefix is no match').toEqual([]);
    expect(await q(`311${tok}02`), 'a barcode suffix is no match').toEqual([]);
    // Wildcards are literal.
    expect(await q('%')).toEqual([]);
    expect(await q(`QM${tok}_MUG`)).toEqual([]);
    expect(await q(`QM${tok}%`)).toEqual([]);

    expect(await search(`barcode=${encodeURIComponent(`7311${tok}01`)}`)).toEqual([mug.id]);
    expect(await search(`barcode=${encodeURIComponent(`7311${tok}0`)}`)).toEqual([]);
    expect(await search(`barcode=${encodeURIComponent(`7311${tok}01`)}&q=${encodeURIComponent(`Green tea ${tok}`)}`)).toEqual([]);
    expect(await search(`barcode=${encodeURIComponent(`7311${tok}02`)}&q=${encodeURIComponent(`Green tea ${tok}`)}`)).toEqual([tea.id]);

    // Every role searches.
    for (const [role, user] of everyone) expect(await search(`q=${encodeURIComponent(`QT${tok}`)}`, user), role).toEqual([tea.id]);

    const unknown = await t.api.get('/products?colour=red', { token: cashier.access });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('validation_failed');
  });

  it('keyset pages: limit, Link rel="next" that keeps the filters, no row twice or lost', async () => {
    const tok = token();
    const made: Product[] = [];
    for (let i = 0; i < 7; i++) made.push(await createProduct({ sku: `PG${tok}-${i}`, name: `Paged ${tok} #${i}` }));
    // One inactive in the middle: skipped by the pages, not counted against the limit.
    expect((await t.api.delete(`/products/${made[3]?.id}`, { token: manager.access })).status).toBe(204);
    const active = made.filter((_, i) => i !== 3).map((p) => p.id);

    const first = await t.api.get(`/products?q=${encodeURIComponent(`PG${tok}`)}&limit=3`, { token: attendant.access });
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(3);
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/^<\/api\/v1\/products\?[^>]*cursor=[^>&]+[^>]*>; rel="next"$/);
    expect(link).toContain('limit=3');
    expect(link).toMatch(/q=PG/);

    const paged = await allPages(`/products?q=${encodeURIComponent(`PG${tok}`)}&limit=3`, attendant);
    expect(paged.pages).toBe(2);
    expect(paged.items.map((p) => p.id)).toEqual(active);

    // Exactly a page's worth: no Link on a last page that is full.
    const exact = await allPages(`/products?q=${encodeURIComponent(`PG${tok}`)}&limit=6`, attendant);
    expect(exact.pages).toBe(1);
    expect(exact.items.map((p) => p.id)).toEqual(active);
    const byOne = await allPages(`/products?q=${encodeURIComponent(`PG${tok}`)}&limit=1`, attendant);
    expect(byOne.pages).toBe(6);
    expect(byOne.items.map((p) => p.id)).toEqual(active);

    const withInactive = await allPages(`/products?q=${encodeURIComponent(`PG${tok}`)}&limit=2&include_inactive=true`, attendant);
    expect(withInactive.items.map((p) => p.id)).toEqual(made.map((p) => p.id));

    // A product created after the first page still shows up on a later one (keyset, not offset).
    const late = await createProduct({ sku: `PG${tok}-late`, name: `Paged ${tok} late` });
    const resumed = await allPages(nextLink(first) ?? '', attendant);
    expect(resumed.items.map((p) => p.id)).toEqual([...active.slice(3), late.id]);

    for (const bad of ['limit=0', 'limit=201', 'limit=abc', 'cursor=not-a-cursor']) {
      const res = await t.api.get(`/products?${bad}`, { token: attendant.access });
      expect(res.status, bad).toBe(400);
      expect(res.body.error, bad).toBe('validation_failed');
    }
    const big = await t.api.get('/products?limit=200', { token: attendant.access });
    expect(big.status).toBe(200);
    const dflt = await t.api.get('/products', { token: attendant.access });
    expect((dflt.body as Product[]).length).toBeLessThanOrEqual(50);
  });

  it('stock adjustments need a reason, never go below zero, and are audited with before, after and reason', async () => {
    const product = await createProduct({ stock: 4 });
    const adjust = (body: unknown, as: SignedIn = manager) =>
      t.api.post(`/products/${product.id}/stock-adjustments`, body, { token: as.access });

    const noReason = await adjust({ delta: 5 });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: 'validation_failed', fields: { reason: expect.any(Array) } });
    for (const reason of ['', '  ', 'x']) {
      const res = await adjust({ delta: 5, reason });
      expect(res.status, JSON.stringify(reason)).toBe(400);
      expect(res.body.fields.reason).toBeDefined();
    }
    const zero = await adjust({ delta: 0, reason: 'nothing at all' });
    expect(zero.status).toBe(400);
    expect(zero.body.fields.delta).toBeDefined();

    const below = await adjust({ delta: -5, reason: 'broken in the stock room' });
    expect(below.status).toBe(400);
    expect(below.body.error).toBe('validation_failed');
    expect(below.body.fields.delta).toEqual([expect.stringMatching(/below zero/)]);
    expect((await readProduct(product.id)).stock).toBe(4);

    const delivery = await adjust({ delta: 10, reason: 'delivery from the supplier' });
    // 201 with the movement it wrote (API-SELLING.md, Stock ledger).
    expect(delivery.status, JSON.stringify(delivery.body)).toBe(201);
    expect(delivery.body).toMatchObject({ product_id: product.id, delta: 10, reason: 'adjustment', note: 'delivery from the supplier' });
    expect((await readProduct(product.id)).stock).toBe(14);
    const breakage = await adjust({ delta: -3, reason: 'dropped a box' }, owner);
    expect(breakage.status).toBe(201);
    expect((await readProduct(product.id)).stock).toBe(11);
    const toZero = await adjust({ delta: -11, reason: 'stocktake: none left' });
    expect(toZero.status).toBe(201);
    expect((await readProduct(product.id)).stock).toBe(0);
    expect((await adjust({ delta: -1, reason: 'one more?' })).status).toBe(400);
    expect((await readProduct(product.id)).stock).toBe(0);

    const log = await t.api.get('/audit-log?action=product&limit=200', { token: owner.access });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const mine = (
      log.body as {
        action: string;
        target_type: string;
        target_id: number;
        actor: { id: number } | null;
        before: unknown;
        after: unknown;
      }[]
    ).filter((e) => e.target_type === 'product' && e.target_id === product.id);
    expect(mine.every((e) => e.action.startsWith('product.'))).toBe(true);
    const adjustments = mine.filter((e) => e.action === 'product.stock_adjusted');
    // Newest first, one row per successful adjustment, none for the refused ones.
    expect(adjustments.map((e) => ({ actor: e.actor?.id, before: e.before, after: e.after }))).toEqual([
      { actor: manager.id, before: { stock: 11 }, after: { stock: 0, delta: -11, reason: 'stocktake: none left' } },
      { actor: owner.id, before: { stock: 14 }, after: { stock: 11, delta: -3, reason: 'dropped a box' } },
      { actor: manager.id, before: { stock: 4 }, after: { stock: 14, delta: 10, reason: 'delivery from the supplier' } },
    ]);
    const createdEntry = mine.find((e) => e.action === 'product.created');
    expect(createdEntry?.after).toEqual(product);

    // An unknown product is 404, not a 400 about stock.
    expect(
      (await t.api.post('/products/987654321/stock-adjustments', { delta: 1, reason: 'found one' }, { token: manager.access })).status,
    ).toBe(404);
  });

  it('CSV import (tRPC catalog.importRows): good rows created, an existing SKU updated, bad rows reported with line and reason', async () => {
    const existing = await createProduct({ barcode: `EX${token()}`, stock: 3, price_cents: 100 });
    const taken = await createProduct({ barcode: `TK${token()}` });
    const tok = token();

    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:import-${tok}` });
    await caller.auth.login({ username: manager.username, password: manager.password });
    const before = productCount();

    const rows = [
      { line: 2, product: { sku: `IMP-${tok}-1`, barcode: `IB${tok}1`, name: 'Imported kettle', price_cents: 2500, stock: 7 } },
      { line: 3, product: { sku: existing.sku, barcode: existing.barcode, name: 'Renamed by import', price_cents: 150, stock: 9 } },
      { line: 4, product: { sku: `IMP-${tok}-neg`, name: 'Negative price', price_cents: -5, stock: 1 } },
      { line: 5, product: { sku: `IMP-${tok}-blank`, name: '   ', price_cents: 300, stock: 1 } },
      { line: 6, product: { sku: `IMP-${tok}-dup`, barcode: taken.barcode, name: 'Duplicate barcode', price_cents: 300, stock: 1 } },
      { line: 7, product: { sku: `IMP-${tok}-2`, name: 'Imported toaster', price_cents: 3900 } },
      // Same barcode as line 2 of this very import.
      { line: 8, product: { sku: `IMP-${tok}-dup2`, barcode: `IB${tok}1`, name: 'Duplicate within the file', price_cents: 1 } },
    ];
    const results = await caller.catalog.importRows({ rows });
    expect(results.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const byLine = new Map(results.map((r) => [r.line, r]));

    expect(byLine.get(2)).toMatchObject({
      ok: true,
      action: 'created',
      product: { sku: `IMP-${tok}-1`, name: 'Imported kettle', price_cents: 2500, stock: 7, is_active: true },
    });
    expect(byLine.get(3)).toMatchObject({
      ok: true,
      action: 'updated',
      product: { id: existing.id, name: 'Renamed by import', price_cents: 150, stock: 9 },
    });
    expect(byLine.get(7)).toMatchObject({ ok: true, action: 'created', product: { sku: `IMP-${tok}-2`, stock: 0 } });
    const failed = (line: number) => {
      const r = byLine.get(line);
      expect(r?.ok, `line ${line}`).toBe(false);
      return r && !r.ok ? r.error : '';
    };
    expect(failed(4)).toMatch(/price_cents/);
    expect(failed(5)).toMatch(/name/);
    expect(failed(5)).toMatch(/blank/);
    expect(failed(6)).toMatch(/barcode already exists/);
    expect(failed(8)).toMatch(/barcode already exists/);

    expect(productCount()).toBe(before + 2);
    expect(await readProduct(existing.id)).toEqual({ ...existing, name: 'Renamed by import', price_cents: 150, stock: 9 });
    for (const sku of [`IMP-${tok}-neg`, `IMP-${tok}-blank`, `IMP-${tok}-dup`, `IMP-${tok}-dup2`]) {
      const res = await t.api.get(`/products?q=${encodeURIComponent(sku)}&include_inactive=true`, { token: owner.access });
      expect(res.body, sku).toEqual([]);
    }
    expect(await readProduct(taken.id)).toEqual(taken);
    const kettle = await t.api.get(`/products?barcode=IB${tok}1`, { token: cashier.access });
    expect(kettle.body).toHaveLength(1);
    expect(kettle.body[0].sku).toBe(`IMP-${tok}-1`);

    // Importing is a write: a cashier's window is refused.
    const cashierSession = createMemorySession(t.core.services);
    const cashierCaller = appRouter.createCaller({
      services: t.core.services,
      session: cashierSession,
      fromLoopback: true,
      clientKey: `window:cashier-${tok}`,
    });
    await cashierCaller.auth.login({ username: cashier.username, password: cashier.password });
    await expect(
      cashierCaller.catalog.importRows({ rows: [{ line: 2, product: { sku: `IMP-${tok}-c`, name: 'No', price_cents: 1 } }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashierCaller.catalog.exportAll()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(productCount()).toBe(before + 2);

    // The export holds every product, deactivated ones included, exactly as stored.
    const exported = await caller.catalog.exportAll();
    const listed = await allPages('/products?limit=200&include_inactive=true', owner);
    expect(exported).toHaveLength(productCount());
    expect(exported).toEqual(listed.items);
    expect(exported.some((p) => !p.is_active)).toBe(true);
  });
});
