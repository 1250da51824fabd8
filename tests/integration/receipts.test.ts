import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDto } from '../../shared/schemas/orders';
import type { ReceiptDocument } from '../../shared/schemas/receipts';
import type { RefundDto } from '../../shared/schemas/refunds';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { signedInTrpcClient } from '../helpers/trpc-client';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md "Receipts and printers", first bullet, over HTTP against the real core: the
 * receipt is built from the stored sale or refund (its figures are the order's, gross or net
 * as the sale was priced), dated on the shop's clock, in text, HTML or JSON; reading it is
 * reading the order.
 */

const TOKYO = 'Asia/Tokyo';
const SHOP_NAME = 'Bob & Sons <Deli>';

describe('receipts', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let customer: SignedIn;
  let standardRate: number;
  let reducedRate: number;
  let registerName: string;
  const token = (user: SignedIn) => ({ token: user.access });

  async function shop(settings: Record<string, unknown>): Promise<void> {
    const res = await t.api.patch('/shop', settings, token(owner));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function product(priceCents: number, taxRateId: number | null): Promise<number> {
    const sku = uniqueName('RC').toUpperCase();
    const res = await t.api.post(
      '/products',
      { sku, name: `Item ${sku}`, price_cents: priceCents, stock: 100, tax_rate_id: taxRateId },
      token(manager),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  /** The cashier's sale of 2 × a (10 % off the line) and 3 × b, paid in cash with a 50.00 note. */
  async function cashSale(a: number, b: number): Promise<OrderDto> {
    const items = [
      { product_id: a, amount: 2, discount: { type: 'percent', value: 10 } },
      { product_id: b, amount: 3 },
    ];
    const open = await t.api.post('/orders', { items }, token(cashier));
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    // Cash rounds to 5 cents: the core says what is due when the first try is off.
    const pay = (cents: number) =>
      t.api.post(
        `/orders/${open.body.id}/complete`,
        { payments: [{ method: 'cash', amount_cents: cents, tendered_cents: 5000 }] },
        token(cashier),
      );
    let paid = await pay(open.body.total_cents);
    if (paid.status === 400 && paid.body.error === 'payment_mismatch') paid = await pay(paid.body.details[0].due_cents);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    return paid.body;
  }

  const receipt = (path: string, user: SignedIn, query = '') => t.api.get(`${path}/receipt${query}`, token(user));

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    customer = await signIn(t.api, username, PASSWORDS.customer);
    standardRate = (await t.api.post('/tax-rates', { name: 'Standard', rate_bp: 2000 }, token(manager))).body.id;
    reducedRate = (await t.api.post('/tax-rates', { name: 'Reduced', rate_bp: 700 }, token(manager))).body.id;
    const { registerId } = await openDrawer(t.api, cashier, { floatCents: 20_000 });
    registerName = (await t.api.get('/registers', token(manager))).body.find((r: { id: number }) => r.id === registerId).name;
    await shop({
      name: SHOP_NAME,
      address: '1 Market Street\nSpringfield',
      tax_id: 'VAT-998877',
      time_zone: TOKYO,
      cash_rounding_cents: 5,
      receipt_footer: 'Thank you!',
    });
  }, 90_000);
  afterAll(async () => {
    await t.stop();
  });

  /** The order's own figures, as the receipt must show them. */
  function expectSaleFigures(doc: ReceiptDocument, order: OrderDto, includesTax: boolean) {
    expect(doc.kind).toBe('sale');
    expect(doc.receipt_no).toBe(order.receipt_no);
    expect(doc.barcode).toBe(String(order.receipt_no));
    expect(doc.refund_of_receipt_no).toBeNull();
    expect(doc.prices_include_tax).toBe(includesTax);
    expect(doc.lines).toEqual(
      order.items.map((item) => ({
        name: item.name,
        amount: item.amount,
        unit_price_cents: item.unit_price_cents,
        discount_cents: item.discount_cents,
        total_cents: item.net_line_cents,
        tax_code: item.tax_rate_id === standardRate ? 'A' : 'B',
      })),
    );
    for (const field of ['subtotal_cents', 'discount_cents', 'tax_cents', 'rounding_cents', 'total_cents', 'due_cents'] as const)
      expect(doc[field], field).toBe(order[field]);
    // A is the higher rate; each row's net + tax is its gross, and the rows add up to the tax.
    expect(doc.taxes.map((tax) => [tax.code, tax.rate_bp])).toEqual([
      ['A', 2000],
      ['B', 700],
    ]);
    for (const tax of doc.taxes) {
      const stored = order.taxes.find((entry) => entry.rate_bp === tax.rate_bp);
      expect(tax.tax_cents).toBe(stored?.tax_cents);
      expect(tax.net_cents).toBe(includesTax ? (stored?.taxable_cents ?? 0) - tax.tax_cents : stored?.taxable_cents);
      expect(tax.net_cents + tax.tax_cents).toBe(tax.gross_cents);
    }
    expect(doc.taxes.reduce((sum, tax) => sum + tax.tax_cents, 0)).toBe(order.tax_cents);
    expect(doc.tenders).toEqual(order.payments.map(({ reference: _, ...tender }) => tender));
    expect(doc.change_cents).toBe(order.payments.reduce((sum, p) => sum + p.change_cents, 0));
    expect(doc.cashier).toBe('Test cashier');
    expect(doc.register).toBe(registerName);
    expect(doc.shop).toEqual({ name: SHOP_NAME, address: '1 Market Street\nSpringfield', tax_id: 'VAT-998877' });
    expect(doc.footer).toBe('Thank you!');
    // Tokyo is UTC+9 all year.
    expect(doc.time_zone).toBe(TOKYO);
    expect(doc.issued_at).toBe(order.completed_at);
    const tokyo = new Date(Date.parse(order.completed_at ?? '') + 9 * 3_600_000).toISOString();
    expect(doc.local_time).toBe(`${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)}`);
  }

  it('a gross-priced cash sale at two rates with a line discount: json, text and html from the stored order', async () => {
    await shop({ prices_include_tax: true });
    const sold = await cashSale(await product(1999, standardRate), await product(349, reducedRate));
    expect(sold.payments[0]?.change_cents).toBeGreaterThan(0);
    expect(sold.items[0]?.discount_cents).toBeGreaterThan(0);

    const json = await receipt(`/orders/${sold.id}`, cashier, '?format=json');
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expectSaleFigures(json.body, sold, true);

    for (const width of [48, 32]) {
      const text = await receipt(`/orders/${sold.id}`, cashier, width === 48 ? '' : `?format=text&width=${width}`);
      expect(text.status).toBe(200);
      expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const lines = (text.body as string).trimEnd().split('\n');
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(text.body).toContain(`Receipt ${sold.receipt_no}`);
      expect(text.body).toContain(SHOP_NAME);
      expect(text.body).toContain(json.body.local_time);
      expect(lines.some((line) => line.startsWith('TOTAL'))).toBe(true);
    }

    const html = await receipt(`/orders/${sold.id}`, cashier, '?format=html&width=32');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('Bob &amp; Sons &lt;Deli&gt;');
    expect(html.body).not.toContain('<Deli>');
    expect(html.body).toContain('size: 58mm auto');
    expect(html.body).toMatch(/<svg[^>]*>/);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");

    // The UI's twin answers the same document and its renderings.
    const trpc = await signedInTrpcClient(t.core.url, cashier.username, cashier.password);
    const viaTrpc = await trpc.receipts.order.query({ id: sold.id, width: 32 });
    expect(viaTrpc.document).toEqual(json.body);
    expect(viaTrpc.html).toContain('size: 58mm auto');
    expect(viaTrpc.text.split('\n').every((line) => [...line].length <= 32)).toBe(true);
  });

  it('a net-priced sale stays net on its receipt after the shop turns to gross prices', async () => {
    await shop({ prices_include_tax: false });
    const sold = await cashSale(await product(1000, standardRate), await product(200, reducedRate));
    expect(sold.total_cents).toBe(sold.items.reduce((sum, item) => sum + item.net_line_cents, 0) + sold.tax_cents);
    await shop({ prices_include_tax: true });
    const json = await receipt(`/orders/${sold.id}`, manager, '?format=json');
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    expectSaleFigures(json.body, sold, false);
    const text = await receipt(`/orders/${sold.id}`, manager);
    expect((text.body as string).split('\n').some((line) => line.startsWith('Tax '))).toBe(true);
  });

  it('a refund’s receipt says which receipt it refunds, with its own number, lines and tender', async () => {
    await shop({ prices_include_tax: true });
    const sold = await cashSale(await product(1999, standardRate), await product(349, reducedRate));
    const line = sold.items[1];
    if (!line) throw new Error('the sale has two lines');
    const made = await t.api.post(
      `/orders/${sold.id}/refunds`,
      {
        items: [{ order_item_id: line.order_item_id, amount: 1, restock: true }],
        payments: [{ method: 'card', amount_cents: 349 }],
        reason: 'Stale <bread>',
      },
      token(manager),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const refund: RefundDto = made.body;

    const json = await receipt(`/refunds/${refund.id}`, cashier, '?format=json');
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    const doc: ReceiptDocument = json.body;
    expect(doc.kind).toBe('refund');
    expect(doc.receipt_no).toBe(refund.receipt_no);
    expect(doc.refund_of_receipt_no).toBe(sold.receipt_no);
    expect(doc.lines).toEqual([{ name: line.name, amount: 1, unit_price_cents: 349, discount_cents: 0, total_cents: 349, tax_code: 'A' }]);
    expect(doc.total_cents).toBe(refund.total_cents);
    expect(doc.tax_cents).toBe(refund.tax_cents);
    expect(doc.taxes).toEqual([
      { code: 'A', name: 'Reduced', rate_bp: 700, net_cents: 349 - refund.tax_cents, tax_cents: refund.tax_cents, gross_cents: 349 },
    ]);
    expect(doc.tenders).toEqual([{ method: 'card', amount_cents: 349, tendered_cents: 349, change_cents: 0 }]);
    expect(doc.reason).toBe('Stale <bread>');
    expect(doc.cashier).toBe('Test manager');
    expect(doc.issued_at).toBe(refund.created_at);

    const text = await receipt(`/refunds/${refund.id}`, cashier, '?width=32');
    expect(text.status).toBe(200);
    expect(text.body).toContain(`Refund of receipt ${sold.receipt_no}`);
    expect(text.body).toContain(`Receipt ${refund.receipt_no}`);
    const html = await receipt(`/refunds/${refund.id}`, cashier, '?format=html');
    expect(html.body).toContain('Stale &lt;bread&gt;');

    const trpc = await signedInTrpcClient(t.core.url, manager.username, manager.password);
    expect((await trpc.receipts.refund.query({ id: refund.id })).document).toEqual(doc);

    // Reading the receipt is reading the order: a customer finds neither.
    expect((await receipt(`/refunds/${refund.id}`, customer)).status).toBe(404);
    expect((await receipt(`/orders/${sold.id}`, customer)).status).toBe(404);
  });

  it('refusals: an open or cancelled order 409, someone else’s sale 404, a bad width or format 400, in the API.md format', async () => {
    const p = await product(500, standardRate);
    const open = await t.api.post('/orders', { items: [{ product_id: p, amount: 1 }] }, token(cashier));
    expect(open.status).toBe(201);
    const refused = await receipt(`/orders/${open.body.id}`, cashier);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'invalid_state' });
    expect(typeof refused.body.message).toBe('string');
    expect((await t.api.post(`/orders/${open.body.id}/cancel`, {}, token(cashier))).status).toBe(200);
    expect((await receipt(`/orders/${open.body.id}`, cashier, '?format=json')).status).toBe(409);

    const sold = await cashSale(await product(1999, standardRate), await product(349, reducedRate));
    const hidden = await receipt(`/orders/${sold.id}`, customer, '?format=html');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ error: 'not_found' });
    expect((await receipt('/orders/987654', cashier)).status).toBe(404);
    expect((await receipt('/refunds/987654', cashier)).status).toBe(404);

    const wide = await receipt(`/orders/${sold.id}`, cashier, '?width=40');
    expect(wide.status).toBe(400);
    expect(wide.body).toMatchObject({ error: 'validation_failed', fields: { width: [expect.any(String)] } });
    const pdf = await receipt(`/orders/${sold.id}`, cashier, '?format=pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body).toMatchObject({ error: 'validation_failed', fields: { format: [expect.any(String)] } });
    expect((await t.api.get(`/orders/${sold.id}/receipt`)).status).toBe(401);
  });
});
