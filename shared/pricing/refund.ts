import { PricingInputError, RefundExceedsSaleError, requireInteger, type RefundExcess } from './errors';
import { mulDivFloor, sumExact } from './integer-math';
import { checkRateBalances, lineTaxParts, settleRateTaxes, type RateBalance } from './refund-taxes';
import { checkTaxRate, taxesPerRate } from './taxes';
import type { TaxEntry, TaxRateRef } from './types';

export interface RefundLineInput {
  /** The sold line's `net_line_cents`. */
  readonly net_line_cents: number;
  /** Units sold on the line (n). */
  readonly sold_amount: number;
  /** Units of it refunded before this refund (the item's `refunded_amount`). */
  readonly refunded_amount: number;
  /** Σ `net_line_cents` of the line's earlier refunds: the refund taking the last unit gets the rest. */
  readonly refunded_net_cents: number;
  /**
   * Units this refund gives back (k). 0 marks a line of the sale this refund does not take: it
   * gives back nothing and is listed only so that `rate_balances` can tell when a rate's last
   * units go. The refund as a whole gives back at least one unit.
   */
  readonly refund_amount: number;
  /** The sale's rate, as copied onto the item. */
  readonly tax_rate: TaxRateRef | null;
}

export interface RefundInput {
  /**
   * The lines refunded now. With `rate_balances`, also every other line of the sale at those
   * rates, with `refund_amount: 0`: a line left out reads as refunded to its last unit.
   */
  readonly lines: readonly RefundLineInput[];
  readonly prices_include_tax: boolean;
  /**
   * What is left of each of the sale's rates before this refund. Given, the refund that empties
   * every line of the sale at a rate gets what is left of the sale's tax there, and no refund
   * takes more than is left, so refunds of every unit add up to the sale's taxes and total.
   * Without it each refund's taxes are its own rounding (an estimate a cent off at worst).
   */
  readonly rate_balances?: readonly RateBalance[];
}

export interface PricedRefundLine {
  readonly net_line_cents: number;
  /** The line's part of its rate's tax (spread by net like an order discount); Σ per rate = the rate's tax. */
  readonly tax_cents: number;
  readonly tax_rate_id: number | null;
  readonly rate_bp: number | null;
  readonly tax_name: string | null;
}

export interface PricedRefund {
  readonly lines: readonly PricedRefundLine[];
  readonly taxes: readonly TaxEntry[];
  readonly tax_cents: number;
  /** Σ net, plus tax_cents when prices are net; before cash rounding. */
  readonly total_cents: number;
}

function refundNetCents(line: RefundLineInput): number {
  if (line.refund_amount === 0) return 0;
  const takesLastUnit = line.refunded_amount + line.refund_amount === line.sold_amount;
  if (takesLastUnit) return line.net_line_cents - line.refunded_net_cents;
  return mulDivFloor(line.net_line_cents, line.refund_amount, line.sold_amount);
}

function checkLine(line: RefundLineInput, index: number): void {
  const path = ['lines', index];
  requireInteger(line.net_line_cents, 0, Number.MAX_SAFE_INTEGER, [...path, 'net_line_cents']);
  requireInteger(line.sold_amount, 1, Number.MAX_SAFE_INTEGER, [...path, 'sold_amount']);
  requireInteger(line.refunded_amount, 0, line.sold_amount, [...path, 'refunded_amount']);
  requireInteger(line.refunded_net_cents, 0, line.net_line_cents, [...path, 'refunded_net_cents']);
  requireInteger(line.refund_amount, 0, Number.MAX_SAFE_INTEGER, [...path, 'refund_amount']);
  checkTaxRate(line.tax_rate, [...path, 'tax_rate']);
}

/**
 * Prices a refund as API-SELLING.md "Refunds": k of a line's n units give back
 * `floor(net_line × k / n)`, and the refund taking the line's last unit gives back what is left
 * (`net_line − refunded_net_cents`), so a line's refunds always add up to its `net_line_cents`.
 * Taxes are per rate on the refund's own lines with the sale's rates and formula, settled
 * against `rate_balances` when given (see RefundInput).
 *
 * Throws a RefundExceedsSaleError (a RangeError; 400 `refund_exceeds_sale`) naming every line
 * asking for more than `sold_amount − refunded_amount`, and a PricingInputError (a RangeError
 * with the input's `path`) for any other input validation should have refused, a refund of no
 * unit at all included. A sale line should appear once per refund: the caller adds up repeated
 * `order_item_id`s first. `lines` of the answer follow the input's, lines at 0 priced at 0.
 */
export function priceRefund(input: RefundInput): PricedRefund {
  input.lines.forEach(checkLine);
  if (!input.lines.some((line) => line.refund_amount > 0))
    throw new PricingInputError(['lines', 0, 'refund_amount'], 'a refund gives back at least one unit');
  const balances = checkRateBalances(input.rate_balances);
  const excesses = input.lines.flatMap((line, index): RefundExcess[] => {
    const refundable = line.sold_amount - line.refunded_amount;
    return line.refund_amount > refundable ? [{ index, requested: line.refund_amount, refundable }] : [];
  });
  if (excesses.length > 0) throw new RefundExceedsSaleError(excesses);

  const settled = input.lines.map((line) => ({
    tax_rate_id: line.tax_rate?.id ?? null,
    net_cents: refundNetCents(line),
    refund_amount: line.refund_amount,
    emptied: line.refunded_amount + line.refund_amount === line.sold_amount,
  }));
  const refunded = input.lines.flatMap((line, index) => (line.refund_amount > 0 ? [{ line, index }] : []));
  const ownTaxes = taxesPerRate(
    refunded.map(({ line, index }) => ({ net_cents: settled[index]?.net_cents ?? 0, tax_rate: line.tax_rate })),
    input.prices_include_tax,
    (part) => ['lines', refunded[part]?.index ?? part, 'tax_rate'],
  );
  const taxes = settleRateTaxes(ownTaxes, settled, balances);
  const lineTaxes = lineTaxParts(taxes, settled);

  const taxCents = sumExact(taxes.map((entry) => entry.tax_cents));
  const netCents = sumExact(settled.map((line) => line.net_cents));
  return {
    lines: input.lines.map((line, index) => ({
      net_line_cents: settled[index]?.net_cents ?? 0,
      tax_cents: lineTaxes[index] ?? 0,
      tax_rate_id: line.tax_rate?.id ?? null,
      rate_bp: line.tax_rate?.rate_bp ?? null,
      tax_name: line.tax_rate?.name ?? null,
    })),
    taxes,
    tax_cents: taxCents,
    total_cents: input.prices_include_tax ? netCents : sumExact([netCents, taxCents]),
  };
}
