import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceOrder, priceRefund, type Discount, type OrderInput, type PricedOrder, type TaxRateRef } from '../../shared/pricing';

/** Properties of the one pricing (API-SELLING.md "How an order is priced", "Refunds") over random sales and refunds. */

const RUNS = { numRuns: 300 };
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// Exact reference arithmetic, written apart from the module under test.
const roundDiv = (numerator: bigint, divisor: bigint) => Number((2n * numerator + divisor) / (2n * divisor));
const expectedTax = (taxable: number, rateBp: number, pricesIncludeTax: boolean) =>
  roundDiv(BigInt(taxable) * BigInt(rateBp), BigInt(pricesIncludeTax ? 10_000 + rateBp : 10_000));

const cents = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 100_000_000 }));
/** A discount valid for `base` cents: a percent, or an amount from 0 to base (by a fraction in millionths). */
const discountSeed = fc.option(
  fc.record({
    type: fc.constantFrom('percent', 'amount'),
    value: fc.integer({ min: 0, max: 100 }),
    fraction: fc.integer({ min: 0, max: 1_000_000 }),
  }),
);
type DiscountSeed = { type: 'percent' | 'amount'; value: number; fraction: number } | null;
const discountFor = (seed: DiscountSeed, base: number): Discount | null => {
  if (seed === null) return null;
  if (seed.type === 'percent') return { type: 'percent', value: seed.value };
  return { type: 'amount', value: Number((BigInt(base) * BigInt(seed.fraction)) / 1_000_000n) };
};

const orderArb = fc
  .record({
    rateBps: fc.array(fc.oneof(fc.constantFrom(0, 550, 1000, 2000, 2200), fc.integer({ min: 0, max: 10_000 })), {
      minLength: 1,
      maxLength: 4,
    }),
    lines: fc.array(
      fc.record({
        unit: cents,
        amount: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10_000 })),
        rate: fc.integer({ min: -1, max: 3 }),
        discount: discountSeed,
      }),
      { minLength: 1, maxLength: 8 },
    ),
    orderDiscount: fc.option(
      fc.oneof(
        fc.record({ type: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 100 }) }),
        fc.record({ type: fc.constant('amount' as const), value: cents }),
      ),
    ),
    prices_include_tax: fc.boolean(),
  })
  .map(({ rateBps, lines, orderDiscount, prices_include_tax }): OrderInput => {
    const rates = rateBps.map((rate_bp, index): TaxRateRef => ({ id: 100 - index, name: `Rate ${index}`, rate_bp }));
    return {
      lines: lines.map((line) => ({
        unit_price_cents: line.unit,
        amount: line.amount,
        tax_rate: rates[line.rate] ?? null,
        discount: discountFor(line.discount, line.unit * line.amount),
      })),
      discount: orderDiscount,
      prices_include_tax,
    };
  });

const netSum = (priced: PricedOrder) => sum(priced.lines.map((line) => line.net_line_cents));

describe('priceOrder over random orders', () => {
  it('spreads exactly the order discount D, never taking a line below zero', () => {
    fc.assert(
      fc.property(orderArb, (input) => {
        const priced = priceOrder(input);
        const afterOwn = priced.lines.map((line) => line.gross_cents - line.line_discount_cents);
        const sumL = sum(afterOwn);
        const asked = input.discount ?? null;
        const expectedD =
          asked === null ? 0 : asked.type === 'percent' ? roundDiv(BigInt(sumL) * BigInt(asked.value), 100n) : Math.min(asked.value, sumL);
        expect(priced.order_discount_cents).toBe(expectedD);
        expect(sum(priced.lines.map((line) => line.order_discount_share_cents))).toBe(expectedD);
        priced.lines.forEach((line, index) => {
          expect(line.net_line_cents).toBeGreaterThanOrEqual(0);
          expect(line.order_discount_share_cents).toBeGreaterThanOrEqual(0);
          expect(line.order_discount_share_cents).toBeLessThanOrEqual(afterOwn[index] ?? 0);
          expect(line.discount_cents).toBe(line.line_discount_cents + line.order_discount_share_cents);
          expect(line.net_line_cents).toBe(line.gross_cents - line.discount_cents);
        });
      }),
      RUNS,
    );
  });

  it('keeps the totals consistent: discount, taxes, total', () => {
    fc.assert(
      fc.property(orderArb, (input) => {
        const priced = priceOrder(input);
        expect(priced.subtotal_cents).toBe(sum(priced.lines.map((line) => line.gross_cents)));
        expect(priced.discount_cents).toBe(priced.subtotal_cents - netSum(priced));
        expect(priced.tax_cents).toBe(sum(priced.taxes.map((entry) => entry.tax_cents)));
        const taxedNet = sum(priced.lines.filter((line) => line.tax_rate_id !== null).map((line) => line.net_line_cents));
        expect(sum(priced.taxes.map((entry) => entry.taxable_cents))).toBe(taxedNet);
        expect(priced.total_cents).toBe(netSum(priced) + (input.prices_include_tax ? 0 : priced.tax_cents));
      }),
      RUNS,
    );
  });

  it('taxes once per rate used, ordered by id, by the contract formula', () => {
    fc.assert(
      fc.property(orderArb, (input) => {
        const priced = priceOrder(input);
        const usedIds = [...new Set(input.lines.flatMap((line) => (line.tax_rate === null ? [] : [line.tax_rate.id])))].sort(
          (a, b) => a - b,
        );
        expect(priced.taxes.map((entry) => entry.tax_rate_id)).toEqual(usedIds);
        for (const entry of priced.taxes) {
          const taxable = sum(priced.lines.filter((line) => line.tax_rate_id === entry.tax_rate_id).map((line) => line.net_line_cents));
          expect(entry.taxable_cents).toBe(taxable);
          expect(entry.tax_cents).toBe(expectedTax(taxable, entry.rate_bp, input.prices_include_tax));
        }
      }),
      RUNS,
    );
  });
});

/** A split of n units into refunds: the sizes of the parts between sorted cut points. */
const splitArb = fc.integer({ min: 1, max: 40 }).chain((units) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, units - 1) }), { maxLength: units - 1 }).map((cuts) => {
    const points = [0, ...cuts.filter((cut) => cut < units).sort((a, b) => a - b), units];
    return { units, parts: points.slice(1).map((point, index) => point - (points[index] ?? 0)) };
  }),
);
const rateArb = fc.option(fc.record({ id: fc.constant(1), name: fc.constant('Rate'), rate_bp: fc.integer({ min: 0, max: 10_000 }) }));

describe('priceRefund over random refund sequences', () => {
  it('refunds of a line add up to its net exactly, whatever the split', () => {
    fc.assert(
      fc.property(splitArb, cents, rateArb, fc.boolean(), ({ units, parts }, net, rate, pricesIncludeTax) => {
        let refundedAmount = 0;
        let refundedNet = 0;
        for (const part of parts) {
          const refund = priceRefund({
            lines: [
              {
                net_line_cents: net,
                sold_amount: units,
                refunded_amount: refundedAmount,
                refunded_net_cents: refundedNet,
                refund_amount: part,
                tax_rate: rate,
              },
            ],
            prices_include_tax: pricesIncludeTax,
          });
          const lineNet = refund.lines[0]?.net_line_cents ?? -1;
          expect(lineNet).toBeGreaterThanOrEqual(0);
          expect(refund.tax_cents).toBe(rate === null ? 0 : expectedTax(lineNet, rate.rate_bp, pricesIncludeTax));
          expect(refund.lines[0]?.tax_cents).toBe(refund.tax_cents);
          expect(refund.total_cents).toBe(lineNet + (pricesIncludeTax ? 0 : refund.tax_cents));
          refundedAmount += part;
          refundedNet += lineNet;
        }
        expect(refundedAmount).toBe(units);
        expect(refundedNet).toBe(net);
      }),
      RUNS,
    );
  });

  const refundAll = (input: OrderInput, priced: PricedOrder) =>
    priceRefund({
      lines: priced.lines.map((line, index) => ({
        net_line_cents: line.net_line_cents,
        sold_amount: input.lines[index]?.amount ?? 1,
        refunded_amount: 0,
        refunded_net_cents: 0,
        refund_amount: input.lines[index]?.amount ?? 1,
        tax_rate: input.lines[index]?.tax_rate ?? null,
      })),
      prices_include_tax: input.prices_include_tax,
    });

  it('refunding a single-rate gross-price order in one go returns its total', () => {
    const singleRateGross = orderArb.map((input): OrderInput => ({
      ...input,
      prices_include_tax: true,
      lines: input.lines.map((line) => ({ ...line, tax_rate: { id: 7, name: 'VAT', rate_bp: 2000 } })),
    }));
    fc.assert(
      fc.property(singleRateGross, (input) => {
        const priced = priceOrder(input);
        const refund = refundAll(input, priced);
        expect(refund.total_cents).toBe(priced.total_cents);
        expect(refund.tax_cents).toBe(priced.tax_cents);
      }),
      RUNS,
    );
  });

  it('refunding any order in one go returns its total and its taxes, and items share their rate tax exactly', () => {
    fc.assert(
      fc.property(orderArb, (input) => {
        const priced = priceOrder(input);
        const refund = refundAll(input, priced);
        expect(refund.total_cents).toBe(priced.total_cents);
        expect(refund.taxes).toEqual(priced.taxes);
        for (const entry of refund.taxes) {
          const parts = refund.lines.filter((line) => line.tax_rate_id === entry.tax_rate_id).map((line) => line.tax_cents);
          expect(sum(parts)).toBe(entry.tax_cents);
        }
        expect(refund.lines.filter((line) => line.tax_rate_id === null).every((line) => line.tax_cents === 0)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** `units` split over `refunds` refunds, some possibly 0: the gaps between sorted cut points. */
const partsOf = (units: number, cuts: readonly number[]) => {
  const points = [0, ...[...cuts].sort((a, b) => a - b), units];
  return points.slice(1).map((point, index) => point - (points[index] ?? 0));
};
const refundPlanArb = orderArb.chain((input) =>
  fc.integer({ min: 1, max: 4 }).chain((refunds) =>
    fc
      .tuple(
        ...input.lines.map((line) =>
          fc.array(fc.integer({ min: 0, max: line.amount }), { minLength: refunds - 1, maxLength: refunds - 1 }),
        ),
      )
      .map((cutsPerLine) => ({
        input,
        parts: input.lines.map((line, index) => partsOf(line.amount, cutsPerLine[index] ?? [])),
        refunds,
      })),
  ),
);

describe('priceRefund with rate_balances over random splits of every line', () => {
  it('the refunds’ taxes per rate add up to the sale’s, their totals to its total, and none takes more than is left', () => {
    fc.assert(
      fc.property(refundPlanArb, ({ input, parts, refunds }) => {
        const priced = priceOrder(input);
        const refundedAmount = input.lines.map(() => 0);
        const refundedNet = input.lines.map(() => 0);
        const refundedTax = new Map<number, number>();
        let refundedTotal = 0;
        for (let step = 0; step < refunds; step += 1) {
          const amounts = parts.map((lineParts) => lineParts[step] ?? 0);
          if (amounts.every((amount) => amount === 0)) continue;
          const refund = priceRefund({
            lines: input.lines.map((line, index) => ({
              net_line_cents: priced.lines[index]?.net_line_cents ?? 0,
              sold_amount: line.amount,
              refunded_amount: refundedAmount[index] ?? 0,
              refunded_net_cents: refundedNet[index] ?? 0,
              refund_amount: amounts[index] ?? 0,
              tax_rate: line.tax_rate,
            })),
            prices_include_tax: input.prices_include_tax,
            rate_balances: priced.taxes.map((tax) => ({
              tax_rate_id: tax.tax_rate_id,
              sold_tax_cents: tax.tax_cents,
              refunded_tax_cents: refundedTax.get(tax.tax_rate_id) ?? 0,
            })),
          });
          for (const entry of refund.taxes) {
            const left =
              (priced.taxes.find((tax) => tax.tax_rate_id === entry.tax_rate_id)?.tax_cents ?? 0) -
              (refundedTax.get(entry.tax_rate_id) ?? 0);
            expect(entry.tax_cents).toBeGreaterThanOrEqual(0);
            expect(entry.tax_cents).toBeLessThanOrEqual(left);
            const linesAtRate = refund.lines.filter((line) => line.tax_rate_id === entry.tax_rate_id).map((line) => line.tax_cents);
            expect(sum(linesAtRate)).toBe(entry.tax_cents);
            refundedTax.set(entry.tax_rate_id, (refundedTax.get(entry.tax_rate_id) ?? 0) + entry.tax_cents);
          }
          expect(refund.total_cents).toBe(
            sum(refund.lines.map((line) => line.net_line_cents)) + (input.prices_include_tax ? 0 : refund.tax_cents),
          );
          refund.lines.forEach((line, index) => {
            refundedAmount[index] = (refundedAmount[index] ?? 0) + (amounts[index] ?? 0);
            refundedNet[index] = (refundedNet[index] ?? 0) + line.net_line_cents;
          });
          refundedTotal += refund.total_cents;
        }
        for (const tax of priced.taxes) expect(refundedTax.get(tax.tax_rate_id) ?? 0).toBe(tax.tax_cents);
        expect(refundedTotal).toBe(priced.total_cents);
      }),
      RUNS,
    );
  });
});
