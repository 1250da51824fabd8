import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReceiptMoney } from '../../electron/core/receipts/receipt-layout';
import type { OrderDto } from '../../shared/schemas/orders';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { signedInTrpcClient, trpcErrorOf } from '../helpers/trpc-client';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/**
 * Issue 14 item 4 over HTTP against the real core and a real SMTP server on loopback: a sale's
 * or a refund's receipt goes out through the outbox as text with an HTML alternative, to
 * whoever may read it, with the address checked, audited and capped per account.
 */

const SHOP_NAME = 'Bob & Sons <Deli>';
const MAIL_LIMIT = 4;

describe('receipts by e-mail', () => {
  let mail: MailCatcher;
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let customer: SignedIn;
  let productId: number;
  const token = (user: SignedIn) => ({ token: user.access });

  async function cashSale(): Promise<OrderDto> {
    const open = await t.api.post('/orders', { items: [{ product_id: productId, amount: 3 }] }, token(cashier));
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const paid = await t.api.post(
      `/orders/${open.body.id}/complete`,
      { payments: [{ method: 'cash', amount_cents: open.body.total_cents, tendered_cents: 5000 }] },
      token(cashier),
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    return paid.body;
  }

  /** The catcher's message parsed again, for its HTML part (the catcher keeps the text only). */
  async function htmlOf(raw: string): Promise<string> {
    const parsed = await simpleParser(raw);
    return typeof parsed.html === 'string' ? parsed.html : '';
  }

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestCore({ webUi: {}, env: { smtpUrl: mail.url }, receiptMailLimit: { points: MAIL_LIMIT, windowSeconds: 600 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    customer = await signIn(t.api, username, PASSWORDS.customer);
    expect((await t.api.patch('/shop', { name: SHOP_NAME, currency: 'EUR' }, token(owner))).status).toBe(200);
    const created = await t.api.post(
      '/products',
      { sku: uniqueName('RM').toUpperCase(), name: 'Sourdough', price_cents: 450, stock: 100 },
      token(manager),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    productId = created.body.id;
    await openDrawer(t.api, cashier, { floatCents: 10_000 });
  }, 90_000);
  afterAll(async () => {
    await t.stop();
    await mail.close();
  });

  it('sends a sale’s receipt as text with the receipt number and total, and HTML with the shop’s name escaped', async () => {
    const sale = await cashSale();
    const sent = await t.api.post(`/orders/${sale.id}/receipt/email`, { to: 'Ann@Example.test' }, token(cashier));
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body).toMatchObject({ message_id: expect.any(Number), status: 'queued' });

    const received = await mail.nextMessage('ann@example.test');
    expect(received.subject).toBe(`Receipt ${sale.receipt_no} · ${SHOP_NAME}`);
    expect(received.text).toContain(String(sale.receipt_no));
    expect(received.text).toContain(formatReceiptMoney(sale.total_cents, 'EUR'));
    expect(received.raw).toMatch(/multipart\/alternative/i);
    const html = await htmlOf(received.raw);
    expect(html).toContain('Bob &amp; Sons &lt;Deli&gt;');
    expect(html).not.toContain('<Deli>');
    expect(html).toContain(`data-receipt-no="${sale.receipt_no}"`);

    const audit = await t.api.get('/audit-log?action=receipt.emailed', token(owner));
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const rows: { target_type: string; target_id: number; after: Record<string, unknown> }[] = audit.body;
    expect(rows.find((row) => row.target_id === sale.id)).toMatchObject({
      target_type: 'order',
      after: { to: 'ann@example.test', kind: 'sale', receipt_no: sale.receipt_no, status: 'pending' },
    });
  });

  it('sends a refund’s receipt over tRPC too', async () => {
    const sale = await cashSale();
    const line = sale.items[0];
    if (!line) throw new Error('the sale has a line');
    const made = await t.api.post(
      `/orders/${sale.id}/refunds`,
      {
        items: [{ order_item_id: line.order_item_id, amount: 1, restock: true }],
        payments: [{ method: 'cash', amount_cents: 450 }],
        reason: 'Crushed',
      },
      token(manager),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const trpc = await signedInTrpcClient(t.core.url, manager.username, PASSWORDS.manager);
    const sent = await trpc.receipts.emailRefund.mutate({ id: made.body.id, to: 'bea@example.test' });
    expect(sent.status).toBe('queued');
    const received = await mail.nextMessage('bea@example.test');
    expect(received.subject).toBe(`Refund receipt ${made.body.receipt_no} · ${SHOP_NAME}`);
    expect(received.text).toContain(String(sale.receipt_no));
  });

  it('refuses an address that is not one (400 fields.to), over REST and tRPC', async () => {
    const sale = await cashSale();
    for (const to of ['not-an-address', '', 'a@b', 'x@example.test\r\nBcc: spam@example.test']) {
      const res = await t.api.post(`/orders/${sale.id}/receipt/email`, { to }, token(cashier));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields?.to, JSON.stringify(res.body)).toBeDefined();
    }
    const trpc = await signedInTrpcClient(t.core.url, cashier.username, PASSWORDS.cashier);
    const error = await trpcErrorOf(trpc.receipts.emailOrder.mutate({ id: sale.id, to: 'nope' }));
    expect(error.fields?.to).toBeDefined();
    expect(mail.received('not-an-address')).toHaveLength(0);
  });

  it('is 404 to a customer for someone else’s sale, and for a sale that does not exist', async () => {
    const sale = await cashSale();
    const res = await t.api.post(`/orders/${sale.id}/receipt/email`, { to: 'me@example.test' }, token(customer));
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect((await t.api.post('/orders/999999/receipt/email', { to: 'me@example.test' }, token(cashier))).status).toBe(404);
    expect((await t.api.post('/refunds/999999/receipt/email', { to: 'me@example.test' }, token(cashier))).status).toBe(404);
    expect((await t.api.post(`/orders/${sale.id}/receipt/email`, { to: 'me@example.test' })).status).toBe(401);
    expect(mail.received('me@example.test')).toHaveLength(0);
  });

  it('is 409 for an order that is still open', async () => {
    const open = await t.api.post('/orders', { items: [{ product_id: productId, amount: 1 }] }, token(cashier));
    expect(open.status).toBe(201);
    const res = await t.api.post(`/orders/${open.body.id}/receipt/email`, { to: 'open@example.test' }, token(cashier));
    expect(res.status, JSON.stringify(res.body)).toBe(409);
  });

  it('caps how many receipts one account sends (429), not the others', async () => {
    const sale = await cashSale();
    const seller = await createSignedInUser(t.api, manager, 'cashier');
    const results: number[] = [];
    for (let i = 0; i <= MAIL_LIMIT; i += 1)
      results.push((await t.api.post(`/orders/${sale.id}/receipt/email`, { to: 'cap@example.test' }, token(seller))).status);
    expect(results).toEqual([...Array<number>(MAIL_LIMIT).fill(202), 429]);
    expect((await t.api.post(`/orders/${sale.id}/receipt/email`, { to: 'cap@example.test' }, token(manager))).status).toBe(202);
  });
});

describe('receipts by e-mail without a mail server', () => {
  let t: TestCore;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {}, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('keeps the message in the outbox, says so, and the Super Admin sees it there', async () => {
    const owner = await setupOwner(t.api);
    const cashier = await createSignedInUser(t.api, owner, 'cashier');
    const product = await t.api.post('/products', { sku: 'KEPT-1', name: 'Tea', price_cents: 300, stock: 5 }, { token: owner.access });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    await openDrawer(t.api, cashier);
    const open = await t.api.post('/orders', { items: [{ product_id: product.body.id, amount: 1 }] }, { token: cashier.access });
    const paid = await t.api.post(
      `/orders/${open.body.id}/complete`,
      { payments: [{ method: 'card', amount_cents: open.body.total_cents }] },
      { token: cashier.access },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);

    const sent = await t.api.post(`/orders/${open.body.id}/receipt/email`, { to: 'kept@example.test' }, { token: cashier.access });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.status).toBe('outbox');
    expect(sent.body.message).toMatch(/outbox/);

    const trpc = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    const kept = (await trpc.notifications.outbox.query()).find((m) => m.id === sent.body.message_id);
    expect(kept).toMatchObject({ recipient: 'kept@example.test', status: 'outbox', subject: expect.stringContaining('Receipt') });
  });
});
