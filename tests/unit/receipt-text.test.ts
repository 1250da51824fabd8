import { describe, expect, it } from 'vitest';
import { formatRate, formatReceiptMoney, receiptTextLines, wrapText } from '../../electron/core/receipts/receipt-layout';
import { renderReceiptHtml } from '../../electron/core/receipts/render-html';
import { renderReceiptText } from '../../electron/core/receipts/render-text';
import { pricesIncludedTax } from '../../shared/pricing/priced-gross';
import { RECEIPT_WIDTHS, receiptDocumentSchema, type ReceiptDocument } from '../../shared/schemas/receipts';

/** A gross-priced sale at two rates, a discounted line, cash with change and rounding. */
function sale(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return receiptDocumentSchema.parse({
    kind: 'sale',
    receipt_no: 1042,
    refund_of_receipt_no: null,
    shop: { name: 'Corner Grocery & Deli', address: '12 Long Street\nSpringfield', tax_id: 'DE123456789' },
    currency: 'EUR',
    issued_at: '2026-12-01T08:02:40.000Z',
    local_time: '2026-12-01 09:02',
    time_zone: 'Europe/Berlin',
    cashier: 'Carla Cashier',
    register: 'Main till',
    register_id: 1,
    prices_include_tax: true,
    lines: [
      {
        name: 'Organic extra virgin olive oil from the hills of Tuscany, cold pressed, 750 ml bottle',
        amount: 2,
        unit_price_cents: 1299,
        discount_cents: 260,
        total_cents: 2338,
        tax_code: 'A',
      },
      { name: 'Bread', amount: 1, unit_price_cents: 349, discount_cents: 0, total_cents: 349, tax_code: 'B' },
      { name: 'Gift wrap', amount: 1, unit_price_cents: 100, discount_cents: 0, total_cents: 100, tax_code: null },
    ],
    subtotal_cents: 3047,
    discount_cents: 260,
    tax_cents: 396,
    rounding_cents: -2,
    total_cents: 2787,
    due_cents: 2785,
    taxes: [
      { code: 'A', name: 'Standard', rate_bp: 1900, net_cents: 1965, tax_cents: 373, gross_cents: 2338 },
      { code: 'B', name: 'Reduced', rate_bp: 700, net_cents: 326, tax_cents: 23, gross_cents: 349 },
    ],
    tenders: [{ method: 'cash', amount_cents: 2785, tendered_cents: 5000, change_cents: 2215 }],
    change_cents: 2215,
    reason: null,
    footer: 'Thank you for shopping with us!\n\nReturns within 30 days with this receipt.',
    barcode: '1042',
    ...overrides,
  });
}

const refund = () =>
  sale({
    kind: 'refund',
    receipt_no: 1050,
    refund_of_receipt_no: 1042,
    lines: [{ name: 'Bread', amount: 1, unit_price_cents: 349, discount_cents: 0, total_cents: 349, tax_code: 'A' }],
    subtotal_cents: 349,
    discount_cents: 0,
    tax_cents: 23,
    rounding_cents: 1,
    total_cents: 349,
    due_cents: 350,
    taxes: [{ code: 'A', name: 'Reduced', rate_bp: 700, net_cents: 326, tax_cents: 23, gross_cents: 349 }],
    tenders: [{ method: 'cash', amount_cents: 350, tendered_cents: 350, change_cents: 0 }],
    change_cents: 0,
    reason: 'Stale, customer brought it back the same day',
    barcode: '1050',
  });

describe('receipt text', () => {
  for (const width of RECEIPT_WIDTHS) {
    it(`fits ${width} columns, long names wrapped, amounts right-aligned`, () => {
      const text = renderReceiptText(sale(), width);
      const lines = text.trimEnd().split('\n');
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(lines.every((line) => line === line.trimEnd())).toBe(true);
      expect(lines).toContain('');
      // The long name is on several lines, each word of it kept.
      const nameLines = wrapText(sale().lines[0]?.name ?? '', width);
      expect(nameLines.length).toBeGreaterThan(1);
      for (const part of nameLines) expect(lines).toContain(part);
      // The line's amount, then its rate's letter, in the last columns.
      const quantity = lines.find((line) => line.startsWith(`  2 x ${formatReceiptMoney(1299, 'EUR')}`));
      expect(quantity?.endsWith(`${formatReceiptMoney(2598, 'EUR')} A`)).toBe(true);
      const total = lines.find((line) => line.startsWith('TOTAL'));
      expect(total?.endsWith(formatReceiptMoney(2787, 'EUR'))).toBe(true);
      expect([...(total ?? '')].length).toBe(width - 2);
      expect(text).toContain('Receipt 1042');
      expect(text).toContain('2026-12-01 09:02');
      expect(text).toContain('Cashier: Carla Cashier');
      expect(text).toContain('Register: Main till');
      expect(text).toContain('Tax id DE123456789');
      expect(lines.some((line) => line.trim() === 'Corner Grocery & Deli')).toBe(true);
      expect(lines.some((line) => /^ {2}Discount +-/.test(line))).toBe(true);
      expect(lines.some((line) => line.startsWith('Cash rounding'))).toBe(true);
      expect(lines.some((line) => line.startsWith('  Change') && line.endsWith(formatReceiptMoney(2215, 'EUR')))).toBe(true);
      expect(lines.some((line) => line.includes('Returns within 30 days'))).toBe(true);
    });

    it(`a refund says which receipt it refunds, with its reason (${width})`, () => {
      const text = renderReceiptText(refund(), width);
      expect(text).toContain('Refund of receipt 1042');
      expect(text).toContain('Receipt 1050');
      expect(text).toContain('REFUND TOTAL');
      expect(text).toContain('Reason: Stale');
      for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    });
  }

  it('the tax table adds up: net + tax = gross per rate, Σ tax = the receipt’s tax', () => {
    const doc = sale();
    for (const tax of doc.taxes) expect(tax.net_cents + tax.tax_cents).toBe(tax.gross_cents);
    expect(doc.taxes.reduce((sum, tax) => sum + tax.tax_cents, 0)).toBe(doc.tax_cents);
    const lines = receiptTextLines(doc, 48);
    const header = lines.findIndex((line) => line.startsWith('Rate'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^A 19% +19\.65 +3\.73 +23\.38$/);
    expect(lines[header + 2]).toMatch(/^B 7% +3\.26 +0\.23 +3\.49$/);
  });

  it('a huge sale on 58 mm paper stacks the tax table instead of overflowing', () => {
    const big = sale({
      taxes: [{ code: 'A', name: 'Standard', rate_bp: 1925, net_cents: 987_654_321, tax_cents: 190_123_456, gross_cents: 1_177_777_777 }],
    });
    const lines = receiptTextLines(big, 32);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(32);
    expect(lines).toContain('A 19.25% Standard');
  });

  it('rates read as percents without trailing zeros', () => {
    expect([2000, 550, 725, 0, 10_000, 1].map(formatRate)).toEqual(['20%', '5.5%', '7.25%', '0%', '100%', '0.01%']);
  });
});

describe('receipt html', () => {
  it('is a standalone page with the paper size, the barcode, and every text escaped', () => {
    const doc = sale({
      lines: [
        {
          name: '<script>alert(1)</script> & "more"',
          amount: 1,
          unit_price_cents: 100,
          discount_cents: 0,
          total_cents: 100,
          tax_code: null,
        },
      ],
    });
    const html = renderReceiptHtml(doc, 48);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(html).toContain('Corner Grocery &amp; Deli');
    expect(renderReceiptHtml(doc, 32)).toContain('@page { size: 58mm auto; margin: 0 }');
    expect(html).toMatch(/<svg[^>]*>[\s\S]*<\/svg>/);
    expect(renderReceiptHtml(doc, 48)).toContain('@page { size: 80mm auto; margin: 0 }');
  });
});

describe('pricesIncludedTax', () => {
  const lines = [{ net_line_cents: 1000 }, { net_line_cents: 500 }];
  it('reads gross or net off the stored figures, not the shop setting', () => {
    expect(pricesIncludedTax({ total_cents: 1500, tax_cents: 240, items: lines })).toBe(true);
    expect(pricesIncludedTax({ total_cents: 1740, tax_cents: 240, items: lines })).toBe(false);
    // With no tax both read the same: gross, as the refunds count it.
    expect(pricesIncludedTax({ total_cents: 1500, tax_cents: 0, items: lines })).toBe(true);
    expect(pricesIncludedTax({ total_cents: 0, tax_cents: 0, items: [] })).toBe(true);
  });
});
