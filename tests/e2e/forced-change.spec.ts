// A temporary password set by the owner: the cashier's first sign-in leads to "Choose a new
// password", whose checklist follows the typing, which refuses the temporary password again, and
// which signs the cashier in with a good new one.
import { createOwner, createUser, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';

const TEMPORARY = 'Temp-pass-1!';
const NEW_PASSWORD = 'new-till-7';
const CASHIER = { username: 'cara', first_name: 'Cara', last_name: 'Cashier' };

test('a temporary password must be replaced at first sign-in, then the new one works', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  await createUser(request, shop, token, { ...CASHIER, password: TEMPORARY, role: 'cashier' });

  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, TEMPORARY);

  // Not signed in: the forced-change screen, for this cashier, with the Cashier policy.
  const screen = page.getByTestId('forced-change-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
  await expect(screen).toContainText(`Signing in as ${CASHIER.username} (Cashier).`);
  await expect(page.getByTestId('forced-change-reason')).toContainText('You must set a new password before signing in.');
  const checklist = page.getByTestId('password-checklist');
  await expect(checklist.getByTestId('rule-length')).toHaveText(/At least 6 characters\./);
  await expect(checklist.getByTestId('rule-upper'), 'cashiers need no upper-case letter').toHaveCount(0);
  await saveScreenshot(page, testInfo, '01-forced-change-screen');

  // The checklist ticks as the new password is typed.
  const current = screen.getByRole('textbox', { name: 'Current password', exact: true });
  const fresh = screen.getByRole('textbox', { name: 'New password', exact: true });
  const confirmation = screen.getByRole('textbox', { name: 'Confirm new password', exact: true });
  const rule = (key: string) => checklist.getByTestId(`rule-${key}`);
  for (const key of ['length', 'lower', 'number', 'special', 'match']) await expect(rule(key)).toHaveAttribute('data-ok', 'false');
  await fresh.pressSequentially('new');
  await expect(rule('lower')).toHaveAttribute('data-ok', 'true');
  await expect(rule('special')).toHaveAttribute('data-ok', 'false');
  await expect(rule('length')).toHaveAttribute('data-ok', 'false');
  await fresh.pressSequentially('-');
  await expect(rule('special')).toHaveAttribute('data-ok', 'true');
  await fresh.pressSequentially('till-');
  await expect(rule('length')).toHaveAttribute('data-ok', 'true');
  await expect(rule('number')).toHaveAttribute('data-ok', 'false');
  await fresh.pressSequentially('7');
  await expect(rule('number')).toHaveAttribute('data-ok', 'true');
  await expect(rule('match')).toHaveAttribute('data-ok', 'false');
  await confirmation.pressSequentially(NEW_PASSWORD);
  await expect(rule('match')).toHaveAttribute('data-ok', 'true');
  await fresh.press('End');
  await fresh.press('Backspace');
  await expect(rule('number'), 'deleting the digit unticks the rule again').toHaveAttribute('data-ok', 'false');
  await expect(rule('match')).toHaveAttribute('data-ok', 'false');
  await saveScreenshot(page, testInfo, '02-checklist-live');

  // Reusing the temporary password: the server's "must be different" under the new password.
  await current.fill(TEMPORARY);
  await fresh.fill(TEMPORARY);
  await confirmation.fill(TEMPORARY);
  await page.getByTestId('forced-change-submit').click();
  await expect(screen.getByText('The new password must be different from the current one.')).toBeVisible();
  await expect(fresh).toHaveAccessibleDescription('The new password must be different from the current one.');
  await expect(screen).toBeVisible();
  await saveScreenshot(page, testInfo, '03-reuse-refused');

  // A good new password: signed in, the app shell with the cashier's name and role.
  await fresh.fill(NEW_PASSWORD);
  await confirmation.fill(NEW_PASSWORD);
  await page.getByTestId('forced-change-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByText(`Welcome, ${CASHIER.first_name}. Your new password is saved.`)).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(`${CASHIER.first_name} ${CASHIER.last_name}`);
  await expect(page.getByTestId('user-role')).toHaveText('Cashier');
  await expect(screen).toHaveCount(0);
  await saveScreenshot(page, testInfo, '04-signed-in');

  // Sign out; the temporary password no longer opens the account, the new one does.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await signInUi(page, CASHIER.username, TEMPORARY);
  await expect(page.getByTestId('login-error')).toContainText('Wrong username or password');
  await signInUi(page, CASHIER.username, NEW_PASSWORD);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(`${CASHIER.first_name} ${CASHIER.last_name}`);
  await expect(page.getByTestId('forced-change-screen')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '05-signed-in-again');
});
