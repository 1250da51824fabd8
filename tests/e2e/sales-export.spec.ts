// The accountant's file from the Orders page: a manager exports the month's sales lines and the
// file holds the taxed, discounted line as the core priced it (tax per line, in cents).
import { readFile } from 'node:fs/promises';
import { createOwner, expect, ownerToken, signInUi, test } from './fixtures';
import { arrangeAccount, createProduct, createTaxRate, openNav } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'axel', first_name: 'Axel', last_name: 'Accounts', password: 'Axel-books-8812' };
const SOAP = { sku: 'SOAP-X', barcode: '4000000000987', name: 'Olive soap', price_cents: 1200, stock: 20 };

test('a manager exports the sales lines with their tax for the accountant', async ({ page, shop, request }) => {
  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  const asOwner = { Authorization: `Bearer ${owner}` };
  const rateId = await createTaxRate(request, shop, owner, { name: 'VAT', rate_bp: 2000 });
  const soapId = await createProduct(request, shop, owner, { ...SOAP, tax_rate_id: rateId });
  const registers = (await (await request.get(`${shop.api}/registers`, { headers: asOwner })).json()) as {
    id: number;
    is_default: boolean;
  }[];
  const till = registers.find((r) => r.is_default)?.id;
  const opened = await request.post(`${shop.api}/cash-sessions`, { data: { register_id: till, opening_float_cents: 0 }, headers: asOwner });
  expect(opened.status(), await opened.text()).toBe(201);
  // 2 × 12.00 = 24.00, 10 % off = 21.60 with 20 % VAT included: round(2160 × 2000 / 12000) = 360.
  const sold = await request.post(`${shop.api}/orders`, {
    data: {
      items: [{ product_id: soapId, amount: 2, discount: { type: 'percent', value: 10 } }],
      complete: true,
      payments: [{ method: 'card', amount_cents: 2160 }],
    },
    headers: asOwner,
  });
  expect(sold.status(), await sold.text()).toBe(201);
  const { receipt_no } = (await sold.json()) as { receipt_no: number };

  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'orders');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('orders-export-sales').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sales-lines-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'receipt_no,completed_at,cashier,product_id,product,amount,unit_price_cents,gross_cents,discount_cents,net_cents,tax_name,rate_bp,tax_cents',
  );
  expect(lines).toHaveLength(2);
  const cells = lines[1]?.split(',') ?? [];
  expect(cells[0]).toBe(String(receipt_no));
  expect(cells.slice(3)).toEqual([String(soapId), SOAP.name, '2', '1200', '2400', '240', '2160', 'VAT', '2000', '360']);
});
