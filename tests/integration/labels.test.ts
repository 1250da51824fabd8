import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient, trpcErrorOf } from '../helpers/trpc-client';

/**
 * Barcode labels (issue 14): `POST /labels` answers a printable HTML sheet with one label per
 * copy, each with its escaped name, its price in the shop's currency and its barcode as SVG;
 * managers only; unknown or retired products are named per item.
 */

let t: TestCore;
let owner: SignedIn;
let manager: SignedIn;
let cashier: SignedIn;

beforeAll(async () => {
  // With the web UI: its tRPC over HTTP is what the Labels page calls.
  t = await startTestCore({ webUi: {} });
  owner = await setupOwner(t.api);
  manager = await createSignedInUser(t.api, owner, 'manager');
  cashier = await createSignedInUser(t.api, manager, 'cashier');
});
afterAll(() => t.stop());

const as = (who: SignedIn) => ({ token: who.access });

async function createProduct(fields: Record<string, unknown>): Promise<{ id: number; sku: string }> {
  const sku = uniqueName('LB-').toUpperCase();
  const res = await t.api.post('/products', { sku, name: `Item ${sku}`, price_cents: 250, ...fields }, as(manager));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const count = (html: string, needle: string) => html.split(needle).length - 1;
const money = (cents: number, currency: string, decimals: number) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 10 ** decimals);

describe('POST /labels', () => {
  it('prints every copy of each product: escaped name, shop-currency price, one barcode SVG each', async () => {
    const milk = await createProduct({ name: 'Milk <b>1 L</b> & "fresh"', price_cents: 129, barcode: '4006381333931' });
    const bread = await createProduct({ name: "Baker's bread", price_cents: 250 });

    const res = await t.api.post(
      '/labels',
      {
        items: [
          { product_id: milk.id, copies: 3 },
          { product_id: bread.id, copies: 2 },
        ],
      },
      as(manager),
    );
    expect(res.status, String(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = String(res.body);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0; }');
    expect(count(html, 'class="label"')).toBe(5);
    expect(count(html, '<svg ')).toBe(5);
    expect(count(html, `data-product-id="${milk.id}"`)).toBe(3);
    expect(count(html, `data-product-id="${bread.id}"`)).toBe(2);
    // The name is text, never markup; no script of any kind.
    expect(html).toContain('Milk &lt;b&gt;1 L&lt;/b&gt; &amp; &quot;fresh&quot;');
    expect(html).not.toContain('<b>1 L</b>');
    expect(html).toContain('Baker&#39;s bread');
    expect(html).not.toMatch(/<script/i);
    expect(count(html, money(129, 'EUR', 2))).toBe(3);
    expect(count(html, money(250, 'EUR', 2))).toBe(2);
    // The barcode when there is one, else the SKU.
    expect(count(html, '<div class="code">4006381333931</div>')).toBe(3);
    expect(count(html, `<div class="code">${bread.sku}</div>`)).toBe(2);
  });

  it('puts one label on each page of a label printer, `@page` of its size', async () => {
    const tea = await createProduct({ name: 'Green tea' });
    const res = await t.api.post(
      '/labels',
      { items: [{ product_id: tea.id, copies: 4 }], layout: { kind: 'label_printer', width_mm: 50, height_mm: 30 } },
      as(owner),
    );
    expect(res.status, String(res.body)).toBe(200);
    const html = String(res.body);
    expect(html).toContain('@page { size: 50mm 30mm; margin: 0; }');
    expect(count(html, '<section class="page">')).toBe(4);
    expect(count(html, 'class="label"')).toBe(4);
  });

  it('follows the shop’s currency and its minor unit', async () => {
    const patched = await t.api.patch('/shop', { currency: 'JPY' }, as(owner));
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    try {
      const rice = await createProduct({ name: 'Rice', price_cents: 1250 });
      const res = await t.api.post('/labels', { items: [{ product_id: rice.id, copies: 1 }] }, as(manager));
      expect(res.status, String(res.body)).toBe(200);
      expect(String(res.body)).toContain(`<div class="price">${money(1250, 'JPY', 0)}</div>`);
    } finally {
      expect((await t.api.patch('/shop', { currency: 'EUR' }, as(owner))).status).toBe(200);
    }
  });

  it('refuses a cashier with 403 in the API.md format', async () => {
    const product = await createProduct({});
    const res = await t.api.post('/labels', { items: [{ product_id: product.id, copies: 1 }] }, as(cashier));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', message: expect.any(String) });
  });

  it('names unknown and retired products per item with 400 `fields`', async () => {
    const kept = await createProduct({});
    const retired = await createProduct({});
    expect((await t.api.delete(`/products/${retired.id}`, as(manager))).status).toBe(204);
    const res = await t.api.post(
      '/labels',
      {
        items: [
          { product_id: kept.id, copies: 1 },
          { product_id: 999_999, copies: 1 },
          { product_id: retired.id, copies: 2 },
        ],
      },
      as(manager),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toEqual({
      error: 'validation_failed',
      message: expect.any(String),
      fields: { 'items.1.product_id': [expect.any(String)], 'items.2.product_id': [expect.any(String)] },
    });
  });

  it('keeps copies to 1–500 and a sheet to 2000 labels', async () => {
    const product = await createProduct({});
    for (const copies of [0, 501, 1.5]) {
      const res = await t.api.post('/labels', { items: [{ product_id: product.id, copies }] }, as(manager));
      expect(res.status, `${copies}`).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(['items.0.copies']);
    }
    const tooMany = await t.api.post(
      '/labels',
      { items: Array.from({ length: 5 }, () => ({ product_id: product.id, copies: 401 })) },
      as(manager),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: 'validation_failed', fields: { items: [expect.stringContaining('2000')] } });
    const most = await t.api.post(
      '/labels',
      { items: Array.from({ length: 4 }, () => ({ product_id: product.id, copies: 500 })) },
      as(manager),
    );
    expect(most.status).toBe(200);
    expect(most.headers.get('x-label-count')).toBe('2000');
  });

  it('is in the OpenAPI document as text/html', async () => {
    const doc = await t.api.get('/openapi.json');
    const operation = doc.body.paths['/api/v1/labels'].post;
    expect(operation.operationId).toBe('createLabelSheet');
    expect(Object.keys(operation.responses[200].content)).toEqual(['text/html']);
  });
});

describe('tRPC labels.sheet', () => {
  it('answers the same sheet and its count; refuses a cashier', async () => {
    const product = await createProduct({ name: 'Soap' });
    const ui = await signedInTrpcClient(t.core.url, manager.username, PASSWORDS.manager);
    const sheet = await ui.labels.sheet.mutate({ items: [{ product_id: product.id, copies: 2 }] });
    expect(sheet.count).toBe(2);
    expect(count(sheet.html, 'class="label"')).toBe(2);
    const till = await signedInTrpcClient(t.core.url, cashier.username, PASSWORDS.cashier);
    expect(await trpcErrorOf(till.labels.sheet.mutate({ items: [{ product_id: product.id, copies: 1 }] }))).toMatchObject({
      error: 'forbidden',
    });
  });
});
