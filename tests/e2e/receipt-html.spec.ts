// Issue 14, items 1, 4 and 6 in Chromium. The core's HTML receipt of a sale with two tax rates,
// a discount and cash change, on a page as wide as the paper (58 mm ≈ 219 px, 80 mm ≈ 302 px at
// 96 dpi) as it prints: nothing runs off the side, the receipt number, the tax table and the
// barcode show. Then the till: the receipt after a sale is the core's document, Send by e-mail
// reaches a loopback SMTP server, and the order's drawer opens the same receipt and prints it.
import type { APIRequestContext, Browser } from '@playwright/test';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test, type Shop } from './fixtures';
import { addByCode, arrangeAccount, createProduct, createTaxRate, money, openNav } from './pos-helpers';

test.use({ locale: 'en-US' });

const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };
const TEA = { sku: 'TEA-100', barcode: '4000000000406', name: 'Green tea 100 g', price_cents: 1299, stock: 20 };
const JAM = { sku: 'JAM-340', barcode: '4000000000413', name: 'Apricot jam 340 g', price_cents: 475, stock: 20 };
const PAPER = [
  { width: 32, mm: 58, px: 219 },
  { width: 48, mm: 80, px: 302 },
] as const;

interface ReceiptDoc {
  receipt_no: number;
  total_cents: number;
  change_cents: number;
  taxes: { code: string; name: string; rate_bp: number }[];
  lines: { name: string }[];
  tenders: { method: string }[];
}

let mail: MailCatcher | undefined;
test.beforeAll(async () => {
  mail = await startMailCatcher();
});
test.afterAll(async () => {
  await mail?.close();
});
// The server of each test sends mail to the catcher (plain SMTP on loopback).
test.use({
  shopEnv: async ({}, use) => {
    await use(mail ? { SHOPDESK_SMTP_URL: mail.url } : {});
  },
});

async function arrangeShop(request: APIRequestContext, shop: Shop) {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const auth = { Authorization: `Bearer ${token}` };
  const patched = await request.patch(`${shop.api}/shop`, {
    data: { name: 'Corner <Deli> & Tea', address: '1 Market Street', tax_id: 'VAT-4242', receipt_footer: 'Thank you!' },
    headers: auth,
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const standard = await createTaxRate(request, shop, token, { name: 'Standard', rate_bp: 2000 });
  const reduced = await createTaxRate(request, shop, token, { name: 'Reduced', rate_bp: 700 });
  const ids = {
    tea: await createProduct(request, shop, token, { ...TEA, tax_rate_id: standard }),
    jam: await createProduct(request, shop, token, { ...JAM, tax_rate_id: reduced }),
  };
  return { token, auth, ids };
}

async function openDrawer(request: APIRequestContext, shop: Shop, auth: Record<string, string>): Promise<void> {
  const registers = (await (await request.get(`${shop.api}/registers`, { headers: auth })).json()) as { id: number; is_default: boolean }[];
  const opened = await request.post(`${shop.api}/cash-sessions`, {
    data: { register_id: registers.find((r) => r.is_default)?.id, opening_float_cents: 5000 },
    headers: auth,
  });
  expect(opened.status(), await opened.text()).toBe(201);
}

async function receiptJson(request: APIRequestContext, shop: Shop, auth: Record<string, string>, orderId: number): Promise<ReceiptDoc> {
  const res = await request.get(`${shop.api}/orders/${orderId}/receipt?format=json`, { headers: auth });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ReceiptDoc;
}

test('the HTML receipt fits 58 mm and 80 mm paper with its number, tax table and barcode', async ({ browser, shop, request }, testInfo) => {
  const { auth, ids } = await arrangeShop(request, shop);
  await openDrawer(request, shop, auth);
  // Two rates, 10 % off the tea, a €50 note: a tax table of two rows and change to give.
  const open = await request.post(`${shop.api}/orders`, {
    data: {
      items: [
        { product_id: ids.tea, amount: 2, discount: { type: 'percent', value: 10 } },
        { product_id: ids.jam, amount: 3 },
      ],
    },
    headers: auth,
  });
  expect(open.status(), await open.text()).toBe(201);
  const order = (await open.json()) as { id: number; total_cents: number };
  const paid = await request.post(`${shop.api}/orders/${order.id}/complete`, {
    data: { payments: [{ method: 'cash', amount_cents: order.total_cents, tendered_cents: 5000 }] },
    headers: auth,
  });
  expect(paid.status(), await paid.text()).toBe(200);
  const doc = await receiptJson(request, shop, auth, order.id);
  expect(doc.taxes).toHaveLength(2);
  expect(doc.change_cents).toBeGreaterThan(0);

  for (const paper of PAPER) await checkPaper(browser, shop, auth, order.id, doc, paper, testInfo);
});

async function checkPaper(
  browser: Browser,
  shop: Shop,
  auth: Record<string, string>,
  orderId: number,
  doc: ReceiptDoc,
  paper: (typeof PAPER)[number],
  testInfo: Parameters<typeof saveScreenshot>[1],
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: paper.px, height: 900 }, extraHTTPHeaders: auth });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${shop.api}/orders/${orderId}/receipt?format=html&width=${paper.width}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    // As it goes to paper: the print stylesheet sizes the receipt to the roll.
    await page.emulateMedia({ media: 'print' });
    const receipt = page.locator('main.receipt');
    await expect(receipt).toHaveAttribute('data-receipt-no', String(doc.receipt_no));
    const overflow = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(overflow.scroll, `${paper.mm} mm: ${JSON.stringify(overflow)}`).toBeLessThanOrEqual(overflow.client);
    const box = await receipt.boundingBox();
    expect(box?.width ?? Infinity).toBeLessThanOrEqual(paper.px + 1);

    const text = page.locator('main.receipt pre');
    await expect(text).toBeVisible();
    await expect(text).toContainText(String(doc.receipt_no));
    await expect(text).toContainText('Corner <Deli> & Tea');
    // One row of the tax table per rate, by its letter ("A 20%").
    for (const tax of doc.taxes) await expect(text).toContainText(`${tax.code} ${tax.rate_bp / 100}%`);
    await expect(text).toContainText(money(doc.total_cents));
    const barcode = page.locator('main.receipt .barcode svg');
    await expect(barcode).toBeVisible();
    const barcodeBox = await barcode.boundingBox();
    expect((barcodeBox?.x ?? -1) >= 0 && (barcodeBox?.x ?? 0) + (barcodeBox?.width ?? Infinity) <= paper.px).toBe(true);
    await saveScreenshot(page, testInfo, `receipt-${paper.mm}mm`);
  } finally {
    await context.close();
  }
}

test('the till shows the core’s receipt after a sale, sends it by e-mail; the order’s drawer opens and prints it', async ({
  page,
  shop,
  request,
}, testInfo) => {
  const { token, auth } = await arrangeShop(request, shop);
  await arrangeAccount(request, shop, token, CASHIER, 'cashier');
  await openDrawer(request, shop, auth);

  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  const pos = page.getByTestId('pos-page');
  await expect(page.getByTestId('pos-register')).toHaveAttribute('data-drawer', 'open');
  await addByCode(page, TEA.barcode);
  await addByCode(page, JAM.barcode);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');

  // The receipt on screen is the core's document: its number, total, change, tax rows and shop name.
  await expect(pos).toHaveAttribute('data-mode', 'receipt');
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-loaded', 'true');
  const orderId = Number(await page.getByTestId('receipt-no').getAttribute('data-order-id'));
  const doc = await receiptJson(request, shop, auth, orderId);
  await expect(page.getByTestId('receipt-no')).toHaveText(String(doc.receipt_no));
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', String(doc.total_cents));
  await expect(page.getByTestId('receipt-total')).toHaveText(money(doc.total_cents));
  await expect(page.getByTestId('receipt-change')).toHaveText(money(doc.change_cents));
  await expect(page.getByTestId('receipt-tax')).toHaveCount(doc.taxes.length);
  await expect(page.getByTestId('receipt-shop')).toHaveText('Corner <Deli> & Tea');
  await expect(page.getByTestId('receipt')).toContainText('Cashier: Cody Cashier');
  await expect(page.getByTestId('new-sale')).toBeFocused();

  // Send by e-mail: a wrong address is refused under the field; a right one goes to the catcher.
  await page.getByTestId('receipt-email').click();
  const to = page.getByTestId('receipt-email-to');
  await expect(to).toBeFocused();
  await page.keyboard.type('not-an-address');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-email-dialog')).toContainText(/valid e-?mail|email address/i);
  await to.fill('ann@example.test');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-email-dialog')).toBeHidden();
  await expect(page.getByText('The receipt is on its way to ann@example.test.')).toBeVisible();
  if (!mail) throw new Error('the mail catcher did not start');
  const sent = await mail.nextMessage('ann@example.test', 10_000);
  expect(sent.subject).toBe(`Receipt ${doc.receipt_no} · Corner <Deli> & Tea`);
  expect(sent.text).toContain(money(doc.total_cents));
  expect(sent.raw).toMatch(/text\/html/i);
  // Back on the receipt, New sale has the focus again: Enter starts the next sale.
  await expect(page.getByTestId('new-sale')).toBeFocused();
  await saveScreenshot(page, testInfo, 'till-receipt');

  // Print puts the core's HTML in a hidden frame (its own page, not the app's).
  await page.getByTestId('receipt-print').click();
  const frame = page.getByTestId('receipt-print-frame');
  await expect(frame).toHaveAttribute('data-loaded', 'true');
  await expect(page.frameLocator('[data-testid="receipt-print-frame"]').locator('main.receipt')).toHaveAttribute(
    'data-receipt-no',
    String(doc.receipt_no),
  );
  await page.getByTestId('new-sale').focus();
  await page.keyboard.press('Enter');
  await expect(pos).toHaveAttribute('data-mode', 'sale');

  // A jam comes back (over REST, by the owner): its refund has a receipt of its own.
  const sold = (await (await request.get(`${shop.api}/orders/${orderId}`, { headers: auth })).json()) as {
    items: { order_item_id: number; name: string }[];
  };
  const jamLine = sold.items.find((item) => item.name === JAM.name);
  const refunded = await request.post(`${shop.api}/orders/${orderId}/refunds`, {
    data: {
      items: [{ order_item_id: jamLine?.order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'cash', amount_cents: JAM.price_cents }],
      reason: 'Dented lid',
    },
    headers: auth,
  });
  expect(refunded.status(), await refunded.text()).toBe(201);
  const refund = (await refunded.json()) as { id: number; receipt_no: number };

  // The order's drawer: Receipt opens the same document, keyboard first.
  await openNav(page, 'orders');
  const receiptNo = page.getByTestId('orders-receipt-no');
  await receiptNo.fill(String(doc.receipt_no));
  await receiptNo.press('Enter');
  await expect(page.getByTestId('order-detail')).toHaveAttribute('data-order-id', String(orderId));
  await page.getByTestId('order-receipt').focus();
  await page.keyboard.press('Enter');
  const modal = page.getByTestId('receipt-modal');
  await expect(modal.getByTestId('receipt-no')).toHaveText(String(doc.receipt_no));
  await expect(modal.getByTestId('receipt-total')).toHaveAttribute('data-cents', String(doc.total_cents));
  await modal.getByTestId('receipt-print').click();
  await expect(page.getByTestId('receipt-print-frame')).toHaveAttribute('data-loaded', 'true');
  await saveScreenshot(page, testInfo, 'order-receipt');
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  // The refund's row opens its receipt ("Refund of receipt N"), which goes by e-mail too.
  await page.getByTestId(`order-refund-receipt-${refund.id}`).click();
  await expect(modal).toHaveAttribute('data-kind', 'refund');
  await expect(modal.getByTestId('receipt-refund-of')).toHaveText(`Refund of receipt ${doc.receipt_no}`);
  await expect(modal.getByTestId('receipt-no')).toHaveText(String(refund.receipt_no));
  await expect(modal.getByTestId('receipt-reason')).toContainText('Dented lid');
  await modal.getByTestId('receipt-email').click();
  await expect(page.getByTestId('receipt-email-to')).toBeFocused();
  await page.keyboard.type('bea@example.test');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-email-dialog')).toBeHidden();
  const refundMail = await mail.nextMessage('bea@example.test', 10_000);
  expect(refundMail.subject).toBe(`Refund receipt ${refund.receipt_no} · Corner <Deli> & Tea`);
  await expect(modal).toBeVisible();
  await saveScreenshot(page, testInfo, 'refund-receipt');
  // One Esc shuts one dialog: the receipt goes, the order's drawer stays.
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('order-detail')).toBeVisible();
});
