// Arranging and driving the point of sale for its end-to-end specs (point-of-sale, till-day).
import type { APIRequestContext, Page } from '@playwright/test';
import { createUser, expect, replaceTemporaryPassword, type Shop } from './fixtures';

export interface Person {
  username: string;
  first_name: string;
  last_name: string;
  password: string;
}

export interface NewProduct {
  sku: string;
  barcode: string;
  name: string;
  price_cents: number;
  stock: number;
  /** The product's tax rate (null or absent: not taxed). */
  tax_rate_id?: number | null;
}

/** The shop's money as the UI writes it (EUR in the en-US locale the specs run in). */
export const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A staff account whose temporary password is already replaced by `password`. */
export async function arrangeAccount(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  user: Person,
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

export async function createProduct(request: APIRequestContext, shop: Shop, token: string, product: NewProduct): Promise<number> {
  const res = await request.post(`${shop.api}/products`, { data: product, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** A scanner sends its keys this far apart, by the event's own time stamp. */
const SCANNER_KEY_GAP_S = 0.005;

/**
 * A keyboard-wedge scanner: the digits, then Enter, wherever the focus is, each key stamped
 * {@link SCANNER_KEY_GAP_S} after the last as a real scanner's are by the operating system.
 * `page.keyboard.type` cannot do this: its keys are stamped when the page has handled the key
 * before, 25–65 ms apart on a busy machine, which splits the burst past the wedge's 50 ms.
 * `pauseAfter: n` puts a 300 ms gap after the n-th digit (a scanner or machine that stalled).
 */
export async function scan(page: Page, barcode: string, options: { pauseAfter?: number } = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const press = async (key: string, code: string, keyCode: number, text: string) => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text, windowsVirtualKeyCode: keyCode, timestamp: at });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, timestamp: at + 0.001 });
    at += SCANNER_KEY_GAP_S;
  };
  try {
    for (const [index, digit] of [...barcode].entries()) {
      if (index === options.pauseAfter) at += 0.3;
      await press(digit, `Digit${digit}`, digit.charCodeAt(0), digit);
    }
    await press('Enter', 'Enter', 13, '\r');
  } finally {
    await cdp.detach();
  }
}

/**
 * Goes to a page of the navbar from the keyboard. A page still mounting (the POS focuses its
 * search box) may take the focus between the two steps, so the pair is retried until the
 * address is the page's.
 */
export async function openNav(page: Page, path: string): Promise<void> {
  await expect(async () => {
    await page.getByTestId(`nav-${path}`).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/${path}(\\?|$)`), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Adds a product by its code through the search box (filled at once, then Enter). Unlike `scan`,
 * this does not depend on the keys' timing, which a loaded machine stretches.
 */
export async function addByCode(page: Page, code: string): Promise<void> {
  const search = page.getByTestId('pos-search');
  await search.fill(code);
  await search.press('Enter');
  await expect(search).toHaveValue('');
}

/** A tax rate, created over REST (`POST /tax-rates`, managers). */
export async function createTaxRate(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  rate: { name: string; rate_bp: number },
): Promise<number> {
  const res = await request.post(`${shop.api}/tax-rates`, { data: rate, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** Signs `person` in over REST and sets their till PIN (`PUT /me/pin`), as My profile does. */
export async function setPinOf(request: APIRequestContext, shop: Shop, person: Person, pin: string): Promise<void> {
  const login = await request.post(`${shop.api}/auth/login`, { data: { username: person.username, password: person.password } });
  expect(login.status(), await login.text()).toBe(200);
  const { access } = (await login.json()) as { access: string };
  const res = await request.put(`${shop.api}/me/pin`, {
    data: { password: person.password, pin },
    headers: { Authorization: `Bearer ${access}` },
  });
  expect(res.status(), await res.text()).toBe(204);
}
