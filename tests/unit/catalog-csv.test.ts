// Reading and writing the catalog's CSV files (renderer/src/features/catalog/catalog-csv.ts).
import { describe, expect, it } from 'vitest';
import type { ProductDto } from '../../shared/schemas/catalog';
import { catalogToCsv, parseCatalogCsv } from '../../renderer/src/features/catalog/catalog-csv';

const product = (overrides: Partial<ProductDto>): ProductDto => ({
  id: 1,
  sku: 'MILK-1L',
  barcode: '4006381333931',
  name: 'Whole milk 1 l',
  price_cents: 119,
  stock: 48,
  is_active: true,
  tax_rate_id: null,
  reorder_level: 0,
  ...overrides,
});

describe('parseCatalogCsv', () => {
  it('reads a header row in any order and case, then one product a row with its line number', () => {
    const parsed = parseCatalogCsv(
      '\uFEFFName,SKU,Price,Stock,Barcode\r\nWhole milk 1 l,MILK-1L,1.19,48,4006381333931\r\nSourdough bread,BREAD-500,"3,50",,\r\n',
    );
    expect(parsed.fatal).toBeNull();
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, product: { sku: 'MILK-1L', barcode: '4006381333931', name: 'Whole milk 1 l', price_cents: 119, stock: 48 } },
      // An empty stock cell keeps the stock on hand; an empty barcode cell removes the barcode.
      { line: 3, product: { sku: 'BREAD-500', barcode: null, name: 'Sourdough bread', price_cents: 350 } },
    ]);
  });

  it('leaves the barcode alone when the file has no barcode column', () => {
    const parsed = parseCatalogCsv('sku,name,price\nA-1,Apple,0.40\n');
    expect(parsed.rows[0]?.product).toEqual({ sku: 'A-1', name: 'Apple', price_cents: 40 });
    expect(parsed.rows[0]?.product).not.toHaveProperty('barcode');
  });

  it('reads the active column in words people write', () => {
    const parsed = parseCatalogCsv('sku,name,price,active\nA,a,1,yes\nB,b,1,Inactive\nC,c,1,0\nD,d,1,\n');
    expect(parsed.rows.map((r) => r.product.is_active)).toEqual([true, false, false, undefined]);
  });

  it('rejects rows with a bad price, stock or active cell, each with its reason, and keeps the rest', () => {
    const parsed = parseCatalogCsv(
      [
        'sku,name,price,stock,active',
        'OK,Fine,1.00,1,true',
        'NOPRICE,No price,,1,',
        'LETTERS,Letters,abc,1,',
        'NEG,Negative stock,1,-2,',
        'HALF,Half unit,1,1.5,',
        'ACTIVE,Odd active,1,1,maybe',
      ].join('\n'),
    );
    expect(parsed.rows.map((r) => r.product.sku)).toEqual(['OK']);
    expect(parsed.rejected).toEqual([
      { line: 3, sku: 'NOPRICE', reason: 'price: missing' },
      { line: 4, sku: 'LETTERS', reason: 'price: “abc” is not an amount like 12.50' },
      { line: 5, sku: 'NEG', reason: 'stock: “-2” is not a whole number of 0 or more' },
      { line: 6, sku: 'HALF', reason: 'stock: “1.5” is not a whole number of 0 or more' },
      { line: 7, sku: 'ACTIVE', reason: 'active: “maybe” is not true or false' },
    ]);
  });

  it('rejects a row with too many fields instead of importing half of it', () => {
    const parsed = parseCatalogCsv('sku,name,price\nA,Apple,1.00\nB,Banana,1.00,extra\n');
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.rejected).toEqual([expect.objectContaining({ line: 3 })]);
  });

  it('refuses a file without the required columns, or an empty one, as a whole', () => {
    expect(parseCatalogCsv('sku,title,cost\nA,Apple,1\n').fatal).toBe(
      'The first row must name the columns sku,barcode,name,price,stock; missing: name, price.',
    );
    expect(parseCatalogCsv('').fatal).toBe('The file is empty.');
  });

  it('undoes the formula escape that the export writes', () => {
    const parsed = parseCatalogCsv("sku,name,price\nEQ-1,'=SUM(A1),1.00\n");
    expect(parsed.rows[0]?.product.name).toBe('=SUM(A1)');
  });
});

describe('catalogToCsv', () => {
  it('writes every product with decimal prices and the active column last', () => {
    const csv = catalogToCsv([
      product({}),
      product({ id: 2, sku: 'BREAD-500', barcode: null, name: 'Bread, sourdough', price_cents: 350, stock: 0, is_active: false }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'sku,barcode,name,price,stock,active',
      'MILK-1L,4006381333931,Whole milk 1 l,1.19,48,true',
      'BREAD-500,,"Bread, sourdough",3.50,0,false',
    ]);
  });

  it('escapes cells a spreadsheet would run as a formula', () => {
    const csv = catalogToCsv([product({ name: '=HYPERLINK("http://x")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('is read back by the import as the same products', () => {
    const products = [
      product({}),
      product({ id: 2, sku: 'X/2', barcode: null, name: '+plus, "quoted"', price_cents: 5, stock: 7, is_active: false }),
    ];
    const parsed = parseCatalogCsv(catalogToCsv(products));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => r.product)).toEqual(
      products.map(({ sku, barcode, name, price_cents, stock, is_active }) => ({ sku, barcode, name, price_cents, stock, is_active })),
    );
  });
});
