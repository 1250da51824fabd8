// A day at the till, from the keyboard: the cashier opens the drawer with a float, sells for cash
// (rounded to the shop's 5 cents), by card (with a reference) and split (part card, rest cash),
// parks a sale, takes it back and pays it, takes cash out to the safe, and closes the drawer
// with a count a little short. The Z report shows exactly those figures: the sales, the tenders
// per method, expected = float + cash − out, and the difference; the REST report agrees.
import type { Page } from '@playwright/test';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { addByCode, arrangeAccount, createProduct, money, openNav } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };

const CAKE = { sku: 'CAKE-1', barcode: '4000000000017', name: 'Lemon cake slice', price_cents: 272, stock: 20 };
const MUG = { sku: 'MUG-1', barcode: '4000000000024', name: 'Stoneware mug', price_cents: 1299, stock: 5 };
const COFFEE = { sku: 'COFFEE-250', barcode: '4000000000031', name: 'Ground coffee 250 g', price_cents: 349, stock: 20 };

const FLOAT = 10_000;
const SAFE_DROP = 2000;
/** The drawer is counted 50 cents short. */
const SHORT = 50;

// The day's sales, as the till must take them (cash rounded to 5 cents only when wholly cash).
const CASH_SALE = { total: CAKE.price_cents, due: 270, tendered: 500 };
const CARD_SALE = { total: MUG.price_cents };
const SPLIT_SALE = { total: 3 * COFFEE.price_cents, card: 500, tendered: 1000 };
const PARKED_SALE = { total: 2 * CAKE.price_cents, due: 545 };
const CASH_TAKEN = CASH_SALE.due + (SPLIT_SALE.total - SPLIT_SALE.card) + PARKED_SALE.due;
const CARD_TAKEN = CARD_SALE.total + SPLIT_SALE.card;
const SALES_TOTAL = CASH_SALE.total + CARD_SALE.total + SPLIT_SALE.total + PARKED_SALE.total;
const EXPECTED = FLOAT + CASH_TAKEN - SAFE_DROP;

async function expectReceipt(page: Page, receiptNo: number, tenders: number, changeCents: number) {
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'receipt');
  await expect(page.getByTestId('receipt-no')).toHaveText(String(receiptNo));
  await expect(page.getByTestId('receipt-tender')).toHaveCount(tenders);
  await expect(page.getByTestId('receipt-change')).toHaveText(money(changeCents));
}

async function nextSale(page: Page) {
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'sale');
  await expect(page.getByTestId('pos-search')).toBeFocused();
}

test('a day at the till: float, cash, card and split sales, a parked sale, cash out, a short close; the Z report adds up', async ({
  page,
  shop,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const auth = { Authorization: `Bearer ${owner}` };
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);
  for (const product of [CAKE, MUG, COFFEE]) await createProduct(request, shop, owner, product);
  const rounding = await request.patch(`${shop.api}/shop`, { data: { cash_rounding_cents: 5 }, headers: auth });
  expect(rounding.status(), await rounding.text()).toBe(200);

  // Morning: the cashier opens the drawer of Main till with a float of €100 (D, type, Enter).
  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('pos-page')).toBeVisible();
  await openNav(page, 'till');
  const till = page.getByTestId('till-page');
  await expect(till).toHaveAttribute('data-state', 'closed');
  await page.keyboard.press('d');
  await expect(page.getByTestId('open-drawer-total')).toBeFocused();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(till).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('till-float')).toHaveText(money(FLOAT));

  // Back at the till: it sells on Main till, drawer open.
  await openNav(page, 'pos');
  await expect(page.getByTestId('pos-register')).toHaveAttribute('data-drawer', 'open');
  await expect(page.getByTestId('pos-register')).toContainText('Selling on Main till');

  // 1. Cash: a cake slice, €2.72 rounded to €2.70; a €5 note (quick amount), €2.30 change.
  await addByCode(page, CAKE.barcode);
  await expect(page.getByTestId(`cart-line-${CAKE.sku}`)).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('pay-method')).toHaveAttribute('data-method', 'cash');
  await expect(page.getByTestId('pay-total')).toHaveText(money(CASH_SALE.total));
  await expect(page.getByTestId('pay-rounding')).toHaveText(`Rounded −${money(2)} · due ${money(CASH_SALE.due)}`);
  await expect(page.getByTestId('pay-remaining')).toHaveText(money(CASH_SALE.due));
  await page.getByTestId('tender-note').filter({ hasText: '€5' }).click();
  await expect(page.getByTestId('tendered-input')).toHaveValue('5');
  await expect(page.getByTestId('change-due')).toHaveText(money(CASH_SALE.tendered - CASH_SALE.due));
  await saveScreenshot(page, testInfo, '01-cash-rounded');
  await page.keyboard.press('Enter');
  await expectReceipt(page, 1, 1, CASH_SALE.tendered - CASH_SALE.due);
  await expect(page.getByTestId('receipt-due')).toHaveText(money(CASH_SALE.due));
  await expect(page.getByTestId('receipt-rounding')).toContainText(`-${money(2)}`);
  await nextSale(page);

  // 2. Card: the mug; F7 chooses the card, Tab to its reference, Enter pays the rest. No rounding.
  await addByCode(page, MUG.barcode);
  await expect(page.getByTestId(`cart-line-${MUG.sku}`)).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('F7');
  await expect(page.getByTestId('pay-method')).toHaveAttribute('data-method', 'card');
  await expect(page.getByTestId('pay-rounding')).toHaveCount(0);
  await expect(page.getByTestId('pay-remaining')).toHaveText(money(CARD_SALE.total));
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('reference-input')).toBeFocused();
  await page.keyboard.type('4242');
  await page.keyboard.press('Enter');
  await expectReceipt(page, 2, 1, 0);
  await expect(page.getByTestId('receipt-tender')).toHaveAttribute('data-method', 'card');
  await expect(page.getByTestId('receipt-tender')).toContainText(`Card 4242${money(CARD_SALE.total)}`);
  await nextSale(page);

  // 3. Split: three coffees, €5 by card (a part payment), the rest in cash from a €10 note.
  for (let i = 1; i <= 3; i++) {
    await addByCode(page, COFFEE.barcode);
    await expect(page.getByTestId(`cart-qty-${COFFEE.sku}`)).toHaveValue(String(i));
  }
  await page.keyboard.press('F2');
  // Keys go to the pay dialog once it is open (as a cashier sees it open).
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('F7');
  await expect(page.getByTestId('pay-method')).toHaveAttribute('data-method', 'card');
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.type('5');
  await expect(page.getByTestId('confirm-sale')).toHaveAttribute('data-action', 'add');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-payment')).toHaveCount(1);
  await expect(page.getByTestId('pay-payment')).toContainText(money(SPLIT_SALE.card));
  await expect(page.getByTestId('pay-remaining')).toHaveText(money(SPLIT_SALE.total - SPLIT_SALE.card));
  await page.keyboard.press('F6');
  await expect(page.getByTestId('pay-method')).toHaveAttribute('data-method', 'cash');
  // Not wholly cash: nothing is rounded.
  await expect(page.getByTestId('pay-rounding')).toHaveCount(0);
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.type('10');
  const splitChange = SPLIT_SALE.tendered - (SPLIT_SALE.total - SPLIT_SALE.card);
  await expect(page.getByTestId('change-due')).toHaveText(money(splitChange));
  await saveScreenshot(page, testInfo, '02-split');
  await page.keyboard.press('Enter');
  await expectReceipt(page, 3, 2, splitChange);
  await nextSale(page);

  // 4. Two cake slices, parked with F4: the screen empties, Parked sales counts one.
  await addByCode(page, CAKE.barcode);
  await expect(page.getByTestId(`cart-qty-${CAKE.sku}`)).toHaveValue('1');
  await page.keyboard.press('+');
  await expect(page.getByTestId(`cart-qty-${CAKE.sku}`)).toHaveValue('2');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('parked-count')).toHaveText('1');

  // F3 lists it (who, how much); Enter takes it back; F2 pays it, cash rounded: €5.44 → €5.45.
  await page.keyboard.press('F3');
  const row = page.getByTestId('parked-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('You');
  await expect(row).toContainText(money(PARKED_SALE.total));
  await expect(row).toBeFocused();
  await saveScreenshot(page, testInfo, '03-parked-list');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'parked');
  await expect(page.getByTestId('parked-line')).toHaveCount(1);
  await expect(page.getByTestId('parked-total')).toHaveText(money(PARKED_SALE.total));
  await page.keyboard.press('F2');
  await expect(page.getByTestId('pay-rounding')).toHaveText(`Rounded +${money(1)} · due ${money(PARKED_SALE.due)}`);
  await page.keyboard.press('Enter');
  await expectReceipt(page, 4, 1, 0);
  await expect(page.getByTestId('receipt-due')).toHaveText(money(PARKED_SALE.due));
  await nextSale(page);
  await expect(page.getByTestId('parked-count')).toHaveCount(0);

  // Afternoon: €20 to the safe (O, amount, reason, Enter); the drawer should hold float + cash − out.
  await openNav(page, 'till');
  await expect(page.getByTestId('till-expected')).toHaveAttribute('data-cents', String(FLOAT + CASH_TAKEN));
  await page.keyboard.press('o');
  await expect(page.getByTestId('movement-dialog')).toHaveAttribute('data-type', 'out');
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Safe drop');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('movement-dialog')).toBeHidden();
  await expect(page.getByTestId('till-expected')).toHaveAttribute('data-cents', String(EXPECTED));

  // Evening: C, the count (50 cents short), Enter shows the difference, Enter closes.
  await page.keyboard.press('c');
  await expect(page.getByTestId('close-drawer-total')).toBeFocused();
  await page.keyboard.type(((EXPECTED - SHORT) / 100).toFixed(2));
  await expect(page.getByTestId('close-variance')).toHaveAttribute('data-cents', String(-SHORT));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-submit')).toBeFocused();
  await page.keyboard.press('Enter');

  // The Z report: exactly the day's figures.
  const report = page.getByTestId('till-z-report').getByTestId('cash-report');
  await expect(report).toHaveAttribute('data-kind', 'z');
  const figure = (id: string) => report.getByTestId(id);
  await expect(figure('report-sales-count')).toHaveText('4');
  await expect(figure('report-sales-total')).toHaveAttribute('data-cents', String(SALES_TOTAL));
  const tenders = (await figure('report-tenders').locator('tbody tr').allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
  expect(tenders).toEqual([
    ['Card', '2', money(CARD_TAKEN)],
    ['Cash', '3', money(CASH_TAKEN)],
  ]);
  await expect(figure('report-cash-float')).toHaveAttribute('data-cents', String(FLOAT));
  await expect(figure('report-cash-sales')).toHaveAttribute('data-cents', String(CASH_TAKEN));
  await expect(figure('report-cash-in')).toHaveAttribute('data-cents', '0');
  await expect(figure('report-cash-out')).toHaveAttribute('data-cents', String(SAFE_DROP));
  await expect(figure('report-cash-expected')).toHaveAttribute('data-cents', String(EXPECTED));
  await expect(figure('report-cash-counted')).toHaveAttribute('data-cents', String(EXPECTED - SHORT));
  await expect(figure('report-cash-variance')).toHaveAttribute('data-cents', String(-SHORT));
  await expect(figure('report-cash-variance')).toHaveText(`Short by ${money(SHORT)}`);
  await expect(figure('report-receipts')).toHaveText('#1 – #4');
  await saveScreenshot(page, testInfo, '04-z-report');

  // The same figures over REST, from the session's own rows.
  const sessionId = Number(await report.getAttribute('data-session-id'));
  const res = await request.get(`${shop.api}/cash-sessions/${sessionId}/report`, { headers: auth });
  expect(res.status(), await res.text()).toBe(200);
  const z = (await res.json()) as {
    sales: { count: number; total_cents: number };
    tenders: { method: string; count: number; amount_cents: number }[];
    cash: { opening_float_cents: number; sales_cents: number; out_cents: number; expected_cents: number };
    session: { status: string; counted_cash_cents: number; variance_cents: number };
  };
  expect(z.sales).toMatchObject({ count: 4, total_cents: SALES_TOTAL });
  expect(z.tenders).toEqual([
    { method: 'card', count: 2, amount_cents: CARD_TAKEN },
    { method: 'cash', count: 3, amount_cents: CASH_TAKEN },
  ]);
  expect(z.cash).toMatchObject({ opening_float_cents: FLOAT, sales_cents: CASH_TAKEN, out_cents: SAFE_DROP, expected_cents: EXPECTED });
  expect(z.session).toMatchObject({ status: 'closed', counted_cash_cents: EXPECTED - SHORT, variance_cents: -SHORT });
});
