import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient } from '../helpers/trpc-client';

/**
 * docs/contract/API-SELLING.md, Stock ledger: `PATCH /products/{id}` takes `stock`, an absolute count,
 * written as an audited adjustment of the difference with the note "set by PATCH", in the same
 * transaction as the rest of the PATCH. The same stock again writes nothing.
 */

interface AuditEntry {
  action: string;
  target_type: string;
  target_id: number;
  actor: { id: number } | null;
  before: unknown;
  after: unknown;
}

describe('PATCH /products/{id} with stock', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
  });
  afterAll(() => t.stop());

  async function createProduct(stock: number) {
    const sku = uniqueName('PS').toUpperCase();
    const res = await t.api.post(
      '/products',
      { sku, barcode: `B${sku}`, name: `Tea ${sku}`, price_cents: 399, stock },
      { token: manager.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; sku: string; barcode: string; name: string; stock: number };
  }

  async function auditOf(productId: number): Promise<AuditEntry[]> {
    const res = await t.api.get('/audit-log?action=product&limit=200', { token: owner.access });
    expect(res.status).toBe(200);
    return (res.body as AuditEntry[]).filter((e) => e.target_type === 'product' && e.target_id === productId);
  }

  const stockOf = async (id: number) => (await t.api.get(`/products/${id}`, { token: cashier.access })).body.stock as number;

  it('sets the count and audits the difference as an adjustment "set by PATCH"', async () => {
    const product = await createProduct(10);
    const res = await t.api.patch(`/products/${product.id}`, { stock: 4 }, { token: manager.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ...product, stock: 4, is_active: true });
    expect(await stockOf(product.id)).toBe(4);

    const entries = await auditOf(product.id);
    expect(entries.map((e) => e.action)).toEqual(['product.stock_adjusted', 'product.created']);
    expect(entries[0]).toMatchObject({
      actor: { id: manager.id },
      before: { stock: 10 },
      after: { stock: 4, delta: -6, reason: 'set by PATCH' },
    });
  });

  it('the same stock again writes nothing', async () => {
    const product = await createProduct(7);
    const before = await auditOf(product.id);
    const res = await t.api.patch(`/products/${product.id}`, { stock: 7 }, { token: manager.access });
    expect(res.status).toBe(200);
    expect(res.body.stock).toBe(7);
    expect(await auditOf(product.id)).toEqual(before);
  });

  it('with other fields: both are written, in one transaction that a refusal rolls back whole', async () => {
    const product = await createProduct(5);
    const other = await createProduct(1);
    const both = await t.api.patch(`/products/${product.id}`, { name: 'Green tea', stock: 12 }, { token: owner.access });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ name: 'Green tea', stock: 12 });
    const entries = await auditOf(product.id);
    expect(entries.slice(0, 2).map((e) => [e.action, e.after])).toEqual([
      ['product.stock_adjusted', { stock: 12, delta: 7, reason: 'set by PATCH' }],
      ['product.updated', expect.objectContaining({ name: 'Green tea', stock: 5 })],
    ]);

    // A clashing SKU refuses the PATCH: the stock does not move either.
    const clash = await t.api.patch(`/products/${product.id}`, { sku: other.sku, stock: 0 }, { token: owner.access });
    expect(clash.status).toBe(400);
    expect(clash.body.fields).toHaveProperty('sku');
    expect(await stockOf(product.id)).toBe(12);
    expect(await auditOf(product.id)).toEqual(entries);
  });

  it('refuses a negative, fractional or huge count, and writers only', async () => {
    const product = await createProduct(3);
    for (const stock of [-1, 1.5, 10_000_001, '5']) {
      const res = await t.api.patch(`/products/${product.id}`, { stock }, { token: manager.access });
      expect(res.status, String(stock)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields).toHaveProperty('stock');
    }
    const asCashier = await t.api.patch(`/products/${product.id}`, { stock: 99 }, { token: cashier.access });
    expect(asCashier.status).toBe(403);
    expect(await stockOf(product.id)).toBe(3);
  });

  it('the tRPC twin follows the same rules', async () => {
    const product = await createProduct(2);
    const ui = await signedInTrpcClient(t.core.url, manager.username, PASSWORDS.manager);
    expect(await ui.catalog.update.mutate({ id: product.id, changes: { stock: 20 } })).toMatchObject({ stock: 20 });
    await ui.catalog.update.mutate({ id: product.id, changes: { stock: 20 } });
    const adjustments = (await auditOf(product.id)).filter((e) => e.action === 'product.stock_adjusted');
    expect(adjustments.map((e) => e.after)).toEqual([{ stock: 20, delta: 18, reason: 'set by PATCH' }]);
  });
});
