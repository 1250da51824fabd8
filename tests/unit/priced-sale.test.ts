// The till's totals (renderer/src/features/pos/priced-sale.ts): the screen prices the sale with the
// server's own pricing (shared/pricing), discounts and taxes included, and never another way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceOrder } from '../../shared/pricing';
import type { ProductDto } from '../../shared/schemas/catalog';
import type { TaxRateDto } from '../../shared/schemas/tax-rates';
import { newSale, saleReducer, type Sale, type SaleAction } from '../../renderer/src/features/pos/cart';
import { orderBodyOf } from '../../renderer/src/features/pos/order-body';
import { priceSale } from '../../renderer/src/features/pos/priced-sale';

const VAT: TaxRateDto = { id: 1, name: 'VAT', rate_bp: 2000, is_active: true };
const REDUCED: TaxRateDto = { id: 2, name: 'Reduced', rate_bp: 550, is_active: false };
const RATES = [VAT, REDUCED];

const product = (id: number, price_cents: number, tax_rate_id: number | null): ProductDto => ({
  id,
  sku: `SKU-${id}`,
  barcode: null,
  name: `Product ${id}`,
  price_cents,
  stock: 100,
  is_active: true,
  tax_rate_id,
  reorder_level: 0,
});

const run = (actions: SaleAction[], from: Sale = newSale()) => actions.reduce(saleReducer, from);

const priced = (sale: Sale, rates: readonly TaxRateDto[] | undefined = RATES, includeTax = true) => {
  const result = priceSale(sale, rates, includeTax);
  if (result.kind !== 'priced') throw new Error('expected a priced sale');
  return result.priced;
};

describe('priced sale', () => {
  const sale = run([
    { type: 'add', product: product(1, 1000, VAT.id), qty: 3 },
    { type: 'add', product: product(2, 450, REDUCED.id), qty: 2 },
    { type: 'add', product: product(3, 199, null) },
    { type: 'line_discount', productId: 1, discount: { type: 'percent', value: 10 } },
    { type: 'sale_discount', discount: { type: 'amount', value: 500 } },
  ]);

  it('is what priceOrder makes of the same lines, rates and discounts', () => {
    const expected = priceOrder({
      lines: [
        { unit_price_cents: 1000, amount: 3, tax_rate: { id: 1, name: 'VAT', rate_bp: 2000 }, discount: { type: 'percent', value: 10 } },
        { unit_price_cents: 450, amount: 2, tax_rate: { id: 2, name: 'Reduced', rate_bp: 550 }, discount: null },
        { unit_price_cents: 199, amount: 1, tax_rate: null, discount: null },
      ],
      discount: { type: 'amount', value: 500 },
      prices_include_tax: true,
    });
    expect(priced(sale)).toEqual(expected);
  });

  it('gives each line its own discount and its share of the sale’s, and taxes each rate once', () => {
    const result = priced(sale);
    expect(result.subtotal_cents).toBe(3000 + 900 + 199);
    // Line discount 300; L = 2700, 900, 199 (Σ 3799); the 500 spread by L.
    expect(result.lines.map((l) => l.line_discount_cents)).toEqual([300, 0, 0]);
    expect(result.lines.map((l) => l.order_discount_share_cents)).toEqual([356, 118, 26]);
    expect(result.order_discount_cents).toBe(500);
    expect(result.discount_cents).toBe(800);
    expect(result.total_cents).toBe(4099 - 800);
    expect(result.taxes.map((t) => [t.tax_rate_id, t.taxable_cents, t.tax_cents])).toEqual([
      [1, 2344, 391],
      [2, 782, 41],
    ]);
  });

  it('adds the taxes when prices are net', () => {
    const result = priced(sale, RATES, false);
    expect(result.total_cents).toBe(3299 + result.tax_cents);
    expect(result.taxes.map((t) => t.tax_cents)).toEqual([469, 43]);
  });

  it('prices a product whose rate was deactivated, and waits for a rate it does not know', () => {
    expect(priced(sale).taxes.some((t) => t.tax_rate_id === REDUCED.id)).toBe(true);
    expect(priceSale(sale, undefined, true)).toEqual({ kind: 'unpriced', reason: 'rates_unknown' });
    expect(priceSale(sale, [VAT], true)).toEqual({ kind: 'unpriced', reason: 'rates_unknown' });
    const untaxed = run([{ type: 'add', product: product(9, 100, null) }]);
    expect(priceSale(untaxed, undefined, true).kind).toBe('priced');
  });

  it('sends the server the lines and discounts the screen priced', () => {
    expect(orderBodyOf(sale)).toEqual({
      items: [
        { product_id: 1, amount: 3, discount: { type: 'percent', value: 10 } },
        { product_id: 2, amount: 2 },
        { product_id: 3, amount: 1 },
      ],
      discount: { type: 'amount', value: 500 },
    });
    expect(orderBodyOf(run([{ type: 'add', product: product(1, 100, null) }]))).toEqual({ items: [{ product_id: 1, amount: 1 }] });
  });

  it('refuses discounts the server would refuse, so the screen never prices them', () => {
    const refusedLine = run([{ type: 'line_discount', productId: 2, discount: { type: 'amount', value: 901 } }], sale);
    expect(refusedLine).toBe(sale);
    const refusedSale = run([{ type: 'sale_discount', discount: { type: 'percent', value: 150 } }], sale);
    expect(refusedSale).toBe(sale);
  });

  it('never prices a sale the reducer made differently from priceOrder, nor throws', () => {
    const discount = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constant('percent' as const), value: fc.integer({ min: -5, max: 110 }) }),
      fc.record({ type: fc.constant('amount' as const), value: fc.integer({ min: -5, max: 20_000 }) }),
    );
    const action: fc.Arbitrary<SaleAction> = fc.oneof(
      fc
        .record({ id: fc.integer({ min: 1, max: 6 }), price: fc.integer({ min: 0, max: 5000 }), rate: fc.constantFrom(null, 1, 2) })
        .map(({ id, price, rate }) => ({ type: 'add', product: product(id, price, rate) }) satisfies SaleAction),
      fc
        .record({ productId: fc.integer({ min: 1, max: 6 }), qty: fc.integer({ min: 1, max: 20 }) })
        .map((a) => ({ type: 'set_qty', ...a }) satisfies SaleAction),
      fc.integer({ min: 1, max: 6 }).map((productId) => ({ type: 'remove', productId }) satisfies SaleAction),
      fc.record({ productId: fc.integer({ min: 1, max: 6 }), discount }).map((a) => ({ type: 'line_discount', ...a }) satisfies SaleAction),
      discount.map((d) => ({ type: 'sale_discount', discount: d }) satisfies SaleAction),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), fc.boolean(), (actions, includeTax) => {
        const built = run(actions);
        const result = priced(built, RATES, includeTax);
        const byId = new Map(RATES.map((r) => [r.id, { id: r.id, name: r.name, rate_bp: r.rate_bp }]));
        const expected = priceOrder({
          lines: built.lines.map((line) => ({
            unit_price_cents: line.product.price_cents,
            amount: line.qty,
            tax_rate: line.product.tax_rate_id === null ? null : (byId.get(line.product.tax_rate_id) ?? null),
            discount: line.discount,
          })),
          discount: built.discount,
          prices_include_tax: includeTax,
        });
        expect(result).toEqual(expected);
        expect(result.total_cents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
