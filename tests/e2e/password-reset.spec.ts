// "Forgot password?" end to end: a locked-out cashier gets a PIN by email (a real SMTP server
// on loopback catches it), types it, sets a new password and signs in again.
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, test as shopTest } from './fixtures';

const test = shopTest.extend<object, { mail: MailCatcher }>({
  mail: [
    async ({}, use) => {
      const mail = await startMailCatcher();
      await use(mail);
      await mail.close();
    },
    { scope: 'worker' },
  ],
  shopEnv: async ({ mail }, use) => use({ SHOPDESK_SMTP_URL: mail.url }),
});

const CASHIER = { username: 'casey', first_name: 'Casey', last_name: 'Till', email: 'casey@shop.test', password: 'till-pine-57' };

function pinOf(text: string): string {
  const pins = text.match(/\b\d{6}\b/g) ?? [];
  expect(pins, 'the PIN is the only six-digit number in the mail').toHaveLength(1);
  return pins[0] ?? '';
}

test('a locked-out cashier resets the password with the PIN from the mail and signs in', async ({
  page,
  shop,
  request,
  mail,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  await createUser(request, shop, token, { ...CASHIER, password: 'Tmp-till-pine-57', role: 'cashier' });
  await replaceTemporaryPassword(request, shop, CASHIER.username, 'Tmp-till-pine-57', CASHIER.password);
  for (let i = 0; i < 5; i++)
    await request.post(`${shop.api}/auth/login`, { data: { username: CASHIER.username, password: `wrong-${i}-x` } });

  await page.goto(shop.url);
  await page.getByTestId('login-form').getByLabel('Username', { exact: true }).fill(CASHIER.username);
  await page.getByTestId('login-form').getByLabel('Password', { exact: true }).fill(CASHIER.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('locked-screen')).toBeVisible();
  await page.getByTestId('forgot-password-link').click();

  // Step 1: email. The answer is the same whether or not the account exists.
  await expect(page.getByTestId('reset-request-form')).toBeVisible();
  await page.getByTestId('reset-value').fill('CASEY@shop.test');
  await page.getByTestId('reset-send').click();
  await expect(page.getByTestId('reset-sent')).toContainText('If the account exists, a PIN has been sent.');
  const message = await mail.nextMessage(CASHIER.email, 15_000);
  const pin = pinOf(message.text);
  await saveScreenshot(page, testInfo, '01-pin-sent');

  // Step 2: a wrong PIN first, then the right one pasted with a space in it.
  const wrong = pin === '000000' ? '111111' : '000000';
  await page.getByLabel('PIN digit 1 of 6').focus();
  await page.keyboard.type(wrong);
  await expect(page.getByTestId('reset-verify-error')).toHaveAttribute('data-error', 'wrong');
  await saveScreenshot(page, testInfo, '02-wrong-pin');
  await page.getByLabel('PIN digit 1 of 6').focus();
  // A real paste event (the browser's own type, built in the page) with "123 456" in it.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(`${pin.slice(0, 3)} ${pin.slice(3)}`)});
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);

  // Step 3: the current password is refused, a new one is accepted.
  await expect(page.getByTestId('reset-password-form')).toBeVisible();
  await page.getByTestId('reset-new-password').fill(CASHIER.password);
  await page.getByTestId('reset-confirm-password').fill(CASHIER.password);
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-password-form')).toContainText('different from your current one');
  const fresh = 'fresh-maple-64';
  await page.getByTestId('reset-new-password').fill(fresh);
  await page.getByTestId('reset-confirm-password').fill(fresh);
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await saveScreenshot(page, testInfo, '03-reset-done');

  // The PIN worked once: it cannot be used again.
  const again = await request.post(`${shop.api}/auth/password/reset/verify`, { data: { type: 'email', value: CASHIER.email, pin } });
  expect(again.status()).toBe(404);

  // Unlocked, and only the new password works.
  await page.getByTestId('login-form').getByLabel('Username', { exact: true }).fill(CASHIER.username);
  await page.getByTestId('login-form').getByLabel('Password', { exact: true }).fill(fresh);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toContainText('Casey Till');
  await saveScreenshot(page, testInfo, '04-signed-in');
  const old = await request.post(`${shop.api}/auth/login`, { data: { username: CASHIER.username, password: CASHIER.password } });
  expect(old.status()).toBe(401);
});
