// A cashier works the drawer of the desk from the keyboard: opens it with a float counted by
// coins and notes, sells (over REST, as the till would), puts cash in and takes cash out, reads
// the X report (printable on its own), then closes it: a count beyond the shop's limit is
// refused with the manager message, a small shortfall shows expected, counted and the
// difference before the close and the Z report after. Her manager finds the session in the list.
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
const BREAD = { sku: 'BREAD-500', barcode: '2000000000015', name: 'Sourdough bread 500 g', price_cents: 350, stock: 12 };

/** The shop's money as the UI writes it (EUR in the en-US locale the test runs in). */
const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function arrangeAccount(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  user: typeof MANAGER,
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

async function tokenOf(request: APIRequestContext, shop: Shop, user: typeof CASHIER): Promise<string> {
  const res = await request.post(`${shop.api}/auth/login`, { data: { username: user.username, password: user.password } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { access: string }).access;
}

/** A sale on the default register, paid as given, as the till would send it. */
async function sell(request: APIRequestContext, shop: Shop, token: string, productId: number, amount: number, payment: object) {
  const res = await request.post(`${shop.api}/orders`, {
    data: { items: [{ product_id: productId, amount }], complete: true, payments: [payment] },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** Goes to a page of the navbar (the till's own keys own the keyboard on the page signed in to). */
async function openNav(page: Page, path: string): Promise<void> {
  await page.getByTestId(`nav-${path}`).click();
}

test('a cashier opens, moves cash, reads the X report and closes the drawer with a count; the manager sees the Z report', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);
  const created = await request.post(`${shop.api}/products`, { data: BREAD, headers: { Authorization: `Bearer ${owner}` } });
  expect(created.status(), await created.text()).toBe(201);
  const breadId = ((await created.json()) as { id: number }).id;

  // The cashier signs in and goes to the cash drawer: closed, "Open drawer" has the focus.
  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'till');
  const till = page.getByTestId('till-page');
  await expect(till).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('till-register')).toHaveValue('Main till (default)');
  await expect(page.getByTestId('till-closed')).toContainText('The drawer of Main till is closed');
  await expect(page.getByTestId('till-open')).toBeFocused();

  // D opens the dialog; the float is counted by notes and coins, which write the total.
  await page.keyboard.press('d');
  const openDialog = page.getByTestId('open-drawer-dialog');
  await expect(openDialog).toBeVisible();
  const floatTotal = page.getByTestId('open-drawer-total');
  await expect(floatTotal).toBeFocused();
  await page.getByTestId('open-drawer-pieces-2000').fill('5');
  await page.getByTestId('open-drawer-pieces-1000').fill('4');
  await page.getByTestId('open-drawer-pieces-100').fill('8');
  await page.getByTestId('open-drawer-pieces-50').fill('4');
  await expect(floatTotal).toHaveValue('150.00');
  await expect(page.getByTestId('open-drawer-submit')).toContainText(money(15_000));
  await saveScreenshot(page, testInfo, '01-open-drawer');
  await page.keyboard.press('Enter');
  await expect(openDialog).toBeHidden();
  await expect(till).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('till-opened-by')).toHaveText('You');
  await expect(page.getByTestId('till-float')).toHaveText(money(15_000));
  await expect(page.getByTestId('till-expected')).toHaveText(money(15_000));

  // Two sales go into the drawer: two loaves for cash, one by card.
  const cashier = await tokenOf(request, shop, CASHIER);
  await sell(request, shop, cashier, breadId, 2, { method: 'cash', amount_cents: 700, tendered_cents: 1000 });
  await sell(request, shop, cashier, breadId, 1, { method: 'card', amount_cents: 350 });

  // I: cash in, with its reason; Enter records it. The expected cash follows (float + sales + in).
  await page.keyboard.press('i');
  const movement = page.getByTestId('movement-dialog');
  await expect(movement).toHaveAttribute('data-type', 'in');
  await expect(page.getByTestId('movement-amount')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('movement-reason')).toBeFocused();
  await page.keyboard.type('Float top-up');
  await page.keyboard.press('Enter');
  await expect(movement).toBeHidden();
  await expect(page.getByTestId('till-expected')).toHaveText(money(15_000 + 700 + 2000));

  // O: cash out; a reason is required.
  await page.keyboard.press('o');
  await expect(movement).toHaveAttribute('data-type', 'out');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(movement).toContainText('Say why the cash moves.');
  await page.getByTestId('movement-reason').fill('Safe drop');
  await page.keyboard.press('Enter');
  await expect(movement).toBeHidden();
  const expected = 15_000 + 700 + 2000 - 5000;
  await expect(page.getByTestId('till-expected')).toHaveText(money(expected));
  await saveScreenshot(page, testInfo, '02-drawer-open');

  // X: the running report with every figure, and the cash formula.
  await page.keyboard.press('x');
  const report = page.getByTestId('cash-report');
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('data-kind', 'x');
  await expect(page.getByTestId('report-heading')).toHaveText('X report (running)');
  await expect(report).toContainText('Main till');
  await expect(page.getByTestId('report-sales-count')).toHaveText('2');
  await expect(page.getByTestId('report-sales-total')).toHaveText(money(1050));
  await expect(page.getByTestId('report-refunds-count')).toHaveText('0');
  await expect(page.getByTestId('report-tenders')).toContainText('Cash');
  await expect(page.getByTestId('report-tenders')).toContainText(money(700));
  await expect(page.getByTestId('report-tenders')).toContainText('Card');
  await expect(page.getByTestId('report-tenders')).toContainText(money(350));
  await expect(page.getByTestId('report-refund-tenders')).toHaveText('No refunds paid out.');
  await expect(page.getByTestId('report-cash-float')).toHaveText(money(15_000));
  await expect(page.getByTestId('report-cash-sales')).toHaveText(money(700));
  await expect(page.getByTestId('report-cash-refunds')).toHaveText(money(0));
  await expect(page.getByTestId('report-cash-in')).toHaveText(money(2000));
  await expect(page.getByTestId('report-cash-out')).toHaveText(money(5000));
  await expect(page.getByTestId('report-cash-expected')).toHaveText(money(expected));
  await expect(page.getByTestId('report-cash-counted')).toHaveCount(0);
  await expect(page.getByTestId('report-cashiers')).toContainText('Cody Cashier');
  await expect(page.getByTestId('report-receipts')).toHaveText(/^#\d+ – #\d+$/);
  await expect(page.getByTestId('report-print')).toBeFocused();
  await saveScreenshot(page, testInfo, '03-x-report');

  // Print sends the report alone to paper: on the print medium the app is hidden, the report shown.
  // A string: the tests' tsconfig has no DOM types.
  await page.evaluate(`window.print = () => document.body.setAttribute('data-printed', 'yes')`);
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('app-shell')).toBeHidden();
  await expect(page.locator('body > div', { hasText: 'X report (running)' }).last()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();

  // C: the count. Typed far below what is expected, the difference shows at once.
  await page.keyboard.press('c');
  const closeDialog = page.getByTestId('close-drawer-dialog');
  await expect(closeDialog).toBeVisible();
  const counted = page.getByTestId('close-drawer-total');
  await expect(counted).toBeFocused();
  await expect(page.getByTestId('close-expected')).toHaveText(money(expected));
  await page.keyboard.type('100');
  await expect(page.getByTestId('close-variance')).toHaveText(`Short by ${money(expected - 10_000)}`);
  // Enter: the review, with the warning that a cashier may not close this far off.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-confirm')).toBeVisible();
  await expect(page.getByTestId('close-limit-warning')).toContainText('a manager must close this drawer');
  await expect(page.getByTestId('close-submit')).toBeFocused();
  // Tried anyway: the server refuses, the message says so, the drawer stays open.
  await page.keyboard.press('Enter');
  const refused = page.getByTestId('close-error');
  await expect(refused).toContainText('A manager must close this drawer');
  await expect(refused).toContainText(`Short by ${money(expected - 10_000)}: more than the ${money(500)} a cashier may close with.`);
  await saveScreenshot(page, testInfo, '04-approval-required');

  // Back to the count: counted by notes and coins this time, fifty cents short.
  await page.getByTestId('close-back').click();
  await expect(counted).toBeFocused();
  await page.getByTestId('close-drawer-pieces-2000').fill('6');
  await page.getByTestId('close-drawer-pieces-500').fill('1');
  await page.getByTestId('close-drawer-pieces-100').fill('1');
  await page.getByTestId('close-drawer-pieces-50').fill('1');
  await expect(counted).toHaveValue('126.50');
  await page.getByTestId('close-note').fill('Fifty cents short, probably change');
  await page.keyboard.press('Enter');
  // Before confirming: expected, counted and the difference.
  await expect(page.getByTestId('close-confirm')).toBeVisible();
  await expect(page.getByTestId('close-expected')).toHaveText(money(expected));
  await expect(page.getByTestId('close-counted')).toHaveText(money(12_650));
  await expect(page.getByTestId('close-variance')).toHaveText(`Short by ${money(50)}`);
  await expect(page.getByTestId('close-limit-warning')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '05-close-review');
  await expect(page.getByTestId('close-submit')).toBeFocused();
  await page.keyboard.press('Enter');

  // Closed: the Z report, final, with the count and the difference; the drawer can open again.
  await expect(closeDialog).toBeHidden();
  const zReport = page.getByTestId('till-z-report');
  await expect(zReport).toBeVisible();
  await expect(report).toHaveAttribute('data-kind', 'z');
  await expect(page.getByTestId('report-heading')).toHaveText(/^Z report \(closed .+\)$/);
  await expect(page.getByTestId('report-cash-expected')).toHaveText(money(expected));
  await expect(page.getByTestId('report-cash-counted')).toHaveText(money(12_650));
  await expect(page.getByTestId('report-cash-variance')).toHaveText(`Short by ${money(50)}`);
  await expect(page.getByTestId('report-note')).toContainText('Fifty cents short');
  await expect(till).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('till-open')).toBeVisible();
  const sessionId = Number(await report.getAttribute('data-session-id'));
  expect(sessionId).toBeGreaterThan(0);
  await saveScreenshot(page, testInfo, '06-z-report');

  // The manager signs in: Drawer sessions lists the closed session; Enter on it opens its Z report.
  await signOut(page);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'cash-sessions');
  await expect(page.getByTestId('cash-sessions-page')).toBeVisible();
  const row = page.getByTestId(`cash-session-row-${sessionId}`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'closed');
  await expect(row).toContainText('Main till');
  await expect(row).toContainText('Cody Cashier');
  await expect(row).toContainText(money(expected));
  await expect(row).toContainText(money(12_650));
  await expect(page.getByTestId(`cash-session-variance-${sessionId}`)).toHaveText(`Short by ${money(50)}`);
  await saveScreenshot(page, testInfo, '07-sessions-list');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-dialog')).toBeVisible();
  await expect(report).toHaveAttribute('data-kind', 'z');
  await expect(page.getByTestId('report-heading')).toHaveText(/^Z report \(closed .+\)$/);
  await expect(report).toContainText('Opened');
  await expect(report).toContainText('by Cody Cashier');
  await expect(page.getByTestId('report-cash-counted')).toHaveText(money(12_650));
  await expect(page.getByTestId('report-cash-variance')).toHaveText(`Short by ${money(50)}`);
  await saveScreenshot(page, testInfo, '08-manager-z-report');

  // The status filter: no open session.
  await page.keyboard.press('Escape');
  await page.getByTestId('cash-sessions-status').click();
  await page.getByRole('option', { name: 'Open' }).click();
  await expect(page.getByTestId('cash-sessions-empty')).toBeVisible();
});
