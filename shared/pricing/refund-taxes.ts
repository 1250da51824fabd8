import { PricingInputError, requireInteger } from './errors';
import { spreadByWeight } from './spread';
import type { TaxEntry } from './types';

/** What is left of one of the sale's rates before this refund. */
export interface RateBalance {
  readonly tax_rate_id: number;
  /** The sale's tax at the rate (its `order_taxes` row). */
  readonly sold_tax_cents: number;
  /** Σ tax at the rate of the sale's earlier refunds (their `refund_taxes` rows). */
  readonly refunded_tax_cents: number;
}

/** The line facts the settling reads: which rate, and whether this refund empties the line. */
export interface SettledLine {
  readonly tax_rate_id: number | null;
  readonly net_cents: number;
  /** Units this refund gives back; 0 for a line of the sale it does not take. */
  readonly refund_amount: number;
  readonly emptied: boolean;
}

/** The balances by rate id, checked: integer cents, one entry per rate. */
export function checkRateBalances(balances: readonly RateBalance[] | undefined): Map<number, RateBalance> {
  const byRate = new Map<number, RateBalance>();
  (balances ?? []).forEach((balance, index) => {
    const path = ['rate_balances', index];
    requireInteger(balance.tax_rate_id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, [...path, 'tax_rate_id']);
    requireInteger(balance.sold_tax_cents, 0, Number.MAX_SAFE_INTEGER, [...path, 'sold_tax_cents']);
    requireInteger(balance.refunded_tax_cents, 0, Number.MAX_SAFE_INTEGER, [...path, 'refunded_tax_cents']);
    if (byRate.has(balance.tax_rate_id)) throw new PricingInputError([...path, 'tax_rate_id'], `rate ${balance.tax_rate_id} appears twice`);
    byRate.set(balance.tax_rate_id, balance);
  });
  return byRate;
}

/**
 * Rounding per refund can give back a cent more or less tax than the sale took, so partial
 * refunds could add up to more than was paid. As the floor rule does for the net, the refund
 * taking a rate's last units (every line of the sale at the rate emptied) gets what is left of
 * the sale's tax at that rate, and no refund takes more than is left.
 */
export function settleRateTaxes(
  taxes: readonly TaxEntry[],
  lines: readonly SettledLine[],
  balances: ReadonlyMap<number, RateBalance>,
): TaxEntry[] {
  return taxes.map((entry) => {
    const balance = balances.get(entry.tax_rate_id);
    if (!balance) return entry;
    const left = Math.max(0, balance.sold_tax_cents - balance.refunded_tax_cents);
    const takesLastUnits = lines.filter((line) => line.tax_rate_id === entry.tax_rate_id).every((line) => line.emptied);
    return { ...entry, tax_cents: takesLastUnits ? left : Math.min(entry.tax_cents, left) };
  });
}

/** Each refunded line's part of its rate's tax, spread by net; with no net to weigh by, the first refunded line carries it. */
export function lineTaxParts(taxes: readonly TaxEntry[], lines: readonly SettledLine[]): number[] {
  const parts = lines.map(() => 0);
  for (const entry of taxes) {
    const indexes = lines.flatMap((line, index) => (line.refund_amount > 0 && line.tax_rate_id === entry.tax_rate_id ? [index] : []));
    const nets = indexes.map((index) => lines[index]?.net_cents ?? 0);
    const shares = nets.some((net) => net > 0)
      ? spreadByWeight(entry.tax_cents, nets)
      : nets.map((_, i) => (i === 0 ? entry.tax_cents : 0));
    indexes.forEach((lineIndex, share) => (parts[lineIndex] = shares[share] ?? 0));
  }
  return parts;
}
