import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * Tax rates (API-SELLING.md "Tax rates"): managers add, rename and (de)activate rates whose
 * `rate_bp` never changes; everyone signed in reads the active ones; a product takes an active
 * rate (or none) and keeps one that is deactivated later. Over REST, and the tRPC twins.
 */

interface TaxRate {
  id: number;
  name: string;
  rate_bp: number;
  is_active: boolean;
}

interface AuditRow {
  action: string;
  target_type: string;
  target_id: number;
  actor: { id: number } | null;
  before: unknown;
  after: unknown;
}

describe('tax rates', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let customer: SignedIn;

  const as = (user: SignedIn) => ({ token: user.access });

  async function addRate(name: string, rate_bp: number, by: SignedIn = manager): Promise<TaxRate> {
    const res = await t.api.post('/tax-rates', { name, rate_bp }, as(by));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as TaxRate;
  }

  async function listRates(by: SignedIn, query = ''): Promise<TaxRate[]> {
    const res = await t.api.get(`/tax-rates${query}`, as(by));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as TaxRate[];
  }

  async function createProduct(fields: Record<string, unknown> = {}) {
    const tok = uniqueName('TX').toUpperCase();
    return t.api.post('/products', { sku: `SKU-${tok}`, name: `Item ${tok}`, price_cents: 500, ...fields }, as(manager));
  }

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    [cashier, customer] = await Promise.all([createSignedInUser(t.api, manager, 'cashier'), createSignedInUser(t.api, owner, 'customer')]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('adds, lists, renames, deactivates and reactivates a rate; include_inactive shows the retired ones', async () => {
    const name = uniqueName('Standard ');
    const rate = await addRate(name, 2000);
    expect(rate).toEqual({ id: expect.any(Number), name, rate_bp: 2000, is_active: true });
    // The name is trimmed.
    const reduced = await addRate(`  ${uniqueName('Reduced ')}  `, 550);
    expect(reduced.name).toBe(reduced.name.trim());

    for (const reader of [owner, manager, cashier, customer]) {
      expect((await listRates(reader)).map((r) => r.id)).toEqual(expect.arrayContaining([rate.id, reduced.id]));
    }

    const renamed = await t.api.patch(`/tax-rates/${rate.id}`, { name: `${name} (VAT)` }, as(manager));
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toEqual({ id: rate.id, name: `${name} (VAT)`, rate_bp: 2000, is_active: true });

    const off = await t.api.patch(`/tax-rates/${rate.id}`, { is_active: false }, as(owner));
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.is_active).toBe(false);
    expect((await listRates(cashier)).some((r) => r.id === rate.id)).toBe(false);
    expect((await listRates(cashier, '?include_inactive=false')).some((r) => r.id === rate.id)).toBe(false);
    expect((await listRates(cashier, '?include_inactive=true')).find((r) => r.id === rate.id)).toEqual({ ...off.body });
    expect((await t.api.get('/tax-rates?include_inactive=yes', as(cashier))).status).toBe(400);

    const on = await t.api.patch(`/tax-rates/${rate.id}`, { is_active: true }, as(manager));
    expect(on.status).toBe(200);
    expect(on.body.is_active).toBe(true);

    expect((await t.api.patch('/tax-rates/987654', { name: 'Nobody' }, as(manager))).status).toBe(404);
  });

  it('never changes rate_bp: a PATCH with it is 400 validation_failed naming rate_bp, and the rate is untouched', async () => {
    const rate = await addRate(uniqueName('Fixed '), 1000);
    for (const body of [{ rate_bp: 1200 }, { name: 'Sneaky', rate_bp: 1000 }]) {
      const res = await t.api.patch(`/tax-rates/${rate.id}`, body, as(manager));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {})).toEqual(['rate_bp']);
    }
    const caller = await trpcAs(manager);
    await expect(caller.taxRates.update({ id: rate.id, changes: { rate_bp: 1200 } as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [expect.objectContaining({ code: 'unrecognized_keys', keys: ['rate_bp'] })] },
    });
    expect((await listRates(manager)).find((r) => r.id === rate.id)).toEqual(rate);
  });

  it('accepts 0 and 10000 basis points; refuses -1, 10001, 5.5 and a blank or too long name', async () => {
    expect((await addRate(uniqueName('Zero '), 0)).rate_bp).toBe(0);
    expect((await addRate(uniqueName('Whole '), 10_000)).rate_bp).toBe(10_000);
    for (const rate_bp of [-1, 10_001, 5.5, '550', null]) {
      const res = await t.api.post('/tax-rates', { name: uniqueName('Bad '), rate_bp }, as(manager));
      expect(res.status, `${String(rate_bp)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.fields?.rate_bp).toBeDefined();
    }
    for (const name of ['   ', 'x'.repeat(61), 'Line\nbreak']) {
      const res = await t.api.post('/tax-rates', { name, rate_bp: 100 }, as(manager));
      expect(res.status).toBe(400);
      expect(res.body.fields?.name).toBeDefined();
    }
    expect((await t.api.post('/tax-rates', { name: uniqueName('Extra '), rate_bp: 100, is_active: false }, as(manager))).status).toBe(400);
  });

  it('keeps names unique among the active rates (any case); a retired rate may share one', async () => {
    const name = uniqueName('Books ');
    const first = await addRate(name, 700);
    const twin = await t.api.post('/tax-rates', { name: name.toUpperCase(), rate_bp: 800 }, as(manager));
    expect(twin.status).toBe(400);
    expect(twin.body.fields?.name).toBeDefined();

    const other = await addRate(uniqueName('Other '), 800);
    const renameOnto = await t.api.patch(`/tax-rates/${other.id}`, { name }, as(manager));
    expect(renameOnto.status).toBe(400);
    expect(renameOnto.body.fields?.name).toBeDefined();

    // A new rate replaces a retired one of the same name; the retired one cannot come back beside it.
    expect((await t.api.patch(`/tax-rates/${first.id}`, { is_active: false }, as(manager))).status).toBe(200);
    const successor = await addRate(name, 750);
    expect(successor.name).toBe(name);
    const back = await t.api.patch(`/tax-rates/${first.id}`, { is_active: true }, as(manager));
    expect(back.status).toBe(400);
    expect(back.body.fields?.name).toBeDefined();
    // Renamed, it may.
    const renamedBack = await t.api.patch(`/tax-rates/${first.id}`, { name: `${name} (old)`, is_active: true }, as(manager));
    expect(renamedBack.status, JSON.stringify(renamedBack.body)).toBe(200);
  });

  it('lets managers and the owner manage rates; cashiers and customers read only (REST and tRPC)', async () => {
    const rate = await addRate(uniqueName('Managed '), 300, owner);
    for (const user of [cashier, customer]) {
      const created = await t.api.post('/tax-rates', { name: uniqueName('Nope '), rate_bp: 100 }, as(user));
      expect(created.status).toBe(403);
      expect(created.body.error).toBe('forbidden');
      expect((await t.api.patch(`/tax-rates/${rate.id}`, { is_active: false }, as(user))).status).toBe(403);
    }
    expect((await t.api.get('/tax-rates')).status).toBe(401);

    const cashierCaller = await trpcAs(cashier);
    expect((await cashierCaller.taxRates.list({})).some((r) => r.id === rate.id)).toBe(true);
    await expect(cashierCaller.taxRates.create({ name: uniqueName('Nope '), rate_bp: 100 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { error: 'forbidden' },
    });
    const managerCaller = await trpcAs(manager);
    const created = await managerCaller.taxRates.create({ name: uniqueName('Via tRPC '), rate_bp: 1900 });
    expect(created.rate_bp).toBe(1900);
    const retired = await managerCaller.taxRates.update({ id: created.id, changes: { is_active: false } });
    expect(retired.is_active).toBe(false);
    expect((await managerCaller.taxRates.list({ include_inactive: 'true' })).some((r) => r.id === created.id)).toBe(true);
  });

  it('gives a product an active rate or none; an unknown or inactive rate is 400 fields.tax_rate_id', async () => {
    const rate = await addRate(uniqueName('Food '), 700);
    const retired = await addRate(uniqueName('Retired '), 1600);
    expect((await t.api.patch(`/tax-rates/${retired.id}`, { is_active: false }, as(manager))).status).toBe(200);

    const untaxed = await createProduct();
    expect(untaxed.status).toBe(201);
    expect(untaxed.body.tax_rate_id).toBeNull();
    const taxed = await createProduct({ tax_rate_id: rate.id });
    expect(taxed.status, JSON.stringify(taxed.body)).toBe(201);
    expect(taxed.body.tax_rate_id).toBe(rate.id);
    expect((await t.api.get(`/products/${taxed.body.id}`, as(cashier))).body.tax_rate_id).toBe(rate.id);

    for (const tax_rate_id of [987654, retired.id]) {
      const created = await createProduct({ tax_rate_id });
      expect(created.status, JSON.stringify(created.body)).toBe(400);
      expect(created.body.error).toBe('validation_failed');
      expect(Object.keys(created.body.fields ?? {})).toEqual(['tax_rate_id']);
      const patched = await t.api.patch(`/products/${untaxed.body.id}`, { tax_rate_id }, as(manager));
      expect(patched.status).toBe(400);
      expect(Object.keys(patched.body.fields ?? {})).toEqual(['tax_rate_id']);
    }
    // Nothing of a refused write is kept.
    expect((await t.api.get(`/products/${untaxed.body.id}`, as(manager))).body.tax_rate_id).toBeNull();

    const given = await t.api.patch(`/products/${untaxed.body.id}`, { tax_rate_id: rate.id }, as(manager));
    expect(given.status).toBe(200);
    expect(given.body.tax_rate_id).toBe(rate.id);
    const cleared = await t.api.patch(`/products/${untaxed.body.id}`, { tax_rate_id: null }, as(manager));
    expect(cleared.status).toBe(200);
    expect(cleared.body.tax_rate_id).toBeNull();

    // The tRPC twin applies the same rule.
    const caller = await trpcAs(manager);
    await expect(
      caller.catalog.create({ sku: uniqueName('TRPC-'), name: 'Via tRPC', price_cents: 100, tax_rate_id: retired.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { error: 'validation_failed', extras: { fields: { tax_rate_id: expect.any(Array) } } },
    });
  });

  it('lets a product keep a rate deactivated later (and re-send it in a PATCH), but not take it anew', async () => {
    const rate = await addRate(uniqueName('Soon gone '), 1300);
    const product = await createProduct({ tax_rate_id: rate.id });
    expect(product.status).toBe(201);
    expect((await t.api.patch(`/tax-rates/${rate.id}`, { is_active: false }, as(manager))).status).toBe(200);

    expect((await t.api.get(`/products/${product.body.id}`, as(manager))).body.tax_rate_id).toBe(rate.id);
    const edited = await t.api.patch(`/products/${product.body.id}`, { name: 'Still taxed', tax_rate_id: rate.id }, as(manager));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.tax_rate_id).toBe(rate.id);

    // The order code reads the rate it sells at from the core.
    const refs = t.core.services.taxRates.taxRateRefsOf([product.body.id, 987654]);
    expect(refs.get(product.body.id)).toEqual({ id: rate.id, name: rate.name, rate_bp: 1300 });
    expect(refs.get(987654)).toBeNull();
    expect(t.core.services.taxRates.getTaxRate(rate.id)).toEqual({ id: rate.id, name: rate.name, rate_bp: 1300 });
    expect(t.core.services.taxRates.getTaxRate(987654)).toBeNull();

    // Once it has left the rate, it cannot go back to it while it is inactive.
    expect((await t.api.patch(`/products/${product.body.id}`, { tax_rate_id: null }, as(manager))).status).toBe(200);
    const again = await t.api.patch(`/products/${product.body.id}`, { tax_rate_id: rate.id }, as(manager));
    expect(again.status).toBe(400);
    expect(Object.keys(again.body.fields ?? {})).toEqual(['tax_rate_id']);
  });

  it('leaves the rate alone in a CSV import: an updated product keeps it, a new one is untaxed, a rate column is refused', async () => {
    const rate = await addRate(uniqueName('Kept '), 900);
    const product = await createProduct({ tax_rate_id: rate.id });
    expect(product.status).toBe(201);
    const caller = await trpcAs(manager);
    const newSku = uniqueName('IMP-').toUpperCase();
    const [updated, created, withRate] = await caller.catalog.importRows({
      rows: [
        { line: 2, product: { sku: product.body.sku, name: 'Re-imported', price_cents: 600 } },
        { line: 3, product: { sku: newSku, name: 'New by import', price_cents: 100 } },
        { line: 4, product: { sku: uniqueName('IMP-').toUpperCase(), name: 'With a rate', price_cents: 100, tax_rate_id: rate.id } },
      ],
    });
    expect(updated).toMatchObject({ ok: true, action: 'updated', product: { name: 'Re-imported', tax_rate_id: rate.id } });
    expect(created).toMatchObject({ ok: true, action: 'created', product: { sku: newSku, tax_rate_id: null } });
    expect(withRate).toMatchObject({ ok: false });
  });

  it('audits tax_rate.created and tax_rate.updated with who and what changed', async () => {
    const name = uniqueName('Audited ');
    const rate = await addRate(name, 2100);
    expect((await t.api.patch(`/tax-rates/${rate.id}`, { name: `${name}!` }, as(owner))).status).toBe(200);
    expect((await t.api.patch(`/tax-rates/${rate.id}`, { is_active: false }, as(manager))).status).toBe(200);
    // A PATCH that changes nothing writes nothing.
    expect((await t.api.patch(`/tax-rates/${rate.id}`, { is_active: false }, as(manager))).status).toBe(200);
    // Neither does a refused one.
    expect((await t.api.patch(`/tax-rates/${rate.id}`, { rate_bp: 1 }, as(manager))).status).toBe(400);

    const log = await t.api.get('/audit-log?action=tax_rate&limit=200', as(owner));
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const mine = (log.body as AuditRow[]).filter((e) => e.target_type === 'tax_rate' && e.target_id === rate.id);
    // Newest first.
    expect(mine.map((e) => ({ action: e.action, actor: e.actor?.id, before: e.before, after: e.after }))).toEqual([
      {
        action: 'tax_rate.updated',
        actor: manager.id,
        before: { name: `${name}!`, is_active: true },
        after: { name: `${name}!`, is_active: false },
      },
      { action: 'tax_rate.updated', actor: owner.id, before: { name }, after: { name: `${name}!` } },
      { action: 'tax_rate.created', actor: manager.id, before: null, after: { name, rate_bp: 2100, is_active: true } },
    ]);
  });

  async function trpcAs(user: SignedIn) {
    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({
      services: t.core.services,
      session,
      fromLoopback: true,
      clientKey: `window:tax-${uniqueName('c')}`,
    });
    await caller.auth.login({ username: user.username, password: user.password });
    return caller;
  }
});
