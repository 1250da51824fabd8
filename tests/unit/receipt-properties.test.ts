import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saleReceipt } from '../../electron/core/receipts/receipt-document';
import { receiptTextLines } from '../../electron/core/receipts/receipt-layout';
import { pricesIncludedTax, priceOrder, type OrderInput, type TaxRateRef } from '../../shared/pricing';
import type { OrderDto } from '../../shared/schemas/orders';

/**
 * The receipt is the shop's books on paper: over random sales priced by the one pricing (gross
 * and net shops, mixed rates, line and sale discounts, cash with change), the stored sale's
 * receipt says what the sale says, to the cent, and fits the paper.
 */

const RUNS = { numRuns: 300 };
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const saleArb = fc
  .record({
    rateBps: fc.array(fc.oneof(fc.constantFrom(0, 550, 700, 1000, 2000, 2200), fc.integer({ min: 1, max: 10_000 })), {
      minLength: 1,
      maxLength: 3,
    }),
    lines: fc.array(
      fc.record({
        unit: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 10_000_000 })),
        amount: fc.integer({ min: 1, max: 50 }),
        rate: fc.integer({ min: -1, max: 2 }),
        percentOff: fc.option(fc.integer({ min: 0, max: 100 })),
        name: fc.string({ minLength: 1, maxLength: 80 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    salePercentOff: fc.option(fc.integer({ min: 0, max: 100 })),
    prices_include_tax: fc.boolean(),
    extraCash: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ rateBps, lines, salePercentOff, prices_include_tax, extraCash }) => {
    const rates = rateBps.map((rate_bp, index): TaxRateRef => ({ id: index + 1, name: `Rate ${index}`, rate_bp }));
    const input: OrderInput = {
      lines: lines.map((line) => ({
        unit_price_cents: line.unit,
        amount: line.amount,
        tax_rate: rates[line.rate] ?? null,
        discount: line.percentOff === null ? null : { type: 'percent', value: line.percentOff },
      })),
      discount: salePercentOff === null ? null : { type: 'percent', value: salePercentOff },
      prices_include_tax,
    };
    return { input, names: lines.map((line) => line.name), extraCash };
  });

/** The stored sale as the core answers it, paid in cash with change (no rounding). */
function storedSale(input: OrderInput, names: readonly string[], extraCash: number): OrderDto {
  const priced = priceOrder(input);
  const due = priced.total_cents;
  return {
    id: 1,
    user_id: 1,
    user: null,
    status: 'completed',
    items: priced.lines.map((line, index) => ({
      order_item_id: index + 1,
      product_id: index + 1,
      name: names[index] ?? 'Item',
      amount: input.lines[index]?.amount ?? 1,
      unit_price_cents: input.lines[index]?.unit_price_cents ?? 0,
      line_total_cents: line.gross_cents,
      tax_rate_id: line.tax_rate_id,
      discount_cents: line.discount_cents,
      discount: input.lines[index]?.discount ?? null,
      net_line_cents: line.net_line_cents,
      refunded_amount: 0,
    })),
    total_cents: priced.total_cents,
    address: null,
    phone: null,
    created_at: '2026-12-01T10:00:00.000Z',
    completed_at: '2026-12-01T10:00:00.000Z',
    completed_by: 1,
    receipt_no: 42,
    register_id: 1,
    cash_session_id: 1,
    subtotal_cents: priced.subtotal_cents,
    discount_cents: priced.discount_cents,
    tax_cents: priced.tax_cents,
    rounding_cents: 0,
    due_cents: due,
    taxes: [...priced.taxes],
    payments:
      due === 0 ? [] : [{ method: 'cash', amount_cents: due, tendered_cents: due + extraCash, change_cents: extraCash, reference: null }],
    refunded_cents: 0,
    discount: input.discount ?? null,
    discount_approved_by: null,
  };
}

const CONTEXT = {
  shop: {
    name: 'Corner Grocer',
    address: '1 Market Street',
    tax_id: 'VAT-1',
    currency: 'EUR',
    time_zone: 'Europe/Paris',
    receipt_footer: 'Thanks',
  },
  cashier: 'Cody Cashier',
  register: 'Main till',
  registerId: 1,
};

describe('the receipt of a random sale', () => {
  it('reads gross or net off the stored figures, as the sale was priced', () => {
    fc.assert(
      fc.property(saleArb, ({ input, names, extraCash }) => {
        const sale = storedSale(input, names, extraCash);
        // With no tax both read alike; with tax the stored total tells.
        expect(pricesIncludedTax(sale)).toBe(sale.tax_cents === 0 ? true : input.prices_include_tax);
      }),
      RUNS,
    );
  });

  it('says what the sale says, to the cent: lines, discounts, the tax table, total, tenders and change', () => {
    fc.assert(
      fc.property(saleArb, ({ input, names, extraCash }) => {
        const sale = storedSale(input, names, extraCash);
        const doc = saleReceipt(sale, CONTEXT);
        const linesTotal = sum(doc.lines.map((line) => line.total_cents));
        expect(linesTotal).toBe(sum(sale.items.map((item) => item.net_line_cents)));
        expect(linesTotal + sum(doc.lines.map((line) => line.discount_cents))).toBe(doc.subtotal_cents);
        expect(doc.subtotal_cents - doc.discount_cents).toBe(linesTotal);
        expect(doc.total_cents).toBe(doc.prices_include_tax ? linesTotal : linesTotal + doc.tax_cents);
        expect(sum(doc.taxes.map((tax) => tax.tax_cents))).toBe(doc.tax_cents);
        for (const tax of doc.taxes) expect(tax.net_cents + tax.tax_cents).toBe(tax.gross_cents);
        // Every taxed line is in its rate's row: the rows' gross is what the taxed lines come to.
        const taxedLines = sum(doc.lines.filter((line) => line.tax_code !== null).map((line) => line.total_cents));
        const taxedTax = doc.prices_include_tax ? 0 : doc.tax_cents;
        expect(sum(doc.taxes.map((tax) => tax.gross_cents))).toBe(taxedLines + taxedTax);
        expect(new Set(doc.taxes.map((tax) => tax.code)).size).toBe(doc.taxes.length);
        expect(sum(doc.tenders.map((tender) => tender.amount_cents))).toBe(doc.due_cents);
        expect(doc.change_cents).toBe(doc.due_cents === 0 ? 0 : extraCash);
        expect(doc.barcode).toBe(String(doc.receipt_no));
      }),
      RUNS,
    );
  });

  it('fits the paper: no line wider than 32 or 48 columns', () => {
    fc.assert(
      fc.property(saleArb, ({ input, names, extraCash }) => {
        const doc = saleReceipt(storedSale(input, names, extraCash), CONTEXT);
        for (const width of [32, 48] as const)
          for (const line of receiptTextLines(doc, width)) expect([...line].length).toBeLessThanOrEqual(width);
      }),
      { numRuns: 150 },
    );
  });
});
