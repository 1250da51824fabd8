import { PricingInputError, requireInteger, type InputPath } from './errors';
import { mulDivRound, multiplyExact, sumExact } from './integer-math';
import { spreadByWeight } from './spread';
import { checkTaxRate, taxesPerRate } from './taxes';
import type { Discount, TaxEntry, TaxRateRef } from './types';

export interface OrderLineInput {
  readonly unit_price_cents: number;
  /** Units sold, at least 1. */
  readonly amount: number;
  /** null: the line is not taxed. */
  readonly tax_rate: TaxRateRef | null;
  readonly discount?: Discount | null;
}

export interface OrderInput {
  readonly lines: readonly OrderLineInput[];
  readonly discount?: Discount | null;
  readonly prices_include_tax: boolean;
}

export interface PricedLine {
  /** `unit_price_cents × amount` (the item's `line_total_cents`). */
  readonly gross_cents: number;
  readonly line_discount_cents: number;
  readonly order_discount_share_cents: number;
  /** The line's own discount plus its share of the order's. */
  readonly discount_cents: number;
  readonly net_line_cents: number;
  readonly tax_rate_id: number | null;
  readonly rate_bp: number | null;
  readonly tax_name: string | null;
}

export interface PricedOrder {
  readonly lines: readonly PricedLine[];
  /** Σ gross, before any discount. */
  readonly subtotal_cents: number;
  /** The order discount D actually given (an amount above Σ L is capped at Σ L). */
  readonly order_discount_cents: number;
  /** Σ items' `discount_cents`, which is `subtotal_cents − Σ net_line_cents`. */
  readonly discount_cents: number;
  readonly taxes: readonly TaxEntry[];
  readonly tax_cents: number;
  /** Σ net_line_cents, plus tax_cents when prices are net; before cash rounding. */
  readonly total_cents: number;
}

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

function checkDiscount(discount: Discount | null | undefined, maxAmount: number, path: InputPath): Discount | null {
  if (discount === undefined || discount === null) return null;
  if (discount.type === 'percent') requireInteger(discount.value, 0, 100, [...path, 'value']);
  else if (discount.type === 'amount') requireInteger(discount.value, 0, maxAmount, [...path, 'value']);
  else throw new PricingInputError([...path, 'type'], 'expected percent or amount');
  return discount;
}

function lineDiscountCents(discount: Discount | null, grossCents: number): number {
  if (discount === null) return 0;
  return discount.type === 'percent' ? mulDivRound(grossCents, discount.value, 100) : discount.value;
}

/**
 * Prices a sale exactly as API-SELLING.md "How an order is priced", steps 1–5: line discounts,
 * the order discount spread over the lines, taxes per rate over the whole order, the totals.
 * The core and the POS screen both call this, so what the screen shows is what is stored.
 *
 * Throws a PricingInputError (a RangeError, with the `path` of the input, e.g.
 * `['lines', 2, 'discount', 'value']`) for what validation should have refused: a negative or
 * fractional price, an amount below 1, a percent outside 0–100, a line amount discount above the
 * line's gross, a rate outside 0–10000 bp or one rate id with two `rate_bp`. An order amount
 * discount above Σ L (the lines after their own discounts) is not an error: it is capped at Σ L.
 */
export function priceOrder(input: OrderInput): PricedOrder {
  const lines = input.lines.map((line, index) => {
    const path = ['lines', index];
    requireInteger(line.unit_price_cents, 0, MAX_CENTS, [...path, 'unit_price_cents']);
    requireInteger(line.amount, 1, MAX_CENTS, [...path, 'amount']);
    const grossCents = multiplyExact(line.unit_price_cents, line.amount);
    const discount = checkDiscount(line.discount, grossCents, [...path, 'discount']);
    const taxRate = checkTaxRate(line.tax_rate, [...path, 'tax_rate']);
    const lineDiscount = lineDiscountCents(discount, grossCents);
    return { grossCents, lineDiscount, afterLineDiscount: grossCents - lineDiscount, taxRate };
  });

  const afterLineDiscounts = lines.map((line) => line.afterLineDiscount);
  const sumL = sumExact(afterLineDiscounts);
  const orderDiscount = checkDiscount(input.discount, MAX_CENTS, ['discount']);
  const orderDiscountCents = orderDiscount === null ? 0 : Math.min(lineDiscountCents(orderDiscount, sumL), sumL);
  const shares = spreadByWeight(orderDiscountCents, afterLineDiscounts);

  const priced = lines.map((line, index): PricedLine => {
    const share = shares[index] ?? 0;
    return {
      gross_cents: line.grossCents,
      line_discount_cents: line.lineDiscount,
      order_discount_share_cents: share,
      discount_cents: line.lineDiscount + share,
      net_line_cents: line.afterLineDiscount - share,
      tax_rate_id: line.taxRate?.id ?? null,
      rate_bp: line.taxRate?.rate_bp ?? null,
      tax_name: line.taxRate?.name ?? null,
    };
  });

  const taxes = taxesPerRate(
    priced.map((line, index) => ({ net_cents: line.net_line_cents, tax_rate: lines[index]?.taxRate ?? null })),
    input.prices_include_tax,
    (index) => ['lines', index, 'tax_rate'],
  );
  const taxCents = sumExact(taxes.map((entry) => entry.tax_cents));
  const netCents = sumExact(priced.map((line) => line.net_line_cents));
  return {
    lines: priced,
    subtotal_cents: sumExact(priced.map((line) => line.gross_cents)),
    order_discount_cents: orderDiscountCents,
    discount_cents: sumExact(priced.map((line) => line.discount_cents)),
    taxes,
    tax_cents: taxCents,
    total_cents: input.prices_include_tax ? netCents : sumExact([netCents, taxCents]),
  };
}

/**
 * Whether a sale's discount share (`discount_cents / subtotal_cents`) is above `maxPercent`
 * (a role's `max_discount_percent`, 0–100), compared exactly: `discount × 100 > max × subtotal`.
 * A sale with no subtotal has no share and never exceeds.
 */
export function exceedsDiscountLimit(priced: Pick<PricedOrder, 'discount_cents' | 'subtotal_cents'>, maxPercent: number): boolean {
  requireInteger(maxPercent, 0, 100, ['max_percent']);
  return BigInt(priced.discount_cents) * 100n > BigInt(maxPercent) * BigInt(priced.subtotal_cents);
}
