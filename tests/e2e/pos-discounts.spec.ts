// Discounts and taxes at the till: two products at two tax rates, a 10 % line discount from the
// keyboard (%) and a sale discount of an amount (F5); the screen's total, the receipt's and the
// stored order's are the same, and both show the tax of each rate. A cashier then gives 50 %,
// beyond her role's limit: the payment is refused for want of a manager, the approval dialog
// asks one, a wrong PIN is refused there, the manager's PIN completes the same sale.
import type { Page } from '@playwright/test';
import { priceOrder } from '../../shared/pricing';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { addByCode, arrangeAccount, createProduct, createTaxRate, money, setPinOf } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };
const MANAGER_PIN = '2580';

const COFFEE = { sku: 'COFFEE-250', barcode: '4000000000208', name: 'Coffee beans 250 g', price_cents: 1250, stock: 30 };
const BREAD = { sku: 'BREAD-500', barcode: '4000000000215', name: 'Rye bread 500 g', price_cents: 350, stock: 30 };

interface OrderBody {
  id: number;
  total_cents: number;
  subtotal_cents: number;
  discount_cents: number;
  tax_cents: number;
  due_cents: number;
  discount: { type: string; value: number } | null;
  discount_approved_by: number | null;
  taxes: { tax_rate_id: number; name: string; rate_bp: number; taxable_cents: number; tax_cents: number }[];
  items: { product_id: number; discount_cents: number; net_line_cents: number; tax_rate_id: number | null }[];
}

/** The discount dialog: the kind, the value, Enter. */
async function giveDiscount(page: Page, kind: 'percent' | 'amount', value: string): Promise<void> {
  const dialog = page.getByTestId('discount-dialog');
  await expect(dialog).toBeVisible();
  const input = page.getByTestId('discount-value');
  await expect(input).toBeFocused();
  if (kind === 'amount') {
    await dialog.getByText('Amount', { exact: true }).click();
    await expect(page.getByTestId('discount-type')).toHaveAttribute('data-type', 'amount');
    await input.focus();
  }
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

test('line and sale discounts at two tax rates: screen, receipt and order agree; a cashier’s 50 % needs a manager’s PIN', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const bearer = { Authorization: `Bearer ${owner}` };
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);
  await setPinOf(request, shop, MANAGER, MANAGER_PIN);
  const vat = await createTaxRate(request, shop, owner, { name: 'VAT', rate_bp: 2000 });
  const reduced = await createTaxRate(request, shop, owner, { name: 'Reduced', rate_bp: 700 });
  await createProduct(request, shop, owner, { ...COFFEE, tax_rate_id: vat });
  await createProduct(request, shop, owner, { ...BREAD, tax_rate_id: reduced });
  const orderOf = async (id: number) => {
    const res = await request.get(`${shop.api}/orders/${id}`, { headers: bearer });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as OrderBody;
  };

  // What the contract makes of the first sale (prices include tax, the shop's default).
  const expected = priceOrder({
    lines: [
      {
        unit_price_cents: COFFEE.price_cents,
        amount: 2,
        tax_rate: { id: vat, name: 'VAT', rate_bp: 2000 },
        discount: { type: 'percent', value: 10 },
      },
      { unit_price_cents: BREAD.price_cents, amount: 2, tax_rate: { id: reduced, name: 'Reduced', rate_bp: 700 } },
    ],
    discount: { type: 'amount', value: 50 },
    prices_include_tax: true,
  });
  expect(expected.total_cents).toBe(2900);

  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  const pos = page.getByTestId('pos-page');
  await expect(pos).toHaveAttribute('data-mode', 'sale');
  await addByCode(page, COFFEE.barcode);
  await addByCode(page, COFFEE.barcode);
  await addByCode(page, BREAD.barcode);
  await addByCode(page, BREAD.barcode);
  const total = page.getByTestId('cart-total');
  await expect(total).toHaveAttribute('data-cents', String(2 * COFFEE.price_cents + 2 * BREAD.price_cents));

  // ↑ selects the coffee; % opens its discount: 10, Enter.
  await page.keyboard.press('ArrowUp');
  const coffeeLine = page.getByTestId(`cart-line-${COFFEE.sku}`);
  await expect(coffeeLine).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('%');
  await expect(page.getByTestId('discount-dialog')).toHaveAttribute('data-kind', 'line');
  await giveDiscount(page, 'percent', '10');
  await expect(page.getByTestId(`cart-line-badge-${COFFEE.sku}`)).toHaveText('−10 %');
  await expect(page.getByTestId(`cart-line-discount-${COFFEE.sku}`)).toHaveAttribute('data-cents', '250');
  await expect(total).toHaveAttribute('data-cents', String(2 * COFFEE.price_cents + 2 * BREAD.price_cents - 250));

  // An amount above the sale is refused in the dialog; Escape leaves the sale as it was.
  await page.keyboard.press('F5');
  await expect(page.getByTestId('discount-dialog')).toHaveAttribute('data-kind', 'sale');
  await page.getByTestId('discount-dialog').getByText('Amount', { exact: true }).click();
  await page.getByTestId('discount-value').fill('99');
  await page.getByTestId('discount-value').press('Enter');
  await expect(page.getByTestId('discount-error')).toContainText(`At most ${money(2950)}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('discount-dialog')).toBeHidden();

  // F5: the sale's discount, an amount of €0.50.
  await page.keyboard.press('F5');
  await giveDiscount(page, 'amount', '0.50');
  await expect(page.getByTestId('sale-discount-badge')).toHaveText(`−${money(50)}`);
  await expect(page.getByTestId('sale-discount')).toHaveAttribute('data-cents', '-50');
  await expect(page.getByTestId('sale-line-discounts')).toHaveAttribute('data-cents', '-250');
  await expect(page.getByTestId('sale-subtotal')).toHaveAttribute('data-cents', String(expected.subtotal_cents));
  await expect(total).toHaveAttribute('data-cents', String(expected.total_cents));
  await expect(total).toHaveText(money(expected.total_cents));
  // Each line: its own discount and its share of the sale's, then what is left.
  for (const [index, sku] of [COFFEE.sku, BREAD.sku].entries()) {
    const line = expected.lines[index];
    await expect(page.getByTestId(`cart-line-total-${sku}`)).toHaveAttribute('data-cents', String(line?.net_line_cents));
    await expect(page.getByTestId(`cart-line-discount-${sku}`)).toHaveAttribute('data-cents', String(line?.discount_cents));
  }
  const screenTaxes = page.getByTestId('sale-tax');
  await expect(screenTaxes).toHaveCount(2);
  for (const tax of expected.taxes) {
    const row = screenTaxes.and(page.locator(`[data-rate-bp="${tax.rate_bp}"]`));
    await expect(row).toHaveAttribute('data-cents', String(tax.tax_cents));
    await expect(row).toContainText(`incl. ${tax.name} ${tax.rate_bp / 100} %`);
    await expect(row).toContainText(money(tax.tax_cents));
  }
  await expect(page.getByTestId('discount-limit-warning')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '01-discounted-cart');

  // F2 opens the drawer first (float €100), then the payment of the screen's total; Enter pays it exactly.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('open-drawer-dialog')).toBeVisible();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('pay-total')).toHaveText(money(expected.total_cents));
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('Enter');

  // The receipt: the server's order, its discounts, its tax table and total.
  await expect(pos).toHaveAttribute('data-mode', 'receipt');
  const receiptTotal = page.getByTestId('receipt-total');
  await expect(receiptTotal).toHaveAttribute('data-cents', String(expected.total_cents));
  const orderId = Number(await page.getByTestId('receipt-no').getAttribute('data-order-id'));
  const order = await orderOf(orderId);
  expect(order.total_cents).toBe(expected.total_cents);
  expect(order.subtotal_cents).toBe(expected.subtotal_cents);
  expect(order.discount_cents).toBe(expected.discount_cents);
  expect(order.tax_cents).toBe(expected.tax_cents);
  expect(order.discount).toEqual({ type: 'amount', value: 50 });
  expect(order.items.map((item) => item.net_line_cents)).toEqual(expected.lines.map((line) => line.net_line_cents));
  expect(order.taxes.map((t) => [t.rate_bp, t.taxable_cents, t.tax_cents]).sort()).toEqual(
    expected.taxes.map((t) => [t.rate_bp, t.taxable_cents, t.tax_cents]).sort(),
  );
  await expect(page.getByTestId('receipt-line-discount')).toHaveCount(2);
  await expect(page.getByTestId('receipt-line-discount').first()).toContainText('−10 %');
  await expect(page.getByTestId('receipt-discounts')).toHaveAttribute('data-cents', String(order.discount_cents));
  await expect(page.getByTestId('receipt-discounts')).toContainText(`sale −${money(50)}`);
  const receiptTaxes = page.getByTestId('receipt-tax');
  await expect(receiptTaxes).toHaveCount(2);
  for (const tax of order.taxes) {
    const row = receiptTaxes.and(page.locator(`[data-rate-bp="${tax.rate_bp}"]`));
    await expect(row).toContainText(`${tax.name} ${tax.rate_bp / 100} %`);
    await expect(row).toContainText(`${money(tax.taxable_cents)} · ${money(tax.tax_cents)}`);
  }
  await saveScreenshot(page, testInfo, '02-receipt');

  // The next sale: 50 % off the coffee, beyond a cashier's 10 %: the screen warns.
  await page.keyboard.press('Enter');
  await expect(pos).toHaveAttribute('data-mode', 'sale');
  await addByCode(page, COFFEE.barcode);
  await page.keyboard.press('%');
  await giveDiscount(page, 'percent', '50');
  await expect(total).toHaveAttribute('data-cents', '625');
  await expect(page.getByTestId('discount-limit-warning')).toContainText('10 %');

  // Pay: the server asks for a manager; the approval dialog opens over the payment.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('pay-approval-notice')).toBeVisible();
  await page.keyboard.press('Enter');
  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toBeVisible();
  await expect(approval).toContainText('This discount needs a manager');
  await expect(page.getByTestId('approval-username')).toBeFocused();
  await saveScreenshot(page, testInfo, '03-approval');
  await page.keyboard.type(MANAGER.username);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('approval-pin')).toBeFocused();
  // A wrong PIN is refused there, nothing is sold.
  await page.keyboard.type('9731');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('approval-error')).toContainText('Wrong PIN');
  await expect(pos).toHaveAttribute('data-mode', 'sale');
  await page.getByTestId('approval-pin').fill(MANAGER_PIN);
  await page.keyboard.press('Enter');

  // The same sale went through with the manager's approval.
  await expect(pos).toHaveAttribute('data-mode', 'receipt');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('receipt-total')).toHaveAttribute('data-cents', '625');
  const approvedId = Number(await page.getByTestId('receipt-no').getAttribute('data-order-id'));
  const approved = await orderOf(approvedId);
  expect(approved.total_cents).toBe(625);
  expect(approved.discount_cents).toBe(625);
  expect(approved.discount_approved_by).toBe(managerId);
  await expect(page.getByTestId('receipt-line-discount')).toContainText('−50 %');
  await saveScreenshot(page, testInfo, '04-approved-receipt');

  // One order per sale: the refused tries recorded nothing.
  const list = await request.get(`${shop.api}/orders?status=completed`, { headers: bearer });
  expect((await list.json()) as unknown[]).toHaveLength(2);
});
