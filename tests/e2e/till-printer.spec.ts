// Issue 14, item 3 at the till: "a printer that is off or out of paper gets a clear notice and a
// retry on the till, and never blocks or fails the sale". The desk's register prints by itself on a
// network printer that is switched off (a closed loopback port). The cashier sells from the
// keyboard: the sale completes at once, its receipt shows, and a notice says the printer has not
// printed it, with the printer's own reason. The printer comes on (a fake printer on that port);
// Retry now prints the receipt, and the notice says so. The bytes are the sale's receipt.
import type { APIRequestContext } from '@playwright/test';
import { closedPort, decodeEscPos, startFakePrinter } from '../helpers/fake-printer';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { addByCode, arrangeAccount, createProduct, money } from './pos-helpers';

test.use({ locale: 'en-US' });

const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };
const SOAP = { sku: 'SOAP-1', barcode: '4000000000512', name: 'Olive soap', price_cents: 450, stock: 20 };

async function post(request: APIRequestContext, url: string, data: unknown, auth: Record<string, string>) {
  const res = await request.post(url, { data, headers: auth });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: number };
}

test('a printer that is off: the sale stands, the till says why, and Retry prints it once the printer is on', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const asOwner = { Authorization: `Bearer ${owner}` };
  await arrangeAccount(request, shop, owner, CASHIER, 'cashier');
  await createProduct(request, shop, owner, SOAP);
  const port = await closedPort();
  const printer = await post(
    request,
    `${shop.api}/printers`,
    { name: 'Front desk', kind: 'network', address: `127.0.0.1:${port}`, width: 48, auto_print: true, cut: true },
    asOwner,
  );
  const registers = (await (await request.get(`${shop.api}/registers`, { headers: asOwner })).json()) as {
    id: number;
    is_default: boolean;
  }[];
  const till = registers.find((r) => r.is_default)?.id ?? 0;
  const patched = await request.patch(`${shop.api}/registers/${till}`, { data: { printer_id: printer.id }, headers: asOwner });
  expect(patched.status(), await patched.text()).toBe(200);
  await post(request, `${shop.api}/cash-sessions`, { register_id: till, opening_float_cents: 5000 }, asOwner);

  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('pos-register')).toHaveAttribute('data-drawer', 'open');
  await addByCode(page, SOAP.barcode);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('tendered-input')).toBeFocused();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');

  // The sale is done whatever the printer does: its receipt and the change are on the screen.
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'receipt');
  await expect(page.getByTestId('receipt-change')).toHaveText(money(1000 - SOAP.price_cents));
  const receiptNo = (await page.getByTestId('receipt-no').textContent()) ?? '';
  const notice = page.getByTestId('printer-notice');
  await expect(notice).toHaveAttribute('data-state', 'waiting', { timeout: 15_000 });
  await expect(notice).toContainText('The printer has not printed the receipt yet');
  await expect(notice).toContainText(/refused the connection/);
  await saveScreenshot(page, testInfo, 'till-printer-off');

  const revived = await startFakePrinter(port);
  try {
    await page.getByTestId('printer-retry').click();
    await expect(notice).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
    const [bytes] = await revived.waitForJobs(1);
    const decoded = decodeEscPos(bytes ?? Buffer.alloc(0));
    expect(decoded.lines).toContain(`Receipt ${receiptNo}`);
    expect(decoded.commands.at(-1)).toBe('cut');
    // Printing again is a reprint on the same printer, and the till starts the next sale on Enter.
    await expect(page.getByTestId('receipt-print')).toHaveAttribute('data-target', 'receipt-printer');
    await expect(page.getByTestId('receipt-print')).toHaveText('Print again');
  } finally {
    await revived.stop();
  }
  await page.getByTestId('new-sale').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pos-page')).toHaveAttribute('data-mode', 'sale');
});
