import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDrawer, setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';
import type { ProductDto } from '../../shared/schemas/catalog';

/**
 * The kept product page (electron/core/memo-by-version.ts) never shows a stale price, name,
 * stock or activity: over random sequences of writes — edits, stock adjustments, sales, refused
 * sales, deactivations, new products, a write by another connection — interleaved with list
 * reads of random shapes (the last one read again after every write), every page equals the
 * products as the database file holds them at that moment (read through a second connection, in
 * the list's order and filter).
 */
type Product = Pick<ProductDto, 'id' | 'sku' | 'name' | 'price_cents' | 'stock' | 'is_active'>;

type Step =
  | { kind: 'list'; limit: number; includeInactive: boolean }
  | { kind: 'rename'; index: number; suffix: string }
  | { kind: 'price'; index: number; cents: number }
  | { kind: 'adjust'; index: number; delta: number }
  | { kind: 'sell'; index: number; amount: number }
  | { kind: 'toggle'; index: number }
  | { kind: 'create' }
  | { kind: 'other-connection'; index: number; stock: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('list' as const), limit: fc.integer({ min: 1, max: 8 }), includeInactive: fc.boolean() }),
  },
  fc.record({
    kind: fc.constant('rename' as const),
    index: fc.nat(12),
    suffix: fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', 'c', 'x', ' ') }),
  }),
  fc.record({ kind: fc.constant('price' as const), index: fc.nat(12), cents: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('adjust' as const), index: fc.nat(12), delta: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant('sell' as const), index: fc.nat(12), amount: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('toggle' as const), index: fc.nat(12) }),
  fc.record({ kind: fc.constant('create' as const) }),
  fc.record({ kind: fc.constant('other-connection' as const), index: fc.nat(12), stock: fc.integer({ min: 0, max: 50 }) }),
);

describe('the kept product page over random sequences of writes', () => {
  let t: TestCore;
  let owner: SignedIn;
  let file: Database.Database;
  let created = 0;

  const api = () => t.api;
  const ids = () => file.prepare('SELECT id FROM products ORDER BY id').pluck().all() as number[];
  const pick = (index: number) => {
    const all = ids();
    return all[index % all.length] as number;
  };
  const createProduct = async () => {
    created++;
    const res = await api().post(
      '/products',
      { sku: `PROP-${created}`, name: `Prop ${created}`, price_cents: 100 + created, stock: 5 },
      { token: owner.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };

  /** The list as the database holds it: the same filter, order and page as the API's. */
  const truth = (limit: number, includeInactive: boolean, after: number | null): Product[] =>
    (
      file
        .prepare(
          `SELECT id, sku, name, price_cents, stock, is_active FROM products
           WHERE (? OR is_active = 1) AND id > ? ORDER BY id LIMIT ?`,
        )
        .all(includeInactive ? 1 : 0, after ?? 0, limit) as (Omit<Product, 'is_active'> & { is_active: number })[]
    ).map((row) => ({ ...row, is_active: row.is_active === 1 }));

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    await openDrawer(t.api, owner);
    file = new Database(join(t.dataDir, 'shopdesk.db'), { fileMustExist: true });
    for (let i = 0; i < 4; i++) await createProduct();
  });
  afterAll(async () => {
    file?.close();
    await t?.stop();
  });

  async function run(s: Step): Promise<void> {
    const token = { token: owner.access };
    switch (s.kind) {
      case 'list': {
        const path = `/products?limit=${s.limit}${s.includeInactive ? '&include_inactive=true' : ''}`;
        const res = await api().get(path, token);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const page = (res.body as Product[]).map(({ id, sku, name, price_cents, stock, is_active }) => ({
          id,
          sku,
          name,
          price_cents,
          stock,
          is_active,
        }));
        expect(page).toEqual(truth(s.limit, s.includeInactive, null));
        // The next page, by the Link the API gave, against the same truth.
        const link = res.headers.get('link');
        const next = link ? /<\/api\/v1([^>]+)>/.exec(link)?.[1] : undefined;
        if (next) {
          const second = await api().get(next, token);
          expect(second.status).toBe(200);
          const last = page[page.length - 1]?.id ?? null;
          expect((second.body as Product[]).map((p) => [p.id, p.stock, p.price_cents, p.name])).toEqual(
            truth(s.limit, s.includeInactive, last).map((p) => [p.id, p.stock, p.price_cents, p.name]),
          );
        }
        return;
      }
      case 'rename': {
        const res = await api().patch(`/products/${pick(s.index)}`, { name: `Renamed ${s.suffix}`.trim() }, token);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return;
      }
      case 'price': {
        const res = await api().patch(`/products/${pick(s.index)}`, { price_cents: s.cents }, token);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return;
      }
      case 'adjust': {
        const id = pick(s.index);
        const before = Number(file.prepare('SELECT stock FROM products WHERE id = ?').pluck().get(id));
        const res = await api().post(`/products/${id}/stock-adjustments`, { delta: s.delta, reason: 'shelf count' }, token);
        // Below zero is refused and changes nothing; anything else is applied.
        expect(res.status, JSON.stringify(res.body)).toBe(before + s.delta >= 0 ? 201 : 400);
        return;
      }
      case 'sell': {
        const id = pick(s.index);
        const res = await api().post('/orders', { items: [{ product_id: id, amount: s.amount }] }, token);
        // Out of stock or inactive: refused, nothing written; otherwise the stock is taken.
        expect([201, 409, 404, 400]).toContain(res.status);
        return;
      }
      case 'toggle': {
        const id = pick(s.index);
        const active = file.prepare('SELECT is_active FROM products WHERE id = ?').pluck().get(id) === 1;
        const res = await api().patch(`/products/${id}`, { is_active: !active }, token);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return;
      }
      case 'create':
        await createProduct();
        return;
      case 'other-connection':
        file.prepare('UPDATE products SET stock = ? WHERE id = ?').run(s.stock, pick(s.index));
        return;
    }
  }

  it('every page read equals the database at that moment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        let lastList: Step | null = null;
        for (const s of steps) {
          await run(s);
          // The page read last, read again after each write: the one a kept copy would serve.
          if (s.kind === 'list') lastList = s;
          else if (lastList) await run(lastList);
        }
        // Every sequence ends with a read of every shape it could have kept.
        await run({ kind: 'list', limit: 8, includeInactive: true });
        await run({ kind: 'list', limit: 8, includeInactive: false });
      }),
      { numRuns: 25 },
    );
  });
});
