// First run in a browser: an empty shop asks for its owner, refuses a weak password (first the
// live checklist, then the server's own rule), and leads from set-up to Sign in, into the app
// shell and out again.
import { expect, OWNER, saveScreenshot, signInUi, test } from './fixtures';

test('an empty shop shows Set-up, refuses weak passwords, creates the owner, signs in and out', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await page.goto(shop.url);

  // An empty shop shows Set-up, and nothing else.
  const form = page.getByTestId('setup-form');
  await expect(form).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Set up your shop' })).toBeVisible();
  await expect(page.getByTestId('login-form')).toHaveCount(0);

  await form.getByLabel('Username', { exact: true }).fill(OWNER.username);
  await form.getByLabel('First name').fill(OWNER.first_name);
  await form.getByLabel('Last name').fill(OWNER.last_name);
  const password = form.getByLabel('Password', { exact: true });
  const confirmation = form.getByLabel('Confirm password');
  const checklist = page.getByTestId('password-checklist');

  // A weak password: the Super Admin checklist stays unticked where it falls short, and the
  // form refuses it before asking the server.
  await password.fill('short');
  await confirmation.fill('short');
  await expect(checklist.getByTestId('rule-length')).toHaveAttribute('data-ok', 'false');
  await expect(checklist.getByTestId('rule-length')).toContainText('At least 12 characters.');
  await expect(checklist.getByTestId('rule-upper')).toHaveAttribute('data-ok', 'false');
  await expect(checklist.getByTestId('rule-number')).toHaveAttribute('data-ok', 'false');
  await expect(checklist.getByTestId('rule-special')).toHaveAttribute('data-ok', 'false');
  await expect(checklist.getByTestId('rule-lower')).toHaveAttribute('data-ok', 'true');
  await expect(checklist.getByTestId('rule-match')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('setup-submit').click();
  await expect(form.getByText('This password does not meet every rule in the list.')).toBeVisible();
  await expect(password).toHaveAccessibleDescription('This password does not meet every rule in the list.');
  await saveScreenshot(page, testInfo, '01-weak-password-checklist');

  // A password that ticks every rule but is on the common-password list: only the server knows,
  // and its message appears under the field. The shop is still not set up.
  await password.fill('Password123!');
  await confirmation.fill('Password123!');
  for (const rule of ['length', 'upper', 'lower', 'number', 'special', 'match']) {
    await expect(checklist.getByTestId(`rule-${rule}`)).toHaveAttribute('data-ok', 'true');
  }
  await page.getByTestId('setup-submit').click();
  await expect(form.getByText('This password is too common.')).toBeVisible();
  await expect(password).toHaveAccessibleDescription('This password is too common.');
  await expect(form).toBeVisible();
  const noOwner = await request.post(`${shop.api}/auth/login`, { data: { username: OWNER.username, password: 'Password123!' } });
  expect(noOwner.status(), 'no owner exists yet').toBe(401);
  await saveScreenshot(page, testInfo, '02-common-password-server-error');

  // A good password creates the owner: Sign in, with a success notice and the username kept.
  await password.fill(OWNER.password);
  await confirmation.fill(OWNER.password);
  await page.getByTestId('setup-submit').click();
  const loginForm = page.getByTestId('login-form');
  await expect(loginForm).toBeVisible();
  await expect(page.getByText('The owner account is ready. Sign in with it to open ShopDesk.')).toBeVisible();
  await expect(page.getByText('Shop set up')).toBeVisible();
  await expect(loginForm.getByLabel('Username', { exact: true })).toHaveValue(OWNER.username);
  await expect(form).toHaveCount(0);
  await saveScreenshot(page, testInfo, '03-signin-after-setup');

  // Sign in: the app shell shows the owner's name and role.
  await signInUi(page, OWNER.username, OWNER.password);
  const shell = page.getByTestId('app-shell');
  await expect(shell).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(`${OWNER.first_name} ${OWNER.last_name}`);
  await expect(page.getByTestId('user-role')).toHaveText('Super Admin');
  await saveScreenshot(page, testInfo, '04-app-shell');

  // Sign out: back at Sign in, with a notice.
  const signedInCookies = await page.context().cookies();
  const access = signedInCookies.find((c) => c.name === 'sd_access');
  expect(access, 'signed in, the browser holds the access cookie').toBeTruthy();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(loginForm).toBeVisible();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(shell).toHaveCount(0);

  // The sign-in really ended: the browser forgot it, a reload shows Sign in, and the old access
  // token no longer opens the profile.
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('sd_access');
  await page.reload();
  await expect(loginForm).toBeVisible();
  await expect(shell).toHaveCount(0);
  const stale = await request.get(`${shop.api}/me`, { headers: { Authorization: `Bearer ${access?.value ?? ''}` } });
  expect(stale.status()).toBe(401);
  await saveScreenshot(page, testInfo, '05-signed-out-after-reload');
});
