import { describe, expect, it } from 'vitest';
import {
  exceedsDiscountLimit,
  mulDivFloor,
  mulDivRound,
  priceOrder,
  priceRefund,
  PricingInputError,
  RefundExceedsSaleError,
  taxOn,
  type OrderLineInput,
  type RefundLineInput,
  type TaxEntry,
  type TaxRateRef,
} from '../../shared/pricing';

/** API-SELLING.md "How an order is priced", "Discounts", "Refunds": worked vectors, the arithmetic in the comments. */

const VAT20: TaxRateRef = { id: 1, name: 'VAT 20%', rate_bp: 2000 };
const VAT5_5: TaxRateRef = { id: 2, name: 'VAT 5.5%', rate_bp: 550 };
const ZERO: TaxRateRef = { id: 3, name: 'Zero rate', rate_bp: 0 };
const IT22: TaxRateRef = { id: 22, name: 'IVA 22%', rate_bp: 2200 };
const IT10: TaxRateRef = { id: 10, name: 'IVA 10%', rate_bp: 1000 };

const line = (
  unit_price_cents: number,
  amount: number,
  tax_rate: TaxRateRef | null,
  discount?: OrderLineInput['discount'],
): OrderLineInput => ({
  unit_price_cents,
  amount,
  tax_rate,
  discount,
});
const untaxed = (unit_price_cents: number, amount = 1, discount?: OrderLineInput['discount']) =>
  line(unit_price_cents, amount, null, discount);
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
};
const nets = (lines: readonly { net_line_cents: number }[]) => lines.map((l) => l.net_line_cents);

describe('round() and exact integer arithmetic', () => {
  it.each([
    // [a, b, c, round(a × b / c)]
    [5, 1, 10, 1], // 0.5 → 1
    [15, 1, 10, 2], // 1.5 → 2
    [25, 1, 10, 3], // 2.5 → 3 (not to even)
    [14, 1, 10, 1], // 1.4 → 1
    [-5, 1, 10, -1], // −0.5 → −1 (away from zero)
    [-15, 1, 10, -2], // −1.5 → −2
    [-14, 1, 10, -1], // −1.4 → −1
    [0, 7, 3, 0],
  ])('round(%i × %i / %i) = %i', (a, b, c, rounded) => {
    expect(mulDivRound(a, b, c)).toBe(rounded);
  });

  it('floors towards minus infinity', () => {
    expect(mulDivFloor(1000, 2, 3)).toBe(666); // 666.67
    expect(mulDivFloor(-1, 1, 3)).toBe(-1); // −0.33
  });

  it('decides halves on integers, not on a float quotient', () => {
    // 1,125,899,906,843,100 × 550 / 10000 = 61,924,494,876,370.5 exactly → …371; in floats the
    // product loses its last digits and Math.round gives …370.
    expect(Math.round((1_125_899_906_843_100 * 550) / 10_000)).toBe(61_924_494_876_370);
    expect(taxOn(1_125_899_906_843_100, 550, false)).toBe(61_924_494_876_371);
  });

  it('rounds half-cent taxes away from zero', () => {
    expect(taxOn(3, 2000, true)).toBe(1); // 3 × 2000 / 12000 = 0.5
    expect(taxOn(9, 2000, true)).toBe(2); // 1.5
    expect(taxOn(10, 500, false)).toBe(1); // 10 × 500 / 10000 = 0.5
    expect(taxOn(30, 500, false)).toBe(2); // 1.5
  });
});

describe('priceOrder: taxes', () => {
  it('gross prices, one rate: the tax is inside the total', () => {
    // gross 1250 × 2 = 2500 and 999 × 1 = 999; Σ net = 3499; tax = round(3499 × 2000 / 12000) = round(583.17) = 583
    const priced = priceOrder({ lines: [line(1250, 2, VAT20), line(999, 1, VAT20)], prices_include_tax: true });
    expect(nets(priced.lines)).toEqual([2500, 999]);
    expect(priced.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 3499, tax_cents: 583 }]);
    expect(priced).toMatchObject({ subtotal_cents: 3499, discount_cents: 0, tax_cents: 583, total_cents: 3499 });
  });

  it('net prices, one rate: the tax is added to the total', () => {
    // Σ net = 3499; tax = round(3499 × 2000 / 10000) = round(699.8) = 700; total = 3499 + 700 = 4199
    const priced = priceOrder({ lines: [line(1250, 2, VAT20), line(999, 1, VAT20)], prices_include_tax: false });
    expect(priced.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 3499, tax_cents: 700 }]);
    expect(priced).toMatchObject({ subtotal_cents: 3499, tax_cents: 700, total_cents: 4199 });
  });

  it('mixed rates: one entry per rate ordered by id, 0 % included, untaxed lines in none', () => {
    // 0 %: 500 → tax 0; 20 %: 1000 → round(1000 × 2000 / 12000) = round(166.67) = 167;
    // 5.5 %: 1999 → round(1999 × 550 / 10550) = round(104.21) = 104; untaxed 300 in no entry.
    const priced = priceOrder({
      lines: [line(500, 1, ZERO), untaxed(300), line(1999, 1, VAT5_5), line(1000, 1, VAT20)],
      prices_include_tax: true,
    });
    expect(priced.taxes).toEqual([
      { tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 1000, tax_cents: 167 },
      { tax_rate_id: 2, name: 'VAT 5.5%', rate_bp: 550, taxable_cents: 1999, tax_cents: 104 },
      { tax_rate_id: 3, name: 'Zero rate', rate_bp: 0, taxable_cents: 500, tax_cents: 0 },
    ]);
    expect(priced).toMatchObject({ subtotal_cents: 3799, tax_cents: 271, total_cents: 3799 });
    expect(priced.lines[1]).toMatchObject({ tax_rate_id: null, rate_bp: null, tax_name: null });
    expect(priced.lines[2]).toMatchObject({ tax_rate_id: 2, rate_bp: 550, tax_name: 'VAT 5.5%' });
  });

  it('taxes per rate over the whole order, not per line (the Odoo case, odoo#37896 / PR #230726)', () => {
    // Tax-included lines at 22 % and 10 %.
    // 22 %: 1.00 × 3 = 300 and 1.08 × 1 = 108.
    //   per line: round(300 × 2200 / 12200) = round(54.10) = 54, round(108 × 2200 / 12200) = round(19.48) = 19 → 73
    //   per rate: round(408 × 2200 / 12200) = round(73.57) = 74   ← what we do
    // 10 %: 1.02 and 1.02.
    //   per line: round(102 × 1000 / 11000) = round(9.27) = 9, twice → 18
    //   per rate: round(204 × 1000 / 11000) = round(18.55) = 19   ← what we do
    const priced = priceOrder({
      lines: [line(100, 3, IT22), line(108, 1, IT22), line(102, 1, IT10), line(102, 1, IT10)],
      prices_include_tax: true,
    });
    const perLine = [300, 108].map((gross) => taxOn(gross, 2200, true)).concat([102, 102].map((gross) => taxOn(gross, 1000, true)));
    expect(perLine.reduce((a, b) => a + b, 0)).toBe(91);
    expect(priced.taxes).toEqual([
      { tax_rate_id: 10, name: 'IVA 10%', rate_bp: 1000, taxable_cents: 204, tax_cents: 19 },
      { tax_rate_id: 22, name: 'IVA 22%', rate_bp: 2200, taxable_cents: 408, tax_cents: 74 },
    ]);
    expect(priced).toMatchObject({ tax_cents: 93, total_cents: 612 });
  });

  it('at net prices, taxing per rate changes the total too', () => {
    // three lines of 1.05 at 10 % net: per rate round(315 × 1000 / 10000) = round(31.5) = 32;
    // per line round(10.5) = 11, three times → 33
    const priced = priceOrder({ lines: [line(105, 1, IT10), line(105, 1, IT10), line(105, 1, IT10)], prices_include_tax: false });
    expect(priced.taxes).toEqual([{ tax_rate_id: 10, name: 'IVA 10%', rate_bp: 1000, taxable_cents: 315, tax_cents: 32 }]);
    expect(priced.total_cents).toBe(347); // 315 + 32, not 315 + 33
  });
});

describe('priceOrder: discounts', () => {
  it('line discounts: percent rounds half away from zero, amount as given', () => {
    // 1999 × 15 % = 299.85 → 300, net 1699; 1005 × 10 % = 100.5 → 101, net 904; 500 × 3 = 1500 − 250 = 1250
    const priced = priceOrder({
      lines: [
        untaxed(1999, 1, { type: 'percent', value: 15 }),
        untaxed(1005, 1, { type: 'percent', value: 10 }),
        untaxed(500, 3, { type: 'amount', value: 250 }),
        untaxed(700, 1, { type: 'percent', value: 100 }),
      ],
      prices_include_tax: true,
    });
    expect(priced.lines.map((l) => l.line_discount_cents)).toEqual([300, 101, 250, 700]);
    expect(nets(priced.lines)).toEqual([1699, 904, 1250, 0]);
    expect(priced).toMatchObject({ subtotal_cents: 5204, discount_cents: 1351, total_cents: 3853 });
  });

  it('an order discount spread over 3 equal lines: 33 each and the cent left to the earliest', () => {
    // floor(100 × 1000 / 3000) = 33 each, Σ 99, 1 cent left → tie on L → the first line: 34/33/33
    const priced = priceOrder({
      lines: [untaxed(1000), untaxed(1000), untaxed(1000)],
      discount: { type: 'amount', value: 100 },
      prices_include_tax: true,
    });
    expect(priced.lines.map((l) => l.order_discount_share_cents)).toEqual([34, 33, 33]);
    expect(nets(priced.lines)).toEqual([966, 967, 967]);
    expect(priced).toMatchObject({ order_discount_cents: 100, discount_cents: 100, total_cents: 2900 });
  });

  it('the left-over cents go to the largest L, not the largest remainder', () => {
    // L = 500, 1500, 1000 (Σ 3000), D = 100: floor(16.67) = 16, floor(50) = 50, floor(33.33) = 33 → Σ 99;
    // the cent goes to the largest L (1500), though the first line lost the most: 16/51/33
    const priced = priceOrder({
      lines: [untaxed(500), untaxed(1500), untaxed(1000)],
      discount: { type: 'amount', value: 100 },
      prices_include_tax: true,
    });
    expect(priced.lines.map((l) => l.order_discount_share_cents)).toEqual([16, 51, 33]);
  });

  it('on a tie of the largest L the earlier line takes the cent', () => {
    // L = 700, 1000, 1000 (Σ 2700), D = 100: floor(25.93) = 25, floor(37.04) = 37, 37 → Σ 99 → line 2: 25/38/37
    const priced = priceOrder({
      lines: [untaxed(700), untaxed(1000), untaxed(1000)],
      discount: { type: 'amount', value: 100 },
      prices_include_tax: true,
    });
    expect(priced.lines.map((l) => l.order_discount_share_cents)).toEqual([25, 38, 37]);
  });

  it('an order percent discount is on the lines after their own discounts, and the discount adds both', () => {
    // L = 1000 − 10 % (100) = 900 and 105; Σ L = 1005; D = round(1005 × 10 / 100) = round(100.5) = 101
    // shares: floor(101 × 900 / 1005) = floor(90.45) = 90, floor(101 × 105 / 1005) = floor(10.55) = 10 → 1 left → L 900: 91/10
    const priced = priceOrder({
      lines: [untaxed(1000, 1, { type: 'percent', value: 10 }), untaxed(105)],
      discount: { type: 'percent', value: 10 },
      prices_include_tax: true,
    });
    expect(priced.order_discount_cents).toBe(101);
    expect(priced.lines.map((l) => [l.line_discount_cents, l.order_discount_share_cents, l.discount_cents, l.net_line_cents])).toEqual([
      [100, 91, 191, 809],
      [0, 10, 10, 95],
    ]);
    expect(priced).toMatchObject({ subtotal_cents: 1105, discount_cents: 201, total_cents: 904 });
  });

  it('an order amount discount above Σ L is capped at Σ L', () => {
    // Σ L = 300 + (400 − 200) = 500; D asked 1000 → 500; shares 300/200; everything is free
    const priced = priceOrder({
      lines: [line(300, 1, VAT20), line(400, 1, VAT20, { type: 'amount', value: 200 })],
      discount: { type: 'amount', value: 1000 },
      prices_include_tax: false,
    });
    expect(priced.lines.map((l) => l.order_discount_share_cents)).toEqual([300, 200]);
    expect(priced).toMatchObject({ order_discount_cents: 500, subtotal_cents: 700, discount_cents: 700, tax_cents: 0, total_cents: 0 });
    expect(priced.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 0, tax_cents: 0 }]);
  });

  it('taxes are on the lines after every discount', () => {
    // 2000 gross at 20 %, order discount 10 % → D = 200, net 1800; tax = round(1800 × 2000 / 12000) = 300
    const priced = priceOrder({ lines: [line(1000, 2, VAT20)], discount: { type: 'percent', value: 10 }, prices_include_tax: true });
    expect(priced).toMatchObject({ discount_cents: 200, tax_cents: 300, total_cents: 1800 });
  });

  it('compares the discount share with a role limit exactly', () => {
    // 10 % of 3 × 333 = 999: D = round(99.9) = 100; 100 × 100 = 10000 > 10 × 999 = 9990 → above 10 %
    const priced = priceOrder({ lines: [untaxed(333, 3)], discount: { type: 'percent', value: 10 }, prices_include_tax: true });
    expect(priced.discount_cents).toBe(100);
    expect(exceedsDiscountLimit(priced, 10)).toBe(true);
    expect(exceedsDiscountLimit(priced, 11)).toBe(false);
    expect(exceedsDiscountLimit({ discount_cents: 100, subtotal_cents: 1000 }, 10)).toBe(false); // exactly 10 %
    expect(exceedsDiscountLimit({ discount_cents: 0, subtotal_cents: 0 }, 0)).toBe(false);
  });
});

describe('priceOrder: input the caller should have refused', () => {
  const expectPath = (run: () => unknown, path: readonly (string | number)[]) => {
    const error = thrownBy(run);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toBeInstanceOf(PricingInputError);
    expect(error).toMatchObject({ path });
  };

  it.each([
    [[untaxed(-1)], ['lines', 0, 'unit_price_cents']],
    [[untaxed(1.5)], ['lines', 0, 'unit_price_cents']],
    [[untaxed(100, 0)], ['lines', 0, 'amount']],
    [
      [untaxed(100), untaxed(100, 1, { type: 'percent', value: 101 })],
      ['lines', 1, 'discount', 'value'],
    ],
    [[untaxed(100, 2, { type: 'amount', value: 201 })], ['lines', 0, 'discount', 'value']],
    [[untaxed(100, 1, { type: 'amount', value: -1 })], ['lines', 0, 'discount', 'value']],
    [[line(100, 1, { id: 9, name: 'x', rate_bp: 10_001 })], ['lines', 0, 'tax_rate', 'rate_bp']],
    [
      [line(100, 1, VAT20), line(100, 1, { ...VAT20, rate_bp: 1000 })],
      ['lines', 1, 'tax_rate', 'rate_bp'],
    ],
  ] satisfies [OrderLineInput[], (string | number)[]][])('refuses %j', (lines, path) => {
    expectPath(() => priceOrder({ lines, prices_include_tax: true }), path);
  });

  it('refuses an order percent above 100 or a negative order amount', () => {
    expectPath(
      () => priceOrder({ lines: [untaxed(100)], discount: { type: 'percent', value: 101 }, prices_include_tax: true }),
      ['discount', 'value'],
    );
    expectPath(
      () => priceOrder({ lines: [untaxed(100)], discount: { type: 'amount', value: -5 }, prices_include_tax: true }),
      ['discount', 'value'],
    );
  });

  it('prices an empty order as zero', () => {
    expect(priceOrder({ lines: [], discount: { type: 'amount', value: 100 }, prices_include_tax: false })).toEqual({
      lines: [],
      subtotal_cents: 0,
      order_discount_cents: 0,
      discount_cents: 0,
      taxes: [],
      tax_cents: 0,
      total_cents: 0,
    });
  });
});

describe('priceRefund', () => {
  const refundLine = (overrides: Partial<RefundLineInput>): RefundLineInput => ({
    net_line_cents: 1000,
    sold_amount: 3,
    refunded_amount: 0,
    refunded_net_cents: 0,
    refund_amount: 1,
    tax_rate: null,
    ...overrides,
  });
  const refundNet = (overrides: Partial<RefundLineInput>) =>
    priceRefund({ lines: [refundLine(overrides)], prices_include_tax: true }).total_cents;

  it('3 units of a 1000-cent line refunded one by one: 333, 333, then the rest 334', () => {
    // floor(1000 × 1 / 3) = 333; again 333; the last unit takes 1000 − (333 + 333) = 334
    expect(refundNet({ refunded_amount: 0, refunded_net_cents: 0 })).toBe(333);
    expect(refundNet({ refunded_amount: 1, refunded_net_cents: 333 })).toBe(333);
    expect(refundNet({ refunded_amount: 2, refunded_net_cents: 666 })).toBe(334);
  });

  it('all at once is the line net; 2 then 1 is 666 then 334', () => {
    expect(refundNet({ refund_amount: 3 })).toBe(1000);
    expect(refundNet({ refund_amount: 2 })).toBe(666); // floor(2000 / 3)
    expect(refundNet({ refunded_amount: 2, refunded_net_cents: 666 })).toBe(334);
  });

  it('the last refund takes what is left even when the floors gave nothing', () => {
    // net 2 over 3 units: floor(2 / 3) = 0, 0, then 2 − 0 = 2
    expect(refundNet({ net_line_cents: 2, refunded_amount: 0 })).toBe(0);
    expect(refundNet({ net_line_cents: 2, refunded_amount: 1 })).toBe(0);
    expect(refundNet({ net_line_cents: 2, refunded_amount: 2 })).toBe(2);
  });

  it('taxes with the sale rate on the refund lines, gross prices', () => {
    // 1 of 3 units of a 1000 line at 20 %: net 333; tax = round(333 × 2000 / 12000) = round(55.5) = 56; total 333
    const refund = priceRefund({ lines: [refundLine({ tax_rate: VAT20 })], prices_include_tax: true });
    expect(refund.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 333, tax_cents: 56 }]);
    expect(refund).toMatchObject({ tax_cents: 56, total_cents: 333 });
    expect(refund.lines).toEqual([{ net_line_cents: 333, tax_cents: 56, tax_rate_id: 1, rate_bp: 2000, tax_name: 'VAT 20%' }]);
  });

  it('net prices: the refund total adds the tax', () => {
    // net 333; tax = round(333 × 2000 / 10000) = round(66.6) = 67; total 400
    const refund = priceRefund({ lines: [refundLine({ tax_rate: VAT20 })], prices_include_tax: false });
    expect(refund).toMatchObject({ tax_cents: 67, total_cents: 400 });
  });

  it('a rate tax is per rate over the refund, and each item has its part of it', () => {
    // nets 333 (1 of 3 of 1000) and 500 (1 of 2 of 1000) at 20 %, 250 untaxed:
    // tax = round(833 × 2000 / 12000) = round(138.83) = 139; parts floor(139 × 333 / 833) = 55, floor(139 × 500 / 833) = 83,
    // the cent left to the larger net → 55/84
    const refund = priceRefund({
      lines: [
        refundLine({ tax_rate: VAT20 }),
        refundLine({ tax_rate: VAT20, sold_amount: 2 }),
        refundLine({ net_line_cents: 250, sold_amount: 1 }),
      ],
      prices_include_tax: true,
    });
    expect(refund.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 833, tax_cents: 139 }]);
    expect(refund.lines.map((l) => [l.net_line_cents, l.tax_cents])).toEqual([
      [333, 55],
      [500, 84],
      [250, 0],
    ]);
    expect(refund.total_cents).toBe(1083);
  });

  it('refuses more than is left to refund, naming every such line', () => {
    const run = () =>
      priceRefund({
        lines: [
          refundLine({ refunded_amount: 2, refunded_net_cents: 666, refund_amount: 2 }),
          refundLine({}),
          refundLine({ refund_amount: 4 }),
        ],
        prices_include_tax: true,
      });
    expect(run).toThrow(RangeError);
    expect(run).toThrow(RefundExceedsSaleError);
    expect(thrownBy(run)).toMatchObject({
      lines: [
        { index: 0, requested: 2, refundable: 1 },
        { index: 2, requested: 4, refundable: 3 },
      ],
    });
  });

  it('refuses inconsistent lines as input errors', () => {
    expect(() => refundNet({ refund_amount: 0 })).toThrow(PricingInputError);
    expect(() => refundNet({ refunded_net_cents: 1001 })).toThrow(PricingInputError);
    expect(() => refundNet({ refunded_amount: 4 })).toThrow(PricingInputError);
  });
});

describe('priceRefund with rate_balances', () => {
  type SaleLine = { net_line_cents: number; sold_amount: number; tax_rate: TaxRateRef | null };
  /** Refunds a sale step by step as the core does: every sold line in, those not refunded at 0, with the rates' balances. */
  const refundInSteps = (
    lines: readonly SaleLine[],
    soldTaxes: readonly TaxEntry[],
    steps: readonly (readonly number[])[],
    gross: boolean,
  ) => {
    const refundedAmount = lines.map(() => 0);
    const refundedNet = lines.map(() => 0);
    const refundedTax = new Map<number, number>();
    return steps.map((amounts) => {
      const refund = priceRefund({
        lines: lines.map((sold, index) => ({
          ...sold,
          refunded_amount: refundedAmount[index] ?? 0,
          refunded_net_cents: refundedNet[index] ?? 0,
          refund_amount: amounts[index] ?? 0,
        })),
        prices_include_tax: gross,
        rate_balances: soldTaxes.map((tax) => ({
          tax_rate_id: tax.tax_rate_id,
          sold_tax_cents: tax.tax_cents,
          refunded_tax_cents: refundedTax.get(tax.tax_rate_id) ?? 0,
        })),
      });
      refund.lines.forEach((line, index) => {
        refundedAmount[index] = (refundedAmount[index] ?? 0) + (amounts[index] ?? 0);
        refundedNet[index] = (refundedNet[index] ?? 0) + line.net_line_cents;
      });
      for (const tax of refund.taxes) refundedTax.set(tax.tax_rate_id, (refundedTax.get(tax.tax_rate_id) ?? 0) + tax.tax_cents);
      return refund;
    });
  };
  const vat20Sale = (taxable: number, tax: number): TaxEntry[] => [
    { tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: taxable, tax_cents: tax },
  ];
  const threeUnitLine: SaleLine = { net_line_cents: 1000, sold_amount: 3, tax_rate: VAT20 };
  const threeUnits = [threeUnitLine];

  it('gross: 3 units at 20 % refunded 1 + 1 + 1 give back the sale’s 167 of tax, not 168', () => {
    // sale: round(1000 × 2000 / 12000) = round(166.67) = 167; nets 333, 333, 334;
    // round(55.5) = 56, 56, then the last units take 167 − 112 = 55 (their own round(55.67) = 56)
    const refunds = refundInSteps(threeUnits, vat20Sale(1000, 167), [[1], [1], [1]], true);
    expect(refunds.map((r) => r.tax_cents)).toEqual([56, 56, 55]);
    expect(refunds.map((r) => r.lines[0]?.tax_cents)).toEqual([56, 56, 55]);
    expect(refunds.map((r) => r.total_cents)).toEqual([333, 333, 334]);
    expect(refunds[2]?.taxes).toEqual([{ tax_rate_id: 1, name: 'VAT 20%', rate_bp: 2000, taxable_cents: 334, tax_cents: 55 }]);
  });

  it('net: 3 units at 20 % refunded 1 + 1 + 1 give back the sale’s 200 of tax and its 1200 total', () => {
    // sale: 1000 × 20 % = 200, total 1200; round(66.6) = 67, 67, then 200 − 134 = 66 (own round(66.8) = 67)
    const refunds = refundInSteps(threeUnits, vat20Sale(1000, 200), [[1], [1], [1]], false);
    expect(refunds.map((r) => r.tax_cents)).toEqual([67, 67, 66]);
    expect(refunds.map((r) => r.total_cents)).toEqual([400, 400, 400]);
  });

  it('a partial refund never takes more than is left of the rate’s tax', () => {
    // four 1-unit lines of 3 cents at 20 % net: sale tax round(12 × 0.2) = round(2.4) = 2;
    // each refund's own tax is round(0.6) = 1: 1, 1, then 0 left (capped, a line still unrefunded), then 0
    const lines: SaleLine[] = [1, 2, 3, 4].map(() => ({ net_line_cents: 3, sold_amount: 1, tax_rate: VAT20 }));
    const steps = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ];
    const refunds = refundInSteps(lines, vat20Sale(12, 2), steps, false);
    expect(refunds.map((r) => r.tax_cents)).toEqual([1, 1, 0, 0]);
    expect(refunds.map((r) => r.total_cents)).toEqual([4, 4, 3, 3]);
  });

  it('lines at 0 give back nothing and add no tax entry; the answer’s lines follow the input’s', () => {
    const refund = priceRefund({
      lines: [
        { net_line_cents: 500, sold_amount: 1, refunded_amount: 0, refunded_net_cents: 0, refund_amount: 1, tax_rate: null },
        { net_line_cents: 1000, sold_amount: 3, refunded_amount: 0, refunded_net_cents: 0, refund_amount: 0, tax_rate: VAT20 },
      ],
      prices_include_tax: true,
      rate_balances: [{ tax_rate_id: 1, sold_tax_cents: 167, refunded_tax_cents: 0 }],
    });
    expect(refund).toMatchObject({ taxes: [], tax_cents: 0, total_cents: 500 });
    expect(refund.lines.map((l) => [l.net_line_cents, l.tax_cents])).toEqual([
      [500, 0],
      [0, 0],
    ]);
  });

  it('refuses a refund of no unit, and balances that are not whole cents or name a rate twice', () => {
    const at = (refund_amount: number): RefundLineInput => ({ ...threeUnitLine, refunded_amount: 0, refunded_net_cents: 0, refund_amount });
    expect(() => priceRefund({ lines: [at(0), at(0)], prices_include_tax: true })).toThrow(PricingInputError);
    const balance = { tax_rate_id: 1, sold_tax_cents: 167, refunded_tax_cents: 0 };
    expect(() => priceRefund({ lines: [at(1)], prices_include_tax: true, rate_balances: [{ ...balance, sold_tax_cents: -1 }] })).toThrow(
      PricingInputError,
    );
    expect(() => priceRefund({ lines: [at(1)], prices_include_tax: true, rate_balances: [balance, balance] })).toThrow(PricingInputError);
  });
});
