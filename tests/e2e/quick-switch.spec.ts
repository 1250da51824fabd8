// The till's quick switch and idle lock. Two cashiers hand one register over by PIN with its
// drawer open: the sale in progress is parked for its owner, the next cashier starts with an
// empty cart on the same cash session, and the X report gives each of them their own sale.
// With a one-minute idle lock, a quiet till locks to the switch screen (the sign-in dropped,
// a reload stays locked); a scanner's burst does not unlock it, the person's PIN does.
import type { APIRequestContext, Page } from '@playwright/test';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test, type Shop } from './fixtures';
import { addByCode, arrangeAccount, createProduct, money, scan, type Person } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const ANN = { username: 'ann', first_name: 'Ann', last_name: 'Archer', password: 'ann-sells-7731!' };
const BEN = { username: 'ben', first_name: 'Ben', last_name: 'Baker', password: 'ben-sells-8842!' };
const PINS = { ann: '2580', ben: '7391' };

const TEA = { sku: 'TEA-1', barcode: '4000000000109', name: 'Green tea', price_cents: 450, stock: 20 };
const JAM = { sku: 'JAM-1', barcode: '4000000000116', name: 'Apricot jam', price_cents: 325, stock: 20 };
const HONEY = { sku: 'HONEY-1', barcode: '4000000000123', name: 'Forest honey', price_cents: 799, stock: 20 };

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function tokenOf(request: APIRequestContext, shop: Shop, person: Person): Promise<string> {
  const res = await request.post(`${shop.api}/auth/login`, { data: { username: person.username, password: person.password } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { access: string }).access;
}

/** A cashier with a till PIN (set with their own token, as My profile does). */
async function arrangeCashier(request: APIRequestContext, shop: Shop, owner: string, managerId: number, person: Person, pin: string) {
  const id = await arrangeAccount(request, shop, owner, person, 'cashier', managerId);
  const token = await tokenOf(request, shop, person);
  const res = await request.put(`${shop.api}/me/pin`, { data: { password: person.password, pin }, headers: bearer(token) });
  expect(res.status(), await res.text()).toBe(204);
  return { id, token };
}

async function clockIn(request: APIRequestContext, shop: Shop, token: string): Promise<void> {
  const res = await request.post(`${shop.api}/me/clock-in`, { data: {}, headers: bearer(token) });
  expect(res.status(), await res.text()).toBe(201);
}

/** Today in the shop's time zone, as the planner writes it. */
async function shopToday(request: APIRequestContext, shop: Shop, owner: string): Promise<string> {
  const res = await request.get(`${shop.api}/shop`, { headers: bearer(owner) });
  const { time_zone } = (await res.json()) as { time_zone: string };
  return new Intl.DateTimeFormat('en-CA', { timeZone: time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function typeOnPad(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', String(pin.length));
  await page.getByTestId('pin-key-ok').click();
}

/** Pays the cart in cash, the exact amount (F2, Enter), and starts the next sale. */
async function payCash(page: Page, cents: number): Promise<void> {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('pay-total')).toHaveText(money(cents));
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'receipt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'sale');
}

const signedInAs = async (page: Page, person: Person) => {
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(`${person.first_name} ${person.last_name}`);
};

test('two cashiers hand one register over by PIN with the drawer open; the sale in progress is parked; the report gives each their sale', async ({
  page,
  shop,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  const ann = await arrangeCashier(request, shop, owner, managerId, ANN, PINS.ann);
  const ben = await arrangeCashier(request, shop, owner, managerId, BEN, PINS.ben);
  for (const product of [TEA, JAM, HONEY]) await createProduct(request, shop, owner, product);
  // Ann is clocked in; Ben is planned for today.
  await clockIn(request, shop, ann.token);
  const today = await shopToday(request, shop, owner);
  const plan = await request.put(`${shop.api}/users/${ben.id}/working-times/${today}`, {
    data: { start_time: '00:00', end_time: '23:59' },
    headers: bearer(owner),
  });
  expect(plan.status(), await plan.text()).toBe(200);

  // Ann signs in with her password, opens the drawer with a float, and sells the tea for cash.
  await page.goto(shop.url);
  await signInUi(page, ANN.username, ANN.password);
  await signedInAs(page, ANN);
  const register = page.getByTestId('pos-register');
  await expect(register).toContainText('Selling on Main till');
  await page.getByTestId('pos-open-drawer').click();
  await expect(page.getByTestId('open-drawer-total')).toBeFocused();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(register).toHaveAttribute('data-drawer', 'open');
  await addByCode(page, TEA.barcode);
  await payCash(page, TEA.price_cents);

  // A second customer: the jam is in the cart when Ben takes over.
  await addByCode(page, JAM.barcode);
  await expect(page.getByTestId(`cart-line-${JAM.sku}`)).toBeVisible();
  await expect(page.getByTestId('pos-page')).toContainText('Switch user');
  await page.getByTestId('switch-user-button').click();

  // The switch screen: who is on shift, as buttons; the sale was parked for Ann.
  const screen = page.getByTestId('quick-switch-screen');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('Who is selling?');
  await expect(page.getByTestId('switch-register')).toContainText('Main till');
  await expect(page.getByTestId('switch-note')).toContainText('Ann Archer handed over. Their sale in progress is parked for them.');
  await expect(page.getByTestId('switch-person-ann')).toContainText('Clocked in');
  await expect(page.getByTestId('switch-person-ben')).toContainText('Planned 00:00–23:59');
  await expect(page.getByTestId('switch-roster').getByRole('button')).toHaveCount(2);
  await saveScreenshot(page, testInfo, '01-switch-screen');

  // Ben, a wrong PIN first (said, and cleared), then his own on the pad.
  await page.getByTestId('switch-person-ben').click();
  await expect(page.getByTestId('pin-pad-person')).toHaveText('Ben Baker');
  await typeOnPad(page, '1357');
  await expect(page.getByTestId('pin-pad-error')).toHaveText('Wrong PIN. Try again.');
  await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '0');
  await typeOnPad(page, PINS.ben);

  // The till as Ben: his cart empty, the same drawer still open.
  await signedInAs(page, BEN);
  await expect(page).toHaveURL(/\/pos$/);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(register).toHaveAttribute('data-drawer', 'open');
  await expect(page.getByTestId('parked-count')).toHaveCount(0);
  await addByCode(page, HONEY.barcode);
  await payCash(page, HONEY.price_cents);

  // F9 hands back to Ann; her PIN from the pad; her parked jam sale is in Parked sales (F3).
  await page.keyboard.press('F9');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('switch-note')).toContainText('Ben Baker handed over.');
  await page.getByTestId('switch-person-ann').click();
  await typeOnPad(page, PINS.ann);
  await signedInAs(page, ANN);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('parked-count')).toHaveText('1');
  await page.keyboard.press('F3');
  const row = page.getByTestId('parked-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(money(JAM.price_cents));
  await saveScreenshot(page, testInfo, '02-parked-for-ann');
  await page.keyboard.press('Escape');

  // One cash session all along; its X report, and the Z report after the close, give each cashier their own sale.
  const registers = await request.get(`${shop.api}/registers`, { headers: bearer(owner) });
  const main = ((await registers.json()) as { name: string; open_session_id: number | null }[]).find((r) => r.name === 'Main till');
  const sessionId = main?.open_session_id ?? null;
  expect(sessionId).not.toBeNull();
  const res = await request.get(`${shop.api}/cash-sessions/${String(sessionId)}/report`, { headers: bearer(owner) });
  expect(res.status(), await res.text()).toBe(200);
  const report = (await res.json()) as {
    sales: { count: number };
    cashiers: { user_id: number; name: string; count: number; total_cents: number }[];
  };
  expect(report.sales.count).toBe(2);
  expect(report.cashiers).toEqual([
    { user_id: ann.id, name: 'Ann Archer', count: 1, total_cents: TEA.price_cents },
    { user_id: ben.id, name: 'Ben Baker', count: 1, total_cents: HONEY.price_cents },
  ]);

  // Closed with the cash counted right, the Z report keeps each cashier's own sale.
  const session = await request.get(`${shop.api}/cash-sessions/${String(sessionId)}`, { headers: bearer(owner) });
  const { expected_cash_cents } = (await session.json()) as { expected_cash_cents: number };
  const closed = await request.post(`${shop.api}/cash-sessions/${String(sessionId)}/close`, {
    headers: bearer(owner),
    data: { counted_cash_cents: expected_cash_cents },
  });
  expect(closed.status(), await closed.text()).toBe(200);
  const z = await request.get(`${shop.api}/cash-sessions/${String(sessionId)}/report`, { headers: bearer(owner) });
  const zReport = (await z.json()) as { session: { status: string }; cashiers: unknown[] };
  expect(zReport.session.status).toBe('closed');
  expect(zReport.cashiers).toEqual(report.cashiers);
});

test('a quiet till locks itself: the sign-in is dropped, a reload stays locked, a scan does not unlock it, the PIN does', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  const ann = await arrangeCashier(request, shop, owner, managerId, ANN, PINS.ann);
  await createProduct(request, shop, owner, TEA);
  await clockIn(request, shop, ann.token);
  const setting = await request.patch(`${shop.api}/shop`, { data: { idle_lock_minutes: 1 }, headers: bearer(owner) });
  expect(setting.status(), await setting.text()).toBe(200);

  await page.clock.install();
  await page.goto(shop.url);
  await signInUi(page, ANN.username, ANN.password);
  await signedInAs(page, ANN);
  await addByCode(page, TEA.barcode);
  await expect(page.getByTestId(`cart-line-${TEA.sku}`)).toBeVisible();
  const access = (await page.context().cookies()).find((cookie) => cookie.name === 'sd_access')?.value ?? '';
  const me = () => request.get(`${shop.api}/me`, { headers: bearer(access) });
  expect((await me()).status()).toBe(200);

  // A minute and a bit without input: the switch screen, the tea parked for Ann.
  await page.clock.fastForward('01:05');
  const screen = page.getByTestId('quick-switch-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('quick-switch')).toHaveAttribute('data-reason', 'idle');
  await expect(page.getByTestId('switch-note')).toContainText('locked itself after a while without use; Ann Archer was signed out');
  await expect(page.getByTestId('switch-note')).toContainText('parked for them');
  await saveScreenshot(page, testInfo, '01-idle-locked');

  // Dropped, not hidden: the page's access token no longer answers, and a reload stays locked.
  expect((await me()).status()).toBe(401);
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'sd_access')).toBe(false);
  await page.reload();
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);

  // A scan at the pad, and even her PIN fired as fast as a scanner: nothing is sent to be checked.
  let pinAttempts = 0;
  page.on('request', (sent) => {
    if (sent.url().includes('auth.pinLogin')) pinAttempts += 1;
  });
  await page.getByTestId('switch-person-ann').click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  await scan(page, TEA.barcode);
  await expect(page.getByTestId('pin-pad-error')).toHaveAttribute('data-kind', 'scan');
  await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '0');
  // Her PIN fired in one go, as fast as a scanner types (a string: the specs have no DOM types).
  await page.evaluate(`for (const key of [...${JSON.stringify(PINS.ann)}, 'Enter']) {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }`);
  await expect(page.getByTestId('pin-pad-error')).toHaveAttribute('data-kind', 'scan');
  await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '0');
  await expect(screen).toBeVisible();

  // Her PIN typed by a person: back in, her tea waiting in Parked sales.
  await page.keyboard.type(PINS.ann, { delay: 150 });
  await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', String(PINS.ann.length));
  await page.keyboard.press('Enter');
  await signedInAs(page, ANN);
  await expect(page.getByTestId('parked-count')).toHaveText('1');
  expect(pinAttempts, 'only the PIN typed by a person was sent').toBe(1);
});
