import { describe, expect, it } from 'vitest';
import { renderReceiptEscPos, renderTestPageEscPos, testRuler } from '../../electron/core/printing/escpos';
import { receiptLayout, receiptTextLines } from '../../electron/core/receipts/receipt-layout';
import { receiptDocumentSchema, type ReceiptDocument } from '../../shared/schemas/receipts';
import { decodeEscPos } from '../helpers/fake-printer';

/** A hand-made sale: two lines at two tax rates, paid partly in cash. */
const SALE: ReceiptDocument = receiptDocumentSchema.parse({
  kind: 'sale',
  receipt_no: 1042,
  refund_of_receipt_no: null,
  shop: { name: 'Corner Grocer', address: '1 Market Street\nSpringfield', tax_id: 'DE123456789' },
  currency: 'EUR',
  issued_at: '2026-12-01T09:30:00.000Z',
  local_time: '2026-12-01 10:30',
  time_zone: 'Europe/Berlin',
  cashier: 'Anna Berg',
  register: 'Main till',
  register_id: 1,
  prices_include_tax: true,
  lines: [
    { name: 'Whole milk 1 l', amount: 2, unit_price_cents: 129, discount_cents: 0, total_cents: 258, tax_code: 'A' },
    { name: 'Dish soap', amount: 1, unit_price_cents: 349, discount_cents: 50, total_cents: 299, tax_code: 'B' },
  ],
  subtotal_cents: 607,
  discount_cents: 50,
  tax_cents: 65,
  rounding_cents: 0,
  total_cents: 557,
  due_cents: 557,
  taxes: [
    { code: 'A', name: 'Reduced', rate_bp: 700, net_cents: 241, tax_cents: 17, gross_cents: 258 },
    { code: 'B', name: 'Standard', rate_bp: 1900, net_cents: 251, tax_cents: 48, gross_cents: 299 },
  ],
  tenders: [
    { method: 'card', amount_cents: 257, tendered_cents: 257, change_cents: 0 },
    { method: 'cash', amount_cents: 300, tendered_cents: 500, change_cents: 200 },
  ],
  change_cents: 200,
  reason: null,
  footer: 'Thank you for shopping with us',
  barcode: 'R1042',
});

const render = (options: { width?: 32 | 48; cut?: boolean; openDrawer?: boolean } = {}) =>
  decodeEscPos(
    renderReceiptEscPos(SALE, { width: options.width ?? 48, cut: options.cut ?? true, openDrawer: options.openDrawer ?? false }),
  );

describe('renderReceiptEscPos', () => {
  it('starts with ESC @ and prints the receipt’s one layout, line for line, then the number’s barcode', () => {
    for (const width of [32, 48] as const) {
      const { commands, lines, barcodes } = render({ width });
      expect(commands[0]).toBe('init');
      // The lines the text receipt has, amounts without the sign (a code page may lack it).
      const layout = receiptTextLines(SALE, width, { currencySign: false });
      expect(lines.slice(0, layout.length)).toEqual(layout);
      expect(lines.slice(layout.length).every((line) => line.trim() === '')).toBe(true);
      expect(barcodes).toEqual(['R1042']);
    }
    const { lines } = render();
    const text = lines.map((line) => line.trim());
    expect(text).toContain('Corner Grocer');
    expect(text).toContain('Tax id DE123456789');
    expect(lines).toContain('Receipt 1042');
    expect(lines.some((line) => /^ {2}2 x 1\.29 +2\.58 A$/.test(line))).toBe(true);
    expect(lines.some((line) => /^TOTAL EUR +5\.57$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {2}Change +2\.00$/.test(line))).toBe(true);
    expect(text).toContain('Thank you for shopping with us');
  });

  it('prints the shop’s name, the receipt number and the total bold', () => {
    const bytes = renderReceiptEscPos(SALE, { width: 48, cut: true, openDrawer: false });
    const { commands } = decodeEscPos(bytes);
    const boldOn = receiptLayout(SALE, 48, { currencySign: false }).filter((line) => line.bold).length;
    expect(commands.filter((c) => c === 'bold')).toHaveLength(2 * boldOn);
  });

  it('prints the tax table: one row per rate with net, tax and gross', () => {
    const { lines } = render();
    const header = lines.findIndex((line) => /^Rate +Net +Tax +Gross$/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]?.split(/ +/)).toEqual(['A', '7%', '2.41', '0.17', '2.58']);
    expect(lines[header + 2]?.split(/ +/)).toEqual(['B', '19%', '2.51', '0.48', '2.99']);
  });

  it('keeps every line within the paper width', () => {
    for (const width of [32, 48] as const) {
      const { lines } = render({ width });
      expect(lines.filter((line) => line.length > width)).toEqual([]);
      expect(lines).toContain('-'.repeat(width));
    }
  });

  it('cuts (GS V) only when the printer cuts', () => {
    expect(render({ cut: true }).commands.filter((c) => c === 'cut')).toHaveLength(1);
    expect(render({ cut: true }).commands.at(-1)).toBe('cut');
    expect(render({ cut: false }).commands).not.toContain('cut');
  });

  it('kicks the drawer (ESC p) only when asked, before the cut', () => {
    const kicked = render({ openDrawer: true }).commands;
    expect(kicked.filter((c) => c === 'pulse')).toHaveLength(1);
    expect(kicked.indexOf('pulse')).toBeLessThan(kicked.indexOf('cut'));
    expect(render({ openDrawer: false }).commands).not.toContain('pulse');
  });

  it('never lets the shop’s data send printer commands', () => {
    const milk = {
      name: 'Milk\x1bp\x00\x19\xfa\x1dV\x00',
      amount: 1,
      unit_price_cents: 129,
      discount_cents: 0,
      total_cents: 129,
      tax_code: 'A',
    };
    const hostile: ReceiptDocument = { ...SALE, lines: [milk], shop: { ...SALE.shop, name: 'Evil\x1b@\x1dV\x41\x00' } };
    const { commands } = decodeEscPos(renderReceiptEscPos(hostile, { width: 48, cut: false, openDrawer: false }));
    expect(commands).not.toContain('pulse');
    expect(commands).not.toContain('cut');
    expect(commands.filter((c) => c === 'init')).toHaveLength(1);
  });

  it('prints a refund as a refund of its sale', () => {
    const refund: ReceiptDocument = { ...SALE, kind: 'refund', receipt_no: 1043, refund_of_receipt_no: 1042, reason: 'Damaged' };
    const { lines } = decodeEscPos(renderReceiptEscPos(refund, { width: 32, cut: true, openDrawer: false }));
    expect(lines).toContain('Refund of receipt 1042');
    expect(lines).toContain('Receipt 1043');
    expect(lines.some((line) => /^REFUND TOTAL EUR +5\.57$/.test(line))).toBe(true);
    expect(lines).toContain('Reason: Damaged');
  });
});

describe('renderTestPageEscPos', () => {
  it('prints the printer’s name and a ruler of its width, cuts, and never opens the drawer', () => {
    const { commands, lines } = decodeEscPos(
      renderTestPageEscPos(
        { printerName: 'Front desk', shopName: 'Corner Grocer', localTime: '2026-12-01 10:30' },
        { width: 32, cut: true },
      ),
    );
    expect(commands[0]).toBe('init');
    expect(lines.map((line) => line.trim())).toContain('Front desk');
    expect(lines).toContain(testRuler(32));
    expect(commands).toContain('cut');
    expect(commands).not.toContain('pulse');
  });
});
