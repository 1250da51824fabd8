// Lockout in the browser: wrong passwords lock a cashier's account, the Locked screen says what
// happened and what to do, even the right password is refused, and an unlock by the owner
// (REST) lets the cashier in again.
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, signInUi, test } from './fixtures';

const CASHIER = { username: 'carl', first_name: 'Carl', last_name: 'Cashier', password: 'till-open-42!' };

test('five wrong passwords lock the account; the right one is refused until a manager unlocks it', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const cashier = await createUser(request, shop, token, { ...CASHIER, password: 'Temp-pass-1!', role: 'cashier' });
  await replaceTemporaryPassword(request, shop, CASHIER.username, 'Temp-pass-1!', CASHIER.password);
  const isLocked = async () => {
    const res = await request.get(`${shop.api}/users/${cashier.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { is_locked: boolean }).is_locked;
  };

  await page.goto(shop.url);
  const loginError = page.getByTestId('login-error');
  const locked = page.getByTestId('locked-screen');

  // Each wrong password: "Wrong username or password", the password field emptied.
  for (let attempt = 1; attempt <= 4; attempt++) {
    const answered = page.waitForResponse((r) => r.url().includes('/trpc/auth.login'), { timeout: 10_000 });
    await signInUi(page, CASHIER.username, `wrong-guess-${attempt}!`);
    expect((await answered).status()).toBe(401);
    await expect(loginError).toContainText('Wrong username or password');
    await expect(page.getByTestId('login-form').getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(locked).toHaveCount(0);
    expect(await isLocked(), `not locked after attempt ${attempt}`).toBe(false);
  }
  await saveScreenshot(page, testInfo, '01-fourth-wrong-password');

  // The fifth reaches the cashier's max_failed_attempts (5): the account locks, and the person
  // at the screen is told at once.
  await signInUi(page, CASHIER.username, 'wrong-guess-5!');
  await expect(locked).toBeVisible();
  expect(await isLocked(), 'the fifth failure locks the account').toBe(true);

  // The Locked screen explains what happened and the ways out.
  await expect(locked).toBeVisible();
  await expect(locked.getByRole('heading', { name: 'Account locked' })).toBeVisible();
  await expect(locked).toContainText(`The account ${CASHIER.username} was locked after too many failed sign-in attempts.`);
  await expect(locked).toContainText('even with the right password');
  await expect(locked.getByText('Ask a manager to unlock it')).toBeVisible();
  await expect(locked.getByTestId('forgot-password-link')).toBeEnabled();
  await saveScreenshot(page, testInfo, '02-locked-screen');

  // Back to Sign in (the username kept): the right password now also shows the Locked screen.
  await page.getByTestId('locked-back').click();
  await expect(page.getByTestId('login-form').getByLabel('Username', { exact: true })).toHaveValue(CASHIER.username);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(locked).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '03-right-password-still-locked');

  // The owner unlocks the account over REST; now the right password signs the cashier in.
  const unlock = await request.post(`${shop.api}/users/${cashier.id}/unlock`, { headers: { Authorization: `Bearer ${token}` } });
  expect(unlock.status(), await unlock.text()).toBe(200);
  expect(await isLocked()).toBe(false);
  await page.getByTestId('locked-back').click();
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(`${CASHIER.first_name} ${CASHIER.last_name}`);
  await expect(page.getByTestId('user-role')).toHaveText('Cashier');
  await expect(locked).toHaveCount(0);
  await saveScreenshot(page, testInfo, '04-signed-in-after-unlock');
});
