// Printers on the Shop page: a manager adds a network printer that points at a fake ESC/POS
// printer on loopback, prints a test page (the fake printer gets it, Print jobs shows it
// printed), adds a second on a port nobody listens on (its test job waits with the error and a
// Retry button), and chooses the first for the default register. Mostly from the keyboard.
import { closedPort, decodeEscPos, startFakePrinter } from '../helpers/fake-printer';
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'petra', first_name: 'Petra', last_name: 'Manager', password: 'Petra-prints-4417' };

test('a manager sets up receipt printers, tests them and follows the print jobs', async ({ page, shop, request }, testInfo) => {
  const printer = await startFakePrinter();
  try {
    await createOwner(request, shop);
    const token = await ownerToken(request, shop);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const temporary = 'Temp-petra-prints-1!';
    await createUser(request, shop, token, { ...MANAGER, password: temporary, role: 'manager' });
    await replaceTemporaryPassword(request, shop, MANAGER.username, temporary, MANAGER.password);

    await page.goto(shop.url);
    await signInUi(page, MANAGER.username, MANAGER.password);
    await page.getByTestId('nav-shop-settings').click();
    const card = page.getByTestId('printers-card');
    await expect(card.getByTestId('printers-empty')).toBeVisible();

    // The dialog from the keyboard: name, the kind's radios, the address, the paper, the switches.
    await card.getByTestId('printer-add').focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('printer-form');
    await expect(form.getByTestId('printer-name')).toBeFocused();
    await page.keyboard.type('Front counter');
    await page.keyboard.press('Tab');
    // The radio group holds the focus on its checked radio (Network); the arrows move it.
    await expect(form.getByRole('radio', { name: /Network/ })).toBeFocused();
    await expect(form.getByRole('radio', { name: /Network/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByTestId('printer-address')).toBeFocused();
    await page.keyboard.type(printer.address);
    await form.getByText('58 mm (32 columns)').click();
    await form.getByTestId('printer-open-drawer').focus();
    await page.keyboard.press('Space');
    await expect(form.getByTestId('printer-open-drawer')).toBeChecked();
    await form.getByTestId('printer-save').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Front counter is added.', { exact: false })).toBeVisible();

    const front = card.getByTestId('printer-row').filter({ hasText: 'Front counter' });
    await expect(front.getByTestId('printer-row-address')).toHaveText(printer.address);
    await expect(front).toContainText('58 mm');
    await expect(front.getByTestId('printer-badge-drawer')).toBeVisible();
    await expect(front.getByTestId('printer-badge-cut')).toBeVisible();

    // Test page: the fake printer receives it, and the notice says it printed.
    const before = printer.jobs.length;
    await front.getByTestId('printer-test').focus();
    await page.keyboard.press('Enter');
    const [bytes] = (await printer.waitForJobs(before + 1)).slice(before);
    const decoded = decodeEscPos(bytes ?? Buffer.alloc(0));
    expect(decoded.lines.map((line) => line.trim())).toContain('ShopDesk test page');
    expect(decoded.lines.join('\n')).toContain('Front counter');
    expect(decoded.commands).not.toContain('pulse');
    await expect(page.getByText('Front counter printed the test page.')).toBeVisible();
    await saveScreenshot(page, testInfo, '01-printers-card');

    // A printer that is off: its test page stays queued with the reason.
    const offPort = await closedPort();
    await card.getByTestId('printer-add').click();
    await form.getByTestId('printer-name').fill('Back office');
    // In a browser, this computer's printers cannot be listed: the kind says so.
    await form.getByRole('radio', { name: /This computer’s printer/ }).check();
    await expect(form.getByTestId('printer-system-hint')).toBeVisible();
    await form.getByRole('radio', { name: /Network/ }).check();
    await form.getByTestId('printer-address').fill(`127.0.0.1:${offPort}`);
    await form.getByTestId('printer-save').click();
    const back = card.getByTestId('printer-row').filter({ hasText: 'Back office' });
    await back.getByTestId('printer-test').click();
    await expect(page.getByText('Back office did not print yet')).toBeVisible();
    await expect(page.getByText(/is still queued and will be tried again: .*refused/)).toBeVisible();

    // The default register prints on the front counter. Four notices are on screen (the most
    // shown at once): close them, so the register's notice is not queued behind them.
    const notices = page.getByRole('alert');
    // Each may also close by itself meanwhile: the first one left is closed, a bounded number of times.
    for (let i = 0; i < 8 && (await notices.count()) > 0; i++) {
      await notices
        .first()
        .getByRole('button')
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    const register = page.getByTestId('registers-card').getByTestId('register-row').first();
    await register.getByTestId('register-printer').selectOption({ label: 'Front counter' });
    await expect(page.getByText('prints on Front counter.', { exact: false })).toBeVisible();
    const registers = (await (await request.get(`${shop.api}/registers`, auth)).json()) as {
      is_default: boolean;
      printer_id: number | null;
    }[];
    const printers = (await (await request.get(`${shop.api}/printers`, auth)).json()) as { id: number; name: string }[];
    expect(registers.find((r) => r.is_default)?.printer_id).toBe(printers.find((p) => p.name === 'Front counter')?.id);

    // Print jobs: the printed test page and the waiting one, with its error and a Retry.
    await page.getByTestId('nav-print-jobs').click();
    const jobs = page.getByTestId('print-jobs-page');
    const rows = jobs.locator('[data-testid^="print-job-row-"]');
    await expect(rows).toHaveCount(2);
    const printed = rows.filter({ hasText: 'Front counter' });
    await expect(printed.getByTestId('print-job-status')).toHaveText('Printed');
    await expect(printed.getByTestId('print-job-subject')).toHaveText('Test page');
    await expect(printed.getByTestId('print-job-retry')).toHaveCount(0);
    const waiting = rows.filter({ hasText: 'Back office' });
    await expect(waiting.getByTestId('print-job-status')).toHaveText('Queued');
    await expect(waiting.getByTestId('print-job-error')).toContainText('refused');
    await expect(jobs.getByTestId('print-jobs-refreshing')).toBeVisible();

    // The printer comes on at that port: Retry prints the job.
    const revived = await startFakePrinter(offPort);
    try {
      await waiting.getByTestId('print-job-retry').focus();
      await page.keyboard.press('Enter');
      await revived.waitForJobs(1);
      await expect(waiting.getByTestId('print-job-status')).toHaveText('Printed', { timeout: 10_000 });
    } finally {
      await revived.stop();
    }

    await saveScreenshot(page, testInfo, '02-print-jobs');

    // The status filter.
    await jobs.getByTestId('print-jobs-status').click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await expect(rows).toHaveCount(0);

    // A deleted printer: confirmed first, and the register has none after.
    await page.getByTestId('nav-shop-settings').click();
    await card.getByTestId('printer-row').filter({ hasText: 'Front counter' }).getByTestId('printer-delete').click();
    await page.getByTestId('confirm-button').click();
    await expect(card.getByTestId('printer-row')).toHaveCount(1);
    await expect(register.getByTestId('register-printer')).toHaveValue('');
  } finally {
    await printer.stop();
  }
});
