// The owner imports a 600-row CSV on Products: a progress bar while the chunks go, then a
// report with the created count and the three bad lines with their reasons; the products are in
// the list, and Export CSV downloads every one of them.
import { readFile } from 'node:fs/promises';
import { createOwner, expect, OWNER, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

const ROWS = 600;
/** Line numbers in the file (the header is line 1) of the rows that must be rejected. */
const NEGATIVE_PRICE_LINE = 101;
const BLANK_NAME_LINE = 301;
const DUPLICATE_BARCODE_LINE = 501;
const BAD_LINES = [NEGATIVE_PRICE_LINE, BLANK_NAME_LINE, DUPLICATE_BARCODE_LINE];

interface Row {
  line: number;
  sku: string;
  barcode: string;
  name: string;
  price: string;
  stock: string;
}

const pad = (n: number) => String(n).padStart(4, '0');
const priceOf = (i: number) => {
  const cents = ((i * 37) % 5000) + 50;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
};

/** Row i (1-based) is on line i + 1; three of them are bad in the ways the import must catch. */
function catalogRows(): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const line = i + 1;
    rows.push({
      line,
      sku: `IMP-${pad(i)}`,
      barcode: String(5_900_000_000_000 + i),
      name: line === BLANK_NAME_LINE ? '' : `Imported item ${pad(i)}`,
      price: line === NEGATIVE_PRICE_LINE ? '-3.50' : priceOf(i),
      stock: String(i % 40),
    });
  }
  // The same barcode as the first row's.
  const duplicate = rows[DUPLICATE_BARCODE_LINE - 2];
  const first = rows[0];
  if (!duplicate || !first) throw new Error('the sample file is shorter than its duplicate line');
  duplicate.barcode = first.barcode;
  return rows;
}

const toCsv = (rows: Row[]) =>
  ['sku,barcode,name,price,stock', ...rows.map((r) => [r.sku, r.barcode, r.name, r.price, r.stock].join(','))].join('\n') + '\n';

test('the owner imports 600 CSV rows with 3 bad ones, sees the progress and the report, finds the products and exports them all', async ({
  page,
  shop,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  await createOwner(request, shop);
  const rows = catalogRows();
  const good = rows.filter((r) => !BAD_LINES.includes(r.line));
  expect(good).toHaveLength(ROWS - 3);

  // Each import chunk is held back a little, so the progress bar can be seen moving.
  let chunks = 0;
  await page.route(
    (url) => url.pathname.includes('/trpc/') && url.pathname.includes('catalog.importRows'),
    async (route) => {
      chunks += 1;
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    },
  );

  await page.goto(shop.url);
  await signInUi(page, OWNER.username, OWNER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId('products-page')).toBeVisible();
  await expect(page.getByTestId('products-empty')).toContainText('No products yet');

  // Import CSV: choose the generated file; the dialog checks it before anything is sent.
  await page.getByTestId('import-csv').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows), 'utf8') });
  await expect(page.getByTestId('import-file-name')).toHaveText('catalog.csv');
  // The negative price is caught while reading the file; the other two only the server can judge.
  await expect(page.getByTestId('import-summary')).toHaveText('599 rows are ready to import; 1 will be rejected (the report says why).');
  const startButton = page.getByTestId('import-start');
  await expect(startButton).toHaveText('Import 599 rows');
  await saveScreenshot(page, testInfo, '01-file-checked');

  // The progress bar appears, moves chunk by chunk and completes.
  await startButton.click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-total', '599');
  await expect(dialog).toContainText(/Importing… \d+ of 599 rows/);
  await expect(progress).toHaveAttribute('data-sent', '200');
  await saveScreenshot(page, testInfo, '02-progress');
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  expect(chunks, 'three chunks of at most 200 rows').toBe(3);

  // The report: 597 created, none updated, 3 rejected, each with its line and reason.
  await expect(report).toHaveAttribute('data-status', 'done');
  await expect(report).toContainText('Import finished in');
  await expect(page.getByTestId('import-created')).toHaveText('597');
  await expect(page.getByTestId('import-updated')).toHaveText('0');
  await expect(page.getByTestId('import-rejected')).toHaveText('3');
  await expect(report.getByText('Problems (3)')).toBeVisible();
  await expect(report.getByText('All rows (600)')).toBeVisible();
  const shown = page.getByTestId('import-report-table').locator('tbody tr');
  await expect(shown).toHaveCount(3);
  const negative = page.getByTestId(`import-line-${NEGATIVE_PRICE_LINE}`);
  await expect(negative).toHaveAttribute('data-result', 'rejected');
  await expect(negative).toContainText('IMP-0100');
  await expect(negative).toContainText('Rejected');
  await expect(negative).toContainText('price: “-3.50” is not an amount like 12.50');
  const blank = page.getByTestId(`import-line-${BLANK_NAME_LINE}`);
  await expect(blank).toHaveAttribute('data-result', 'rejected');
  await expect(blank).toContainText('IMP-0300');
  await expect(blank).toContainText('name: This field may not be blank.');
  const duplicate = page.getByTestId(`import-line-${DUPLICATE_BARCODE_LINE}`);
  await expect(duplicate).toHaveAttribute('data-result', 'rejected');
  await expect(duplicate).toContainText('IMP-0500');
  await expect(duplicate).toContainText('A product with that barcode already exists.');
  await expect(shown.nth(0)).toHaveAttribute('data-testid', `import-line-${NEGATIVE_PRICE_LINE}`);
  await expect(shown.nth(1)).toHaveAttribute('data-testid', `import-line-${BLANK_NAME_LINE}`);
  await expect(shown.nth(2)).toHaveAttribute('data-testid', `import-line-${DUPLICATE_BARCODE_LINE}`);
  await saveScreenshot(page, testInfo, '03-report');

  // Done: the list shows the imported products (a page of 50, more to load).
  await page.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('product-row-IMP-0001')).toBeVisible();
  await expect(page.getByTestId('products-count')).toHaveText('50 products shown, more to load');

  // Search one: its row with the barcode, price and stock of the file.
  const sample = rows[449];
  if (!sample) throw new Error('the sample file has fewer than 450 rows');
  const searchBox = page.getByTestId('products-search');
  await searchBox.fill(sample.sku);
  const sampleRow = page.getByTestId(`product-row-${sample.sku}`);
  await expect(sampleRow).toBeVisible();
  await expect(page.locator('[data-testid^="product-row-"]')).toHaveCount(1);
  await expect(sampleRow).toContainText(sample.name);
  await expect(sampleRow).toContainText(sample.barcode);
  await expect(sampleRow).toContainText(
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(Number(sample.price)),
  );
  await expect(page.getByTestId(`product-stock-${sample.sku}`)).toHaveText(sample.stock);
  await expect(page.getByTestId('products-count')).toHaveText('1 product');
  await saveScreenshot(page, testInfo, '04-search-one');
  // The rejected rows were not saved.
  for (const sku of ['IMP-0100', 'IMP-0300', 'IMP-0500']) {
    await searchBox.fill(sku);
    await expect(page.getByTestId('products-empty')).toContainText('No product matches');
  }
  await searchBox.fill('');
  await expect(page.getByTestId('products-count')).toHaveText('50 products shown, more to load');

  // Export CSV: a download with a header row and every product.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText('597 products written to the CSV file.')).toBeVisible();
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n/).filter((line) => line !== '');
  expect(lines[0]).toBe('sku,barcode,name,price,stock,active');
  expect(lines).toHaveLength(1 + good.length);
  expect(lines.slice(1)).toEqual(good.map((r) => [r.sku, r.barcode, r.name, r.price, r.stock, 'true'].join(',')));
  await saveScreenshot(page, testInfo, '05-exported');
});
