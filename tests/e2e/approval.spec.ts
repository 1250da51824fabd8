// A manager sets his till PIN on My profile (the rule shown as he types, a wrong password
// refused); a cashier closes her drawer far off the count, is refused, asks a manager: a wrong
// PIN is refused in the dialog, the manager's PIN closes the drawer and the Z report follows.
// The owner then clears the manager's PIN from the staff list, and it no longer signs in.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  createOwner,
  createUser,
  expect,
  OWNER,
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
const MANAGER_PIN = '2580';

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

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

test('a manager sets his PIN; a cashier closes a drawer beyond the limit with his approval; the owner clears the PIN', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);

  // The manager sets his PIN on My profile, from the keyboard.
  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-profile').click();
  const card = page.getByTestId('pin-card');
  await expect(card).toContainText('Till PIN');
  await card.getByTestId('pin-set').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('pin-password')).toBeFocused();
  await page.keyboard.type('not-my-password');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('pin-new')).toBeFocused();
  await expect(page.getByTestId('pin-new')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByTestId('pin-new')).toHaveAttribute('type', 'password');
  // Digits only; the rule speaks as the PIN is typed.
  await page.keyboard.type('12ab');
  await expect(page.getByTestId('pin-new')).toHaveValue('12');
  await expect(page.getByTestId('pin-rule')).toHaveText('A PIN is 4 to 8 digits.');
  await page.keyboard.type('34');
  await expect(page.getByTestId('pin-rule')).toHaveText('A PIN may not be a run of consecutive digits.');
  await page.getByTestId('pin-new').fill('');
  await page.keyboard.type(MANAGER_PIN);
  await expect(page.getByTestId('pin-rule')).toHaveAttribute('data-ok', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2581');
  await expect(page.getByTestId('pin-repeat-rule')).toHaveText('The two PINs differ.');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect(page.getByTestId('pin-repeat-rule')).toHaveText('The two PINs match.');
  // Enter submits: the wrong password is refused under its field.
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Wrong password.');
  await page.getByTestId('pin-password').fill(MANAGER.password);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Your till PIN is set')).toBeVisible();
  await saveScreenshot(page, testInfo, '01-pin-set');
  await signOut(page);

  // The cashier opens her drawer with a float and counts far too little at the close.
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-till').click();
  const till = page.getByTestId('till-page');
  await expect(till).toHaveAttribute('data-state', 'closed');
  await page.keyboard.press('d');
  await expect(page.getByTestId('open-drawer-total')).toBeFocused();
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  await expect(till).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('till-expected')).toHaveText(money(15_000));

  await page.keyboard.press('c');
  await expect(page.getByTestId('close-drawer-total')).toBeFocused();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-error')).toContainText('A manager must close this drawer');
  // Refused: "Ask a manager" takes the focus; Enter asks.
  await expect(page.getByTestId('close-ask-manager')).toBeFocused();
  await page.keyboard.press('Enter');
  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toBeVisible();
  await expect(approval).toContainText(`Closing Main till short by ${money(5000)}`);
  await expect(page.getByTestId('approval-username')).toBeFocused();
  // Esc leaves only the approval; the count is still there, and Enter asks again.
  await page.keyboard.press('Escape');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('close-confirm')).toBeVisible();
  await expect(page.getByTestId('close-ask-manager')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('approval-username')).toBeFocused();
  await page.keyboard.type(MANAGER.username);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('approval-pin')).toBeFocused();
  await page.keyboard.type('1357');
  await page.keyboard.press('Enter');
  // A wrong PIN: said plainly, the PIN cleared to type again, the drawer still open.
  await expect(page.getByTestId('approval-error')).toHaveText('Wrong PIN, or that person may not approve.');
  await expect(page.getByTestId('approval-pin')).toHaveValue('');
  await expect(page.getByTestId('approval-pin')).toBeFocused();
  await expect(page.getByTestId('approval-username')).toHaveValue(MANAGER.username);
  await saveScreenshot(page, testInfo, '02-approval-refused');
  await page.keyboard.type(MANAGER_PIN);
  await page.keyboard.press('Enter');

  // Approved: closed with the count, and the Z report follows.
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('close-drawer-dialog')).toBeHidden();
  await expect(page.getByTestId('till-z-report')).toBeVisible();
  await expect(page.getByTestId('cash-report')).toHaveAttribute('data-kind', 'z');
  await expect(page.getByTestId('report-cash-counted')).toHaveText(money(10_000));
  await expect(page.getByTestId('report-cash-variance')).toHaveText(`Short by ${money(5000)}`);
  await expect(till).toHaveAttribute('data-state', 'closed');
  await saveScreenshot(page, testInfo, '03-z-report');
  await signOut(page);

  // The owner clears the manager's PIN from the staff list; it no longer signs in.
  const pinLogin = () => request.post(`${shop.api}/auth/pin-login`, { data: { username: MANAGER.username, pin: MANAGER_PIN } });
  expect((await pinLogin()).status()).toBe(200);
  await signInUi(page, OWNER.username, OWNER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-staff').click();
  await page.getByTestId(`action-clear-pin-${MANAGER.username}`).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Mia Manager');
  await expect(page.getByTestId('confirm-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByText('PIN cleared')).toBeVisible();
  expect((await pinLogin()).status()).toBe(401);
});
