// A cashier sells at the till from the keyboard: scans with a keyboard-wedge scanner from
// anywhere, searches by name, is stopped by too little stock (the cart stays), pays cash with F2,
// confirms with Enter, gets the receipt, starts the next sale with Enter; the order is on Orders
// with its lines, and the stock went down.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  createOwner,
  createUser,
  expect,
  ownerToken,
  replaceTemporaryPassword,
  saveScreenshot,
  signInUi,
  test,
  type Shop,
} from './fixtures';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };

const MILK = { sku: 'MILK-1L', barcode: '4006381333931', name: 'Whole milk 1 l', price_cents: 119, stock: 50 };
const BREAD = { sku: 'BREAD-500', barcode: '2000000000015', name: 'Sourdough bread 500 g', price_cents: 350, stock: 12 };
/** The last one on the shelf. */
const BEANS = { sku: 'COFFEE-1KG', barcode: '8711000000013', name: 'Espresso beans 1 kg', price_cents: 1899, stock: 1 };

/** The shop's money as the UI writes it (EUR in the en-US locale the test runs in). */
const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A staff account whose temporary password is already replaced by `password`. */
async function arrangeAccount(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  user: { username: string; first_name: string; last_name: string; password: string },
  role: string,
  managerId?: number,
): Promise<number> {
  const temporary = `Temp-${user.username}-1!`;
  const created = await createUser(request, shop, token, {
    ...user,
    password: temporary,
    role,
    ...(managerId ? { manager_id: managerId } : {}),
  });
  await replaceTemporaryPassword(request, shop, user.username, temporary, user.password);
  return created.id;
}

async function createProduct(request: APIRequestContext, shop: Shop, token: string, product: typeof MILK): Promise<number> {
  const res = await request.post(`${shop.api}/products`, { data: product, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** A keyboard-wedge scanner: the digits in a fast burst, then Enter, wherever the focus is. */
async function scan(page: Page, barcode: string): Promise<void> {
  await page.keyboard.type(barcode, { delay: 5 });
  await page.keyboard.press('Enter');
}

test('a cashier scans, searches, is stopped by the stock, pays cash with the keyboard; the order and the stock follow', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, token, MANAGER, 'manager');
  await arrangeAccount(request, shop, token, CASHIER, 'cashier', managerId);
  const ids = {
    milk: await createProduct(request, shop, token, MILK),
    bread: await createProduct(request, shop, token, BREAD),
    beans: await createProduct(request, shop, token, BEANS),
  };
  const stockOf = async (id: number) => {
    const res = await request.get(`${shop.api}/products/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { stock: number }).stock;
  };

  // The cashier signs in and lands on the till, with an empty cart and the search box focused.
  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  const pos = page.getByTestId('pos-page');
  await expect(pos).toBeVisible();
  await expect(pos).toHaveAttribute('data-mode', 'sale');
  await expect(page).toHaveURL(/\/pos$/);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  const search = page.getByTestId('pos-search');
  await expect(search).toBeFocused();
  const total = page.getByTestId('cart-total');
  await expect(total).toHaveText(money(0));

  // Focus off the search box (a click on the page's title), then a scan: the line appears.
  await pos.getByRole('heading', { name: 'Point of sale' }).click();
  await expect(search).not.toBeFocused();
  await scan(page, MILK.barcode);
  const milkLine = page.getByTestId(`cart-line-${MILK.sku}`);
  await expect(milkLine).toBeVisible();
  await expect(milkLine).toContainText(MILK.name);
  await expect(page.getByTestId(`cart-qty-${MILK.sku}`)).toHaveValue('1');
  await expect(search).toHaveValue('');
  await expect(search).not.toBeFocused();
  // The same item again: the same line, quantity 2.
  await scan(page, MILK.barcode);
  await expect(page.getByTestId(`cart-qty-${MILK.sku}`)).toHaveValue('2');
  await expect(page.locator('tr[data-testid^="cart-line-"]')).toHaveCount(1);
  await expect(page.getByTestId(`cart-line-total-${MILK.sku}`)).toHaveText(money(2 * MILK.price_cents));
  await expect(total).toHaveText(money(2 * MILK.price_cents));
  await saveScreenshot(page, testInfo, '01-scanned-twice');

  // "/" jumps to the search; a name finds the bread; Enter adds it and empties the box.
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('sourdough');
  const result = page.getByTestId('pos-result');
  await expect(result).toHaveCount(1);
  await expect(result.first()).toHaveAttribute('data-sku', BREAD.sku);
  await expect(result.first()).toContainText(BREAD.name);
  await saveScreenshot(page, testInfo, '02-search-by-name');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`cart-line-${BREAD.sku}`)).toBeVisible();
  await expect(page.getByTestId(`cart-qty-${BREAD.sku}`)).toHaveValue('1');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(page.getByTestId('pos-results')).toHaveCount(0);
  await expect(total).toHaveText(money(2 * MILK.price_cents + BREAD.price_cents));

  // The last bag of beans, scanned (with the focus in the empty search box), then "+": 2 of a stock of 1.
  await scan(page, BEANS.barcode);
  const beansLine = page.getByTestId(`cart-line-${BEANS.sku}`);
  await expect(beansLine).toBeVisible();
  await expect(search).toHaveValue('');
  await expect(beansLine).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('+');
  await expect(page.getByTestId(`cart-qty-${BEANS.sku}`)).toHaveValue('2');
  await expect(beansLine).toContainText('Only 1 in stock by the last count.');
  const tooMuch = 2 * MILK.price_cents + BREAD.price_cents + 2 * BEANS.price_cents;
  await expect(total).toHaveText(money(tooMuch));
  await expect(total).toHaveAttribute('data-cents', String(tooMuch));
  await expect(page.getByTestId('cart-count')).toHaveText('5 items · 3 lines');

  // F2 pays, Enter confirms the exact amount: the server refuses; the cart stays, the line is marked.
  await page.keyboard.press('F2');
  const payDialog = page.getByTestId('pay-dialog');
  await expect(payDialog).toBeVisible();
  await expect(page.getByTestId('pay-total')).toHaveText(money(tooMuch));
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('Enter');
  const problem = page.getByTestId('checkout-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('The sale was not recorded');
  await expect(problem).toContainText('Not enough stock for the marked lines.');
  await expect(payDialog).toBeHidden();
  const beansProblem = page.getByTestId(`cart-problem-${BEANS.sku}`);
  await expect(beansProblem).toContainText('Only 1 available (2 asked).');
  await expect(beansProblem).toHaveAttribute('data-available', '1');
  await expect(beansLine).toHaveAttribute('data-problem', 'true');
  await expect(beansLine).toHaveAttribute('data-selected', 'true');
  await expect(page.locator('tr[data-testid^="cart-line-"]')).toHaveCount(3);
  await expect(page.getByTestId(`cart-qty-${MILK.sku}`)).toHaveValue('2');
  await expect(page.getByTestId(`cart-qty-${BREAD.sku}`)).toHaveValue('1');
  await expect(total).toHaveText(money(tooMuch));
  expect(await stockOf(ids.beans), 'nothing was sold').toBe(1);
  await saveScreenshot(page, testInfo, '03-stock-problem');

  // "−" on the marked (selected) line: one bag; the marks and the alert go.
  await page.keyboard.press('-');
  await expect(page.getByTestId(`cart-qty-${BEANS.sku}`)).toHaveValue('1');
  await expect(beansProblem).toHaveCount(0);
  await expect(problem).toHaveCount(0);
  await expect(beansLine).toHaveAttribute('data-problem', 'false');
  const due = 2 * MILK.price_cents + BREAD.price_cents + BEANS.price_cents;
  await expect(total).toHaveText(money(due));
  await expect(page.getByTestId('cart-count')).toHaveText('4 items · 3 lines');

  // F2 again, €50 tendered: the change is shown as it is typed; Enter confirms.
  await page.keyboard.press('F2');
  await expect(payDialog).toBeVisible();
  const tendered = page.getByTestId('tendered-input');
  await expect(tendered).toBeFocused();
  await expect(page.getByTestId('pay-total')).toHaveText(money(due));
  await page.keyboard.type('50');
  await expect(tendered).toHaveValue('50');
  const change = page.getByTestId('change-due');
  await expect(change).toHaveText(money(5000 - due));
  await expect(change).toHaveAttribute('data-short', 'false');
  await saveScreenshot(page, testInfo, '04-pay-dialog');
  await page.keyboard.press('Enter');

  // The receipt: the order number, the lines, the total, the cash and the change.
  await expect(pos).toHaveAttribute('data-mode', 'receipt');
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  const orderId = page.getByTestId('receipt-order-id');
  await expect(orderId).toHaveText(/^#\d+$/);
  const id = Number(await orderId.getAttribute('data-order-id'));
  expect(id).toBeGreaterThan(0);
  await expect(orderId).toHaveText(`#${id}`);
  await expect(pos).toContainText(`Sale recorded as order #${id}.`);
  await expect(pos).toContainText(`Change: ${money(5000 - due)}`);
  const receiptLines = page.getByTestId('receipt-line');
  await expect(receiptLines).toHaveCount(3);
  await expect(receiptLines.filter({ hasText: MILK.name })).toContainText(`2 × ${money(MILK.price_cents)}`);
  await expect(receiptLines.filter({ hasText: BREAD.name })).toContainText(`1 × ${money(BREAD.price_cents)}`);
  await expect(receiptLines.filter({ hasText: BEANS.name })).toContainText(`1 × ${money(BEANS.price_cents)}`);
  await expect(page.getByTestId('receipt-total')).toHaveText(money(due));
  await expect(page.getByTestId('receipt-tendered')).toHaveText(money(5000));
  await expect(page.getByTestId('receipt-change')).toHaveText(money(5000 - due));
  await expect(receipt).toContainText('Cashier: Cody Cashier');
  await expect(page.getByTestId('new-sale')).toBeFocused();
  await saveScreenshot(page, testInfo, '05-receipt');

  // Enter starts the next sale: an empty cart, the search box focused.
  await page.keyboard.press('Enter');
  await expect(pos).toHaveAttribute('data-mode', 'sale');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(total).toHaveText(money(0));
  await expect(page.getByTestId('cart-count')).toHaveText('0 items');
  await expect(page.getByTestId('pay-button')).toBeDisabled();
  await expect(search).toBeFocused();
  await saveScreenshot(page, testInfo, '06-new-sale');

  // Orders lists the sale under the same number; Enter on its row opens the lines.
  await page.getByTestId('nav-orders').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('orders-page')).toBeVisible();
  const row = page.getByTestId(`order-row-${id}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(`#${id}`);
  await expect(row).toContainText(money(due));
  await expect(row).toContainText('You');
  await expect(row).toContainText('Completed');
  await expect(row).toHaveAttribute('data-status', 'completed');
  await expect(page.locator('[data-testid^="order-row-"]')).toHaveCount(1);
  await row.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('order-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toHaveAttribute('data-order-id', String(id));
  await expect(detail).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('order-detail-total')).toHaveText(money(due));
  const lines = page.getByTestId('order-lines').locator('tbody tr');
  await expect(lines).toHaveCount(3);
  const cells = async (name: string) => (await lines.filter({ hasText: name }).locator('td').allInnerTexts()).map((t) => t.trim());
  expect(await cells(MILK.name)).toEqual([MILK.name, '2', money(MILK.price_cents), money(2 * MILK.price_cents)]);
  expect(await cells(BREAD.name)).toEqual([BREAD.name, '1', money(BREAD.price_cents), money(BREAD.price_cents)]);
  expect(await cells(BEANS.name)).toEqual([BEANS.name, '1', money(BEANS.price_cents), money(BEANS.price_cents)]);
  await expect(page.getByTestId('order-lines').locator('tfoot')).toContainText('4 items');
  // A completed sale cannot be cancelled from here.
  await expect(page.getByTestId('order-cancel')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '07-order-detail');

  // The stock went down by what was sold.
  expect(await stockOf(ids.milk)).toBe(MILK.stock - 2);
  expect(await stockOf(ids.bread)).toBe(BREAD.stock - 1);
  expect(await stockOf(ids.beans)).toBe(0);
});
