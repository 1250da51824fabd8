// A refund at the till: a cashier's cash sale of two mugs on an open drawer; the customer brings
// one back to her colleague at the till. He finds the sale by typing its receipt number on Orders
// (staff read every completed sale, docs/api.md), sees who sold it, refunds one mug
// (restocked, cash back), is asked for a manager, the manager's PIN goes through; the drawer shows
// the unit refunded and the refund with the next receipt number. Over REST: the mug is back in
// stock, the drawer expects that much less cash. The one unit left is all the dialog allows.
import type { APIRequestContext } from '@playwright/test';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test, type Shop } from './fixtures';
import { arrangeAccount, createProduct, money, openNav, setPinOf, type Person } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };
const SELLER = { username: 'cora', first_name: 'Cora', last_name: 'Seller', password: 'cora-till-7!' };
const MANAGER_PIN = '2580';
// A price every cash rounding step divides: what is paid back is exactly the price.
const MUG = { sku: 'MUG-RF', barcode: '4000000000123', name: 'Stoneware mug', price_cents: 1250, stock: 10 };
const FLOAT = 10_000;

async function tokenOf(request: APIRequestContext, shop: Shop, person: Person): Promise<string> {
  const login = await request.post(`${shop.api}/auth/login`, { data: { username: person.username, password: person.password } });
  expect(login.status(), await login.text()).toBe(200);
  return ((await login.json()) as { access: string }).access;
}

interface Sale {
  id: number;
  receipt_no: number;
  items: { order_item_id: number }[];
}

test('a cashier finds a colleague’s cash sale by its receipt number and refunds one unit with a manager’s PIN', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);
  await arrangeAccount(request, shop, owner, SELLER, 'cashier', managerId);
  await setPinOf(request, shop, MANAGER, MANAGER_PIN);
  const mugId = await createProduct(request, shop, owner, MUG);
  const asOwner = { Authorization: `Bearer ${owner}` };
  const asSeller = { Authorization: `Bearer ${await tokenOf(request, shop, SELLER)}` };

  // Cora's drawer is open and she sold two mugs for cash.
  const registers = (await (await request.get(`${shop.api}/registers`, { headers: asOwner })).json()) as {
    id: number;
    is_default: boolean;
  }[];
  const mainTill = registers.find((r) => r.is_default)?.id;
  const opened = await request.post(`${shop.api}/cash-sessions`, {
    data: { register_id: mainTill, opening_float_cents: FLOAT },
    headers: asSeller,
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const sessionId = ((await opened.json()) as { id: number }).id;
  const sold = await request.post(`${shop.api}/orders`, {
    data: {
      items: [{ product_id: mugId, amount: 2 }],
      complete: true,
      payments: [{ method: 'cash', amount_cents: 2 * MUG.price_cents, tendered_cents: 5000 }],
    },
    headers: asSeller,
  });
  expect(sold.status(), await sold.text()).toBe(201);
  const sale = (await sold.json()) as Sale;
  const lineId = sale.items[0]?.order_item_id ?? 0;
  const stockOf = async () =>
    ((await (await request.get(`${shop.api}/products/${mugId}`, { headers: asOwner })).json()) as { stock: number }).stock;
  const expectedCash = async () =>
    ((await (await request.get(`${shop.api}/cash-sessions/${sessionId}`, { headers: asOwner })).json()) as { expected_cash_cents: number })
      .expected_cash_cents;
  expect(await stockOf()).toBe(MUG.stock - 2);
  const cashBefore = await expectedCash();
  expect(cashBefore).toBe(FLOAT + 2 * MUG.price_cents);

  // Cody types the receipt's number on Orders: Cora's sale opens, with her name on it.
  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'orders');
  const receiptNo = page.getByTestId('orders-receipt-no');
  await receiptNo.fill(String(sale.receipt_no));
  await receiptNo.press('Enter');
  const detail = page.getByTestId('order-detail');
  await expect(detail).toHaveAttribute('data-order-id', String(sale.id));
  await expect(page.getByTestId('order-detail-receipt-no')).toHaveText(String(sale.receipt_no));
  await expect(detail).toContainText(`${SELLER.first_name} ${SELLER.last_name}`);

  // One mug back, on the shelf, in cash: the dialog's defaults are restock and the sale's tender.
  await page.getByTestId('order-refund').click();
  const dialog = page.getByTestId('refund-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId(`refund-left-${lineId}`)).toHaveText('2');
  const amount = page.getByTestId(`refund-amount-${lineId}`);
  await amount.fill('1');
  await expect(page.getByTestId(`refund-condition-${lineId}`)).toHaveAttribute('data-condition', 'restock');
  await expect(page.getByTestId('refund-tender')).toHaveAttribute('data-method', 'cash');
  await expect(page.getByTestId('refund-total')).toHaveText(money(MUG.price_cents));
  await page.getByTestId('refund-reason').fill('Wrong colour');
  await saveScreenshot(page, testInfo, 'refund-dialog');
  await page.getByTestId('refund-submit').click();

  // A cashier's refund needs a manager: his username and PIN.
  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toContainText('A refund needs a manager');
  await page.getByTestId('approval-username').fill(MANAGER.username);
  await page.getByTestId('approval-pin').fill(MANAGER_PIN);
  await page.getByTestId('approval-submit').click();
  await expect(dialog).toBeHidden();
  const refundReceipt = sale.receipt_no + 1;
  await expect(page.getByText(`Receipt no. ${refundReceipt}: ${money(MUG.price_cents)} paid back.`)).toBeVisible();

  // The drawer reads the sale again: one mug refunded, the refund listed with its own number.
  await expect(page.getByTestId(`order-line-refunded-${lineId}`)).toHaveText('1 refunded');
  const refunds = page.getByTestId('order-refunds');
  await expect(refunds.locator(`[data-receipt-no="${refundReceipt}"]`)).toContainText('1 × Stoneware mug (restocked)');
  await expect(refunds).toContainText('approved by');
  await saveScreenshot(page, testInfo, 'refund-recorded');

  // Over REST: back in stock, that much less cash expected, the next receipt number.
  expect(await stockOf()).toBe(MUG.stock - 1);
  expect(await expectedCash()).toBe(cashBefore - MUG.price_cents);
  const listed = await request.get(`${shop.api}/orders/${sale.id}/refunds`, { headers: asOwner });
  expect(listed.status(), await listed.text()).toBe(200);
  const [refund] = (await listed.json()) as { receipt_no: number; total_cents: number; approved_by: number; cash_session_id: number }[];
  expect(refund).toMatchObject({
    receipt_no: refundReceipt,
    total_cents: MUG.price_cents,
    approved_by: managerId,
    cash_session_id: sessionId,
  });

  // Two more cannot be asked for: one is left, and the stepper stops there.
  await page.getByTestId('order-refund').click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId(`refund-left-${lineId}`)).toHaveText('1');
  await amount.fill('2');
  await expect(amount).not.toHaveValue('2');
  await amount.fill('1');
  await amount.press('ArrowUp');
  await expect(amount).toHaveValue('1');
  await expect(page.getByTestId('refund-total')).toHaveText(money(MUG.price_cents));
  // Esc leaves the refund, not the sale.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(detail).toBeVisible();
});
